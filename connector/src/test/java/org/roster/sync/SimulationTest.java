package org.roster.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.audit.InMemoryAuditLog;
import org.roster.directory.DirectoryEntry;
import org.roster.directory.EntryNormaliser;
import org.roster.directory.PhoneNumbers;
import org.roster.platform.RecordedContactPlatform;
import org.roster.policy.InvalidPolicyException;
import org.roster.policy.PersonField;
import org.roster.policy.Policies;
import org.roster.policy.Policy;
import org.roster.policy.PolicyEvaluator;
import org.roster.policy.PolicyParser;

class SimulationTest {

    private final SyncPipelineTest.ListDirectorySource directory = new SyncPipelineTest.ListDirectorySource();
    private final InMemoryStateStore store = new InMemoryStateStore();

    private static DirectoryEntry person(String id, String department, String type, String mobile) {
        return DirectoryEntry.builder("uid=" + id + ",ou=people,dc=example,dc=org").id(id)
                .add(PersonField.SURNAME, "S-" + id).add(PersonField.GIVEN_NAME, "G-" + id)
                .add(PersonField.DEPARTMENT, department).add(PersonField.EMPLOYEE_TYPE, type)
                .add(PersonField.MOBILE, mobile).build();
    }

    @BeforeEach
    void aCompanySyncedWithTheDefaultPolicy() {
        directory.put(person("a", "Finance", "employee", "0151 11111111"));
        directory.put(person("b", "Finance", "employee", "0151 22222222"));
        directory.put(person("c", "Finance", "contractor", "0151 33333333"));
        directory.put(person("d", "Sales", "employee", "0151 44444444"));
        new SyncPipeline(directory, new EntryNormaliser(PhoneNumbers.forRegion("DE")),
                new PolicyEvaluator(Policies.bundled("default")), store, new RecordedContactPlatform(),
                new InMemoryAuditLog(), Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC))
                .run(1, false, new RunProgress(0));
    }

    @Test
    void excludingContractorsShowsWhoIsExcludedByWhichRuleAndWhoLosesWhom() throws InvalidPolicyException {
        Policy noContractors = PolicyParser.parse("candidate.yaml", """
                policy: no-contractors
                scope:
                  - id: has-mobile
                    require: mobile
                  - id: no-contractors
                    exclude: {field: employeeType, equals: contractor}
                fields: [givenName, surname, mobile]
                visibility:
                  - id: same-department
                    same: department
                """);

        Simulation.Result result = Simulation.of(store, noContractors).run(10);

        assertThat(result.employees()).isEqualTo(4);
        assertThat(result.byRule()).containsEntry("no-contractors", 1L).containsEntry("all-scope-rules-passed", 3L);
        // a and b each lose the contractor; the contractor loses both colleagues
        assertThat(result.removes()).isEqualTo(4);
        assertThat(result.adds()).isZero();
        assertThat(result.sample()).first().satisfies(c -> {
            assertThat(c.viewerId()).isEqualTo("c");
            assertThat(c.losses()).isEqualTo(2);
            assertThat(c.lost()).as("who the viewer would lose, by id").containsExactlyInAnyOrder("a", "b");
            assertThat(c.gained()).isEmpty();
        });
        assertThat(store.deliveredTo("a")).containsKey("c");
    }

    @Test
    void simulatingThePolicyInForceChangesNothing() {
        Simulation.Result result = Simulation.of(store, Policies.bundled("default")).run(10);

        assertThat(result.adds() + result.updates() + result.removes()).isZero();
        assertThat(result.viewersChanged()).isZero();
        assertThat(result.sample()).isEmpty();
    }
}
