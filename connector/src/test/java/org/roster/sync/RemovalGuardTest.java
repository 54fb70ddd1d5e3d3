package org.roster.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.audit.InMemoryAuditLog;
import org.roster.directory.DirectoryEntry;
import org.roster.directory.EntryNormaliser;
import org.roster.directory.PhoneNumbers;
import org.roster.platform.RecordedContactPlatform;
import org.roster.policy.PersonField;
import org.roster.policy.Policies;
import org.roster.policy.PolicyEvaluator;

class RemovalGuardTest {

    private final SyncPipelineTest.ListDirectorySource directory = new SyncPipelineTest.ListDirectorySource();
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final SyncPipeline pipeline = new SyncPipeline(directory, new EntryNormaliser(PhoneNumbers.forRegion("DE")),
            new PolicyEvaluator(Policies.bundled("default")), store, new RecordedContactPlatform(), new InMemoryAuditLog(),
            Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));
    private long runId;

    @BeforeEach
    void tenColleaguesWithEverythingDelivered() {
        for (int i = 0; i < 10; i++) {
            directory.put(DirectoryEntry.builder("uid=p" + i + ",ou=people,dc=example,dc=org").id("p" + i)
                    .add(PersonField.SURNAME, "S" + i).add(PersonField.DEPARTMENT, "Finance")
                    .add(PersonField.MOBILE, String.format("0151 2345 67%02d", i)).build());
        }
        pipeline.run(++runId, false, new RunProgress(0));
        assertThat(store.countDelivered()).isEqualTo(90);
    }

    @Test
    void theLimitIsTheSmallerOfTheShareAndTheMaximumUnlessAnAdminApprovedMore() {
        RemovalGuard guard = RemovalGuard.of(0.05, 500);

        assertThat(guard.limit(1_000)).isEqualTo(50);
        assertThat(guard.limit(1_000_000)).isEqualTo(500);
        assertThat(guard.approving(2_000).limit(1_000_000)).isEqualTo(2_000);
    }

    @Test
    void aPlanRemovingMoreThanTheLimitDeliversNothingAndWaitsForAnAdmin() {
        directory.remove("p0");
        directory.remove("p1");

        RunProgress progress = new RunProgress(0);
        SyncPipeline.Outcome outcome = pipeline.run(++runId, false, progress, RemovalGuard.of(0.2, 500));

        // p0 and p1 leave 8 viewers each and lose their own 9 contacts each: 16 + 18
        assertThat(outcome.awaitingApproval()).isTrue();
        assertThat(outcome.plannedRemovals()).isEqualTo(34);
        assertThat(outcome.removalLimit()).isEqualTo(18);
        assertThat(progress.removed).hasValue(34);
        assertThat(store.countDelivered()).isEqualTo(90);
        assertThat(store.deliveredTo("p2")).containsKeys("p0", "p1");
    }

    @Test
    void anApprovedRunDeliversThePlanItHaltedWith() {
        directory.remove("p0");
        directory.remove("p1");
        long halted = ++runId;
        pipeline.run(halted, false, new RunProgress(0), RemovalGuard.of(0.2, 500));

        pipeline.deliver(halted, new RunProgress(0));

        assertThat(store.countDelivered()).isEqualTo(56);
        assertThat(store.deliveredTo("p2")).doesNotContainKeys("p0", "p1");
    }

    @Test
    void aSupersededPlanIsDroppedAndTheNextRunPlansAgainInFull() {
        directory.remove("p0");
        directory.remove("p1");
        long halted = ++runId;
        pipeline.run(halted, false, new RunProgress(0), RemovalGuard.of(0.2, 500));
        store.discardPlan(halted);

        SyncPipeline.Outcome next = pipeline.run(++runId, false, new RunProgress(0), RemovalGuard.of(0.2, 500)
                .approving(34));

        assertThat(next.awaitingApproval()).isFalse();
        assertThat(store.countDelivered()).isEqualTo(56);
        assertThat(store.deliveredTo("p2")).doesNotContainKeys("p0", "p1");
    }

    @Test
    void aPlanThatRemovesNothingGoesAheadWithoutCountingWhatIsDelivered() {
        // counting every delivered contact costs as much as there are: a plan that removes nothing
        // can't exceed a limit, and is not made to pay for it
        AtomicInteger counted = new AtomicInteger();
        StateStore watched = (StateStore) Proxy.newProxyInstance(StateStore.class.getClassLoader(),
                new Class<?>[] {StateStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("countDelivered")) {
                        counted.incrementAndGet();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        SyncPipeline guarded = new SyncPipeline(directory, new EntryNormaliser(PhoneNumbers.forRegion("DE")),
                new PolicyEvaluator(Policies.bundled("default")), watched, new RecordedContactPlatform(),
                new InMemoryAuditLog(), Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));
        directory.put(DirectoryEntry.builder("uid=p10,ou=people,dc=example,dc=org").id("p10")
                .add(PersonField.SURNAME, "S10").add(PersonField.DEPARTMENT, "Finance")
                .add(PersonField.MOBILE, "0151 2345 6710").build());

        SyncPipeline.Outcome outcome = guarded.run(++runId, false, new RunProgress(0), RemovalGuard.of(0.05, 500));

        assertThat(outcome.awaitingApproval()).isFalse();
        assertThat(store.countDelivered()).as("the newcomer and the ten see each other").isEqualTo(110);
        assertThat(counted).as("the delivered contacts were not counted").hasValue(0);

        directory.remove("p10");
        SyncPipeline.Outcome removing = guarded.run(++runId, false, new RunProgress(0), RemovalGuard.of(0.05, 500));

        assertThat(removing.awaitingApproval()).as("20 removals of 110, more than 5 %").isTrue();
        assertThat(counted).as("a plan that removes is held to the limit").hasValue(1);
    }

    @Test
    void aPlanWithinTheLimitGoesAhead() {
        directory.remove("p0");

        SyncPipeline.Outcome outcome = pipeline.run(++runId, false, new RunProgress(0), RemovalGuard.of(0.5, 500));

        assertThat(outcome.awaitingApproval()).isFalse();
        assertThat(store.countDelivered()).isEqualTo(72);
    }
}
