package org.roster.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.roster.audit.AuditLog;
import org.roster.audit.InMemoryAuditLog;
import org.roster.policy.Person;

/**
 * The engine's plans against {@link ReferencePlanner} on random directories and policies, on the
 * in-memory store: each {@link ReferenceCase} is made from one seed and named by it. A failure names
 * the seed; {@code -Droster.reference.seed=SEED} runs that case alone, and
 * {@code -Droster.reference.cases=N} runs more cases than the default.
 */
class ContactsMatchReferencePlannerTest {

    private static final long FIRST_SEED = 20_261_207L;
    private static final int CASES = 100;
    /** What the cases reached, over all of them. */
    private static final Map<String, Long> REACHED = new ConcurrentSkipListMap<>();

    @TestFactory
    Stream<DynamicTest> everyViewersContactsAreWhatTheReferencePlannerGrantsAfterEveryRun() {
        Long replay = Long.getLong("roster.reference.seed");
        LongStream seeds = replay != null ? LongStream.of(replay)
                : LongStream.range(FIRST_SEED, FIRST_SEED + Integer.getInteger("roster.reference.cases", CASES));
        Stream<DynamicTest> cases = seeds.mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed + " ("
                + ReferenceCase.readingOf(seed) + ")", () -> ReferenceCase.check(seed, new InMemory())
                .forEach((what, howMany) -> REACHED.merge(what, howMany, Long::sum))));
        return replay != null ? cases : Stream.concat(cases, Stream.of(DynamicTest.dynamicTest(
                "the cases reach every kind of rule, the cap, rejections and every kind of change",
                ContactsMatchReferencePlannerTest::reachedEnough)));
    }

    /**
     * A property that holds of cases that miss the interesting ground shows nothing: every kind of
     * rule must have granted contacts, caps must have cut lists, entries must have been rejected, and
     * second runs must have added, updated (a field, or only the granting rule) and removed.
     */
    private static void reachedEnough() {
        assertThat(REACHED).as("what the cases reached").containsKeys("granted by Everyone",
                "granted by SameValue", "granted by ManagerChain", "granted by DirectReports", "granted by Group",
                "viewers at their cap", "rejected entries", "second runs adding", "second runs updating",
                "second runs removing", "second runs renaming a rule", "second runs reading changes only");
        assertThat(REACHED.get("viewers at their cap")).as("viewers at their cap").isGreaterThan(50);
    }

    /** The in-memory store, with run ids counted up. */
    private static final class InMemory implements ReferenceCase.Target {
        private final InMemoryStateStore store = new InMemoryStateStore();
        private final InMemoryAuditLog audit = new InMemoryAuditLog();
        private long runId;

        @Override
        public StateStore store() {
            return store;
        }

        @Override
        public AuditLog audit() {
            return audit;
        }

        @Override
        public void choose(String employeeId, Person.SelfService choice) {
            store.choose(employeeId, choice);
        }

        @Override
        public long startRun() {
            return ++runId;
        }

        @Override
        public void finishRun(long runId) {
        }

        @Override
        public Map<String, Map<String, ContactCard>> delivered() {
            Map<String, Map<String, ContactCard>> delivered = new TreeMap<>();
            store.viewersWithDeliveries().forEach(viewer -> delivered.put(viewer, store.deliveredTo(viewer)));
            return delivered;
        }
    }
}
