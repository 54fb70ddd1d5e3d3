package org.roster.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.audit.InMemoryAuditLog;
import org.roster.directory.DirectoryEntry;
import org.roster.directory.EntryNormaliser;
import org.roster.directory.PhoneNumbers;
import org.roster.policy.PersonField;
import org.roster.policy.Policies;
import org.roster.policy.PolicyEvaluator;

/** The outbox between planning and delivery: plans outlive their run's process, and keys make re-sending harmless. */
class OutboxTest {

    /** A platform that honours idempotency keys, and can die after applying a batch, before Roster records it. */
    static final class KeyedPlatform implements ContactPlatform {
        final Set<String> applied = new HashSet<>();
        final List<String> received = new ArrayList<>();
        int dieAfterBatches = -1;

        @Override
        public String name() {
            return "keyed";
        }

        @Override
        public void deliver(String viewerId, List<PlannedChange> changes) {
            for (PlannedChange change : changes) {
                received.add(change.idempotencyKey());
                applied.add(change.idempotencyKey());
            }
            if (dieAfterBatches > 0 && --dieAfterBatches == 0) {
                throw new IllegalStateException("the process died");
            }
        }
    }

    private final SyncPipelineTest.ListDirectorySource directory = new SyncPipelineTest.ListDirectorySource();
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final KeyedPlatform platform = new KeyedPlatform();
    private final SyncPipeline pipeline = new SyncPipeline(directory, new EntryNormaliser(PhoneNumbers.forRegion("DE")),
            new PolicyEvaluator(Policies.bundled("default")), store, platform, new InMemoryAuditLog(),
            Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC)).delivering(5, () -> { });

    @BeforeEach
    void tenColleagues() {
        for (int i = 0; i < 10; i++) {
            directory.put(DirectoryEntry.builder("uid=p" + i + ",ou=people,dc=example,dc=org").id("p" + i)
                    .add(PersonField.SURNAME, "S" + i).add(PersonField.DEPARTMENT, "Finance")
                    .add(PersonField.MOBILE, String.format("0151 2345 67%02d", i)).build());
        }
    }

    @Test
    void aBatchAppliedByAPlatformWhoseProcessDiedIsSentAgainUnderTheSameKeysAndAppliedOnce() {
        platform.dieAfterBatches = 3;  // calls: p0 (5), p0 (4), p1 (1)
        RunProgress progress = new RunProgress(0);
        assertThatThrownBy(() -> pipeline.run(1, false, progress)).hasMessage("the process died");
        // batches of 5 go out viewer by viewer: p0's first five, then p0's last four and p1's first,
        // during which the process dies; only the first batch was recorded
        assertThat(store.outbox(1).delivered()).isEqualTo(5);
        assertThat(store.outbox(1).pending()).isEqualTo(85);

        RunProgress resumed = new RunProgress(0);
        resumed.added.set(store.outbox(1).adds());
        pipeline.deliver(1, resumed);

        assertThat(resumed.delivered).as("the rest of the plan").hasValue(85);
        assertThat(store.countDelivered()).isEqualTo(90);
        assertThat(platform.applied).hasSize(90);
        assertThat(platform.received).as("the second batch twice, under the same keys").hasSize(95);
        assertThat(resumed.stage()).isEqualTo(RunProgress.Stage.DONE);
    }

    @Test
    void aHaltedPlanWaitsInTheOutboxAndIsDeliveredAsItWasWhenApproved() {
        pipeline.run(1, false, new RunProgress(0));
        directory.remove("p0");
        directory.remove("p1");

        SyncPipeline.Outcome halted = pipeline.run(2, false, new RunProgress(0), RemovalGuard.of(0.2, 500));
        assertThat(halted.awaitingApproval()).isTrue();
        assertThat(store.outbox(2)).isEqualTo(new StateStore.OutboxCounts(0, 0, 34, 34, 0, 0));
        assertThat(store.countDelivered()).isEqualTo(90);

        pipeline.deliver(2, new RunProgress(0));

        assertThat(store.countDelivered()).isEqualTo(56);
        assertThat(store.deliveredTo("p2")).doesNotContainKeys("p0", "p1");
    }

    @Test
    void theOutboxIsEmptyOnceARunHasEndedAndAFailedRunsLeftoversGoWithTheNextRunsEnd() {
        platform.dieAfterBatches = 3;
        assertThatThrownBy(() -> pipeline.run(1, false, new RunProgress(0))).hasMessage("the process died");
        // as the application ends a failed run: what it planned and did not deliver is planned again
        store.discardPlan(1);
        assertThat(store.queued()).as("run 1's one delivered batch").isEqualTo(5);
        platform.dieAfterBatches = -1;

        pipeline.run(2, false, new RunProgress(0));

        assertThat(store.queued()).as("nothing of run 1 or run 2 is kept once run 2 ended").isZero();
        assertThat(store.countDelivered()).isEqualTo(90);
        for (int i = 0; i < 10; i++) {
            assertThat(store.deliveredTo("p" + i)).as("p" + i).hasSize(9);
        }
    }

    @Test
    void aDryRunWritesNoOutbox() {
        RunProgress progress = new RunProgress(0);
        pipeline.run(1, true, progress);

        assertThat(progress.added).hasValue(90);
        assertThat(store.outbox(1).total()).isZero();
        assertThat(platform.received).isEmpty();
    }

    @Test
    void viewersWhoseContactSetsDidNotChangeCostNoReadOfWhatWasDelivered() {
        pipeline.run(1, false, new RunProgress(0));
        long firstReads = store.deliveredReads.get();

        RunProgress unchanged = new RunProgress(0);
        pipeline.run(2, false, unchanged);
        assertThat(store.deliveredReads.get()).isEqualTo(firstReads);
        assertThat(unchanged.planned()).isZero();

        // p3's number changes: every viewer who has p3 is compared in full, and only they
        directory.put(DirectoryEntry.builder("uid=p3,ou=people,dc=example,dc=org").id("p3")
                .add(PersonField.SURNAME, "S3").add(PersonField.DEPARTMENT, "Finance")
                .add(PersonField.MOBILE, "0151 2345 6799").build());
        RunProgress changed = new RunProgress(0);
        pipeline.run(3, false, changed);
        assertThat(store.deliveredReads.get() - firstReads).isEqualTo(9);
        assertThat(changed.updated).hasValue(9);
        assertThat(store.deliveredTo("p0").get("p3").fields()).containsEntry(PersonField.MOBILE, "+4915123456799");
    }

    @Test
    void aServerThatStopsFinishesTheBatchItDeliversAndLeavesTheRestForTheServerThatTakesTheRunOver() {
        AtomicInteger batches = new AtomicInteger();
        SyncPipeline stopping = new SyncPipeline(directory, new EntryNormaliser(PhoneNumbers.forRegion("DE")),
                new PolicyEvaluator(Policies.bundled("default")), store, platform, new InMemoryAuditLog(),
                Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC))
                .delivering(5, batches::incrementAndGet).handingBackWhen(() -> batches.get() == 2);

        assertThatThrownBy(() -> stopping.run(1, false, new RunProgress(0))).isInstanceOf(HandedBack.class);
        assertThat(store.outbox(1).delivered()).as("two whole batches, recorded").isEqualTo(10);
        assertThat(platform.received).hasSize(10);

        RunProgress taken = new RunProgress(0);
        taken.added.set(store.outbox(1).adds());
        pipeline.deliver(1, taken);
        assertThat(platform.received).as("the rest, each change once").hasSize(90).doesNotHaveDuplicates();
    }
}
