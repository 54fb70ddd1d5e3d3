package org.roster.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalInt;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.audit.InMemoryAuditLog;
import org.roster.directory.DirectoryEntry;
import org.roster.directory.EntryNormaliser;
import org.roster.directory.Employee;
import org.roster.directory.PhoneNumbers;
import org.roster.platform.RecordedContactPlatform;
import org.roster.policy.InvalidPolicyException;
import org.roster.policy.PersonField;
import org.roster.policy.Policy;
import org.roster.policy.PolicyEvaluator;
import org.roster.policy.PolicyParser;

class CapPositionsTest {

    private final SyncPipelineTest.ListDirectorySource directory = new SyncPipelineTest.ListDirectorySource();
    private final InMemoryStateStore store = new InMemoryStateStore();
    private Policy capped;

    private static DirectoryEntry person(String id, String department, String title) {
        return DirectoryEntry.builder("uid=" + id + ",ou=people,dc=example,dc=org").id(id)
                .add(PersonField.SURNAME, "S-" + id).add(PersonField.DEPARTMENT, department)
                .add(PersonField.TITLE, title).add(PersonField.MOBILE, "0151 1111 00" + id.substring(1)).build();
    }

    @BeforeEach
    void aCompanySyncedUnderACapOfTwo() throws InvalidPolicyException {
        capped = PolicyParser.parse("capped.yaml", """
                policy: capped
                scope:
                  - id: has-mobile
                    require: mobile
                fields: [surname, mobile]
                visibility:
                  - id: same-title
                    same: title
                  - id: same-department
                    same: department
                cap: 2
                """);
        directory.put(person("p10", "Finance", "Clerk"));
        directory.put(person("p11", "Finance", "Buyer"));
        directory.put(person("p12", "Finance", "Buyer"));
        directory.put(person("p13", "Finance", "Clerk"));
        directory.put(person("p14", "Finance", "Buyer"));
        directory.put(person("p15", "Sales", "Clerk"));
        new SyncPipeline(directory, new EntryNormaliser(PhoneNumbers.forRegion("DE")), new PolicyEvaluator(capped),
                store, new RecordedContactPlatform(), new InMemoryAuditLog(),
                Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC)).run(1, false, new RunProgress(0));
    }

    @Test
    void aContactLeftOutByTheCapIsPlacedAfterEveryoneAnEarlierRuleGrantsThenById() {
        Employee viewer = store.byReference("uid=p10,ou=people,dc=example,dc=org").orElseThrow();
        CapPositions positions = CapPositions.in(store, capped);

        // the same title first (p13, p15), then the same department (p11, p12, p14)
        assertThat(positions.position(viewer, "p13")).isEqualTo(OptionalInt.of(1));
        assertThat(positions.position(viewer, "p15")).isEqualTo(OptionalInt.of(2));
        assertThat(positions.position(viewer, "p12")).isEqualTo(OptionalInt.of(4));
        assertThat(store.deliveredTo("p10")).containsOnlyKeys("p13", "p15");
        assertThat(positions.position(viewer, "p10")).as("nobody is their own contact").isEmpty();
    }
}
