package org.roster.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.roster.audit.InMemoryAuditLog;
import org.roster.directory.EntryNormaliser;
import org.roster.directory.PhoneNumbers;
import org.roster.policy.PersonField;
import org.roster.policy.Policies;
import org.roster.policy.PolicyEvaluator;

class WriteBehindTest {

    private static final Runnable DATABASE_FULL = () -> {
        throw new IllegalStateException("the database is full");
    };

    /** Submits a unit after one failed: the failure may already be known, and is then thrown. */
    private static void submitAfterTheFailure(WriteBehind behind, Runnable unit) {
        try {
            behind.submit(unit);
        } catch (IllegalStateException e) {
            assertThat(e).hasMessage("the database is full");
        }
    }

    private final List<String> threadNames = Collections.synchronizedList(new ArrayList<>());
    private final ThreadFactory named = work -> {
        Thread thread = new Thread(work, "test-writer");
        thread.setDaemon(true);
        return thread;
    };

    @Test
    void unitsAreDoneInTheOrderSubmittedOnTheGivenThreadAndFinishWaitsForAll() {
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        WriteBehind behind = new WriteBehind(named, 2);
        for (int i = 0; i < 500; i++) {
            int n = i;
            behind.submit(() -> {
                threadNames.add(Thread.currentThread().getName());
                done.add(n);
            });
        }

        behind.finish();

        assertThat(done).hasSize(500).isSorted();
        assertThat(threadNames).containsOnly("test-writer");
    }

    @Test
    void unitsSubmittedOnceTheReadIsEndingAreDoneOnTheCallersThreadWhenNoWriterWasStarted() {
        List<String> asked = Collections.synchronizedList(new ArrayList<>());
        WriteBehind behind = new WriteBehind(work -> {
            asked.add("a thread");
            return named.newThread(work);
        }, 2);
        List<String> done = new ArrayList<>();
        behind.ending();
        behind.submit(() -> done.add("first on " + Thread.currentThread().getName()));
        behind.submit(() -> done.add("second on " + Thread.currentThread().getName()));
        behind.finish();

        String caller = Thread.currentThread().getName();
        assertThat(done).containsExactly("first on " + caller, "second on " + caller);
        assertThat(asked).as("no thread was asked for").isEmpty();
    }

    @Test
    void onceAWriterRunsUnitsSubmittedAsTheReadEndsStillGoToItInOrder() {
        List<String> done = Collections.synchronizedList(new ArrayList<>());
        WriteBehind behind = new WriteBehind(named, 2);
        behind.submit(() -> done.add("during the read on " + Thread.currentThread().getName()));
        behind.ending();
        behind.submit(() -> done.add("at its end on " + Thread.currentThread().getName()));
        behind.finish();

        assertThat(done).containsExactly("during the read on test-writer", "at its end on test-writer");
    }

    @Test
    void aUnitDoneOnTheCallersThreadThatFailsFailsTheFinishAndNothingIsDoneAfterIt() {
        AtomicInteger done = new AtomicInteger();
        WriteBehind behind = new WriteBehind(named, 2);
        behind.ending();
        behind.submit(DATABASE_FULL);
        submitAfterTheFailure(behind, done::incrementAndGet);

        assertThatThrownBy(behind::finish).isInstanceOf(IllegalStateException.class)
                .hasMessage("the database is full");
        assertThat(done).hasValue(0);
    }

    @Test
    void afterAUnitFailsNothingMoreIsDoneAndFinishThrowsThatFailure() {
        AtomicInteger done = new AtomicInteger();
        WriteBehind behind = new WriteBehind(named, 2);
        behind.submit(done::incrementAndGet);
        behind.submit(DATABASE_FULL);
        for (int i = 0; i < 50; i++) {
            submitAfterTheFailure(behind, done::incrementAndGet);
        }

        assertThatThrownBy(behind::finish).isInstanceOf(IllegalStateException.class)
                .hasMessage("the database is full");
        assertThat(done).hasValue(1);
    }

    @Test
    void aReadStoresEveryBatchOnTheWritersThreadsAndAStoreFailureFailsTheRunWithNothingStoredAfterIt() {
        SyncPipelineTest.ListDirectorySource directory = new SyncPipelineTest.ListDirectorySource();
        for (int i = 0; i < 2400; i++) {
            directory.put(ChangeDetectionTest.person(String.format("p%04d", i), "Person", "Team " + i,
                    String.format("0151 4%07d", i)));
        }
        InMemoryStateStore memory = new InMemoryStateStore();
        AtomicInteger batches = new AtomicInteger();
        AtomicInteger failOn = new AtomicInteger(Integer.MAX_VALUE);
        StateStore store = (StateStore) Proxy.newProxyInstance(StateStore.class.getClassLoader(),
                new Class<?>[] {StateStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("saveEntries")) {
                        threadNames.add(Thread.currentThread().getName());
                        if (batches.incrementAndGet() == failOn.get()) {
                            throw new IllegalStateException("the database refused batch " + failOn.get());
                        }
                    }
                    try {
                        return method.invoke(memory, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"),
                ZoneOffset.UTC);
        SyncPipeline pipeline = new SyncPipeline(directory, new EntryNormaliser(PhoneNumbers.forRegion("DE")),
                new PolicyEvaluator(Policies.bundled("default")), store,
                new SyncPipelineTest.RecordingContactPlatform(), new InMemoryAuditLog(), clock)
                .writingOn(named);

        RunProgress first = new RunProgress(0);
        pipeline.run(1, false, first);

        assertThat(first.inScope).hasValue(2400);
        assertThat(batches).as("batches of 1000").hasValue(3);
        assertThat(threadNames).containsOnly("test-writer");

        // the directory changes everywhere; storing its second batch fails
        for (int i = 0; i < 2400; i++) {
            directory.put(ChangeDetectionTest.person(String.format("p%04d", i), "Renamed", "Team " + i,
                    String.format("0151 4%07d", i)));
        }
        batches.set(0);
        failOn.set(2);

        assertThatThrownBy(() -> pipeline.run(2, false, new RunProgress(2400)))
                .hasMessage("the database refused batch 2");
        assertThat(batches).as("no batch is stored after the one that failed").hasValue(2);
        assertThat(memory.byReference("uid=p0000,ou=people,dc=example,dc=org").orElseThrow()
                .value(PersonField.GIVEN_NAME)).as("the first batch stands").contains("Renamed");
        assertThat(memory.byReference("uid=p2399,ou=people,dc=example,dc=org").orElseThrow()
                .value(PersonField.GIVEN_NAME)).as("the last batch was never written")
                .contains("Person");
    }
}
