package org.roster.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.roster.audit.AuditEvent;
import org.roster.audit.InMemoryAuditLog;
import org.roster.directory.DirectoryEntry;
import org.roster.directory.EntryNormaliser;
import org.roster.directory.PhoneNumbers;
import org.roster.platform.RecordedContactPlatform;
import org.roster.policy.PersonField;
import org.roster.policy.Policies;
import org.roster.policy.PolicyEvaluator;
import org.roster.testing.MovableClock;

/** A leaver disappears from every viewer at once, and what Roster held about them is purged after the retention period. */
class RetentionTest {

    @Test
    void aLeaversDataIsKeptForTheRetentionPeriodThenPurgedAndTheTrailSaysWhose() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-25T12:00:00Z"));
        SyncPipelineTest.ListDirectorySource directory = new SyncPipelineTest.ListDirectorySource();
        InMemoryStateStore store = new InMemoryStateStore();
        store.clock = clock;
        InMemoryAuditLog audit = new InMemoryAuditLog();
        // the bundled strict-minimal policy keeps personal data 7 days; default keeps 30
        SyncPipeline pipeline = new SyncPipeline(directory, new EntryNormaliser(PhoneNumbers.forRegion("DE")),
                new PolicyEvaluator(Policies.bundled("default")), store, new RecordedContactPlatform(), audit, clock);
        for (String id : new String[] {"stays", "leaves"}) {
            directory.put(DirectoryEntry.builder("uid=" + id + ",ou=people,dc=example,dc=org").id(id)
                    .add(PersonField.SURNAME, id).add(PersonField.DEPARTMENT, "Finance")
                    .add(PersonField.MOBILE, id.equals("stays") ? "0151 2345 6701" : "0151 2345 6702").build());
        }
        pipeline.run(1, false, new RunProgress(0));

        directory.remove("leaves");
        pipeline.run(2, false, new RunProgress(0));
        assertThat(store.deliveredTo("stays")).as("removed from every viewer at once").isEmpty();
        assertThat(store.holds("leaves")).as("kept during the retention period").isTrue();

        clock.advance(Duration.ofDays(29));
        pipeline.run(3, false, new RunProgress(0));
        assertThat(store.holds("leaves")).isTrue();

        clock.advance(Duration.ofDays(2));
        pipeline.run(4, false, new RunProgress(0));
        assertThat(store.holds("leaves")).as("purged after 30 days").isFalse();
        assertThat(store.holds("stays")).isTrue();
        assertThat(audit.events()).filteredOn(e -> e.action().equals("employees.purged")).singleElement()
                .extracting(AuditEvent::detail).asString().contains("leaves").doesNotContain("0151");
    }
}
