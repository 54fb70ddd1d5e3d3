package org.roster.sync;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.roster.audit.AuditLog;
import org.roster.directory.DirectoryEntry;
import org.roster.directory.DirectorySource;
import org.roster.directory.Employee;
import org.roster.directory.EntryNormaliser;
import org.roster.directory.Normalisation;
import org.roster.directory.PhoneNumbers;
import org.roster.policy.Person;
import org.roster.policy.Policy;
import org.roster.policy.PolicyEvaluator;

/**
 * One random case, checked against {@link ReferencePlanner}: a directory and a policy made from a
 * seed ({@link RandomCases}) are synced by the real pipeline on a store, three times: a first full
 * run; a run after random changes (people join and leave, move department, change mobile, manager
 * or groups, opt out); and a run with nothing changed, which must plan nothing. After each, every
 * viewer holds exactly the contacts, fields and granting rules the reference computes, both as the
 * store keeps them delivered and on the viewer's phone (the platform's record of what it was sent).
 *
 * <p>The seed also picks how the runs read the directory: in full, in full with content digests (an
 * entry read again unchanged goes no further than the read ledger), or only its changes after the
 * first run (a source that reports deletions too).
 *
 * <pre>{@code
 * Map<String, Long> reached = ReferenceCase.check(seed, target);   // an AssertionError naming the seed if not
 * }</pre>
 */
public final class ReferenceCase {

    private static final EntryNormaliser NORMALISER = new EntryNormaliser(PhoneNumbers.forRegion("DE"));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);

    /** How a case's runs read the directory. */
    public enum Reading { FULL, FULL_WITH_CONTENT_DIGESTS, CHANGES }

    /** The store a case runs on, as the application keeps it. */
    public interface Target {
        StateStore store();

        /** The audit trail runs write to. */
        AuditLog audit();

        /** Records an employee's self-service choice, as the self-service page does. */
        void choose(String employeeId, Person.SelfService choice);

        /** Records the start of a run, as the application does; its id. */
        long startRun();

        /** Records the end of a run that completed. */
        void finishRun(long runId);

        /** Every card the store holds as delivered, by viewer id, then by contact id. */
        Map<String, Map<String, ContactCard>> delivered();
    }

    private final long seed;
    private final Reading reading;
    private final Policy policy;
    private final Target target;
    private final SyncPipelineTest.RecordingContactPlatform platform = new SyncPipelineTest.RecordingContactPlatform();
    private final SyncPipelineTest.ListDirectorySource listed = new SyncPipelineTest.ListDirectorySource();
    private final VersionedDirectorySource versioned = new VersionedDirectorySource();
    private final SyncPipeline pipeline;
    /** The employees as stored: the last accepted state of each entry in the directory. */
    private final Map<String, Employee> stored = new TreeMap<>();
    private final Set<String> listedIds = new TreeSet<>();
    /** The choices made so far, as the target holds them. */
    private final Map<String, Person.SelfService> chosen = new TreeMap<>();
    /** What the case reached, for a test to show its cases cover what they are meant to. */
    private final Map<String, Long> reached = new TreeMap<>();
    private String watermark;
    private int runs;

    private ReferenceCase(long seed, Policy policy, Target target) {
        this.seed = seed;
        this.reading = readingOf(seed);
        this.policy = policy;
        this.target = target;
        DirectorySource source = switch (reading) {
            case FULL -> listed;
            case FULL_WITH_CONTENT_DIGESTS -> listed.digestingContent();
            case CHANGES -> versioned;
        };
        pipeline = new SyncPipeline(source, NORMALISER, new PolicyEvaluator(policy), target.store(), platform,
                target.audit(), CLOCK);
    }

    /** How the case made from this seed reads its directory. */
    public static Reading readingOf(long seed) {
        return Reading.values()[(int) Math.floorMod(seed, (long) Reading.values().length)];
    }

    /**
     * Runs the case made from the seed on the target, and throws an {@link AssertionError} naming the
     * seed and every difference when the engine's contacts are not the reference's.
     *
     * @return what the case reached, by name: cards granted by each kind of rule, viewers at their
     *         cap, rejected entries, second runs that added, updated, removed, or renamed a rule
     */
    public static Map<String, Long> check(long seed, Target target) {
        RandomCases random = new RandomCases(seed);
        Map<String, DirectoryEntry> directory = random.directory();
        Policy policy = random.policy();
        Map<String, Person.SelfService> choices = random.choices(directory.keySet());
        ReferenceCase sync = new ReferenceCase(seed, policy, target);

        sync.run(directory, choices);

        random.change(directory);
        random.changeChoices(choices, directory.keySet());
        RunProgress second = sync.run(directory, choices);
        sync.reached("second runs adding", Math.min(1, second.added.get()));
        sync.reached("second runs updating", Math.min(1, second.updated.get()));
        sync.reached("second runs removing", Math.min(1, second.removed.get()));
        sync.reached("second runs reading changes only", sync.reading == Reading.CHANGES ? 1 : 0);

        RunProgress again = sync.run(directory, choices);
        if (again.added.get() + again.updated.get() + again.removed.get() != 0) {
            sync.fail(List.of("a run without changes planned " + again.added + " adds, " + again.updated
                    + " updates and " + again.removed + " removals"), directory, choices);
        }
        return sync.reached;
    }

    private RunProgress run(Map<String, DirectoryEntry> directory, Map<String, Person.SelfService> choices) {
        runs++;
        versioned.become(directory);
        listedIds.stream().filter(id -> !directory.containsKey(id)).forEach(listed::remove);
        directory.values().forEach(listed::put);
        listedIds.clear();
        listedIds.addAll(directory.keySet());
        // as the self-service page records a choice: when it is made, not again at every run
        choices.forEach((id, choice) -> {
            if (!choice.equals(chosen.put(id, choice))) {
                target.choose(id, choice);
            }
        });

        Map<String, Map<String, ContactCard>> before = target.delivered();
        RunProgress progress = new RunProgress(0);
        SyncPipeline.ReadMode mode = reading == Reading.CHANGES && watermark != null
                ? SyncPipeline.ReadMode.changesSince(watermark) : SyncPipeline.ReadMode.FULL;
        long runId = target.startRun();
        SyncPipeline.Outcome outcome = pipeline.run(runId, false, progress, RemovalGuard.NONE, mode);
        target.finishRun(runId);
        watermark = progress.watermarks().get("directory");
        if (!outcome.sourceComplete()) {
            fail(List.of("the read was incomplete: " + outcome.problem()), directory, choices);
        }
        remember(directory);
        reached("rejected entries", directory.size() - directory.values().stream()
                .filter(e -> NORMALISER.normalise(e) instanceof Normalisation.Accepted).count());
        Map<String, Map<String, ReferencePlanner.Card>> expected = ReferencePlanner.plan(policy, stored.values(), choices);
        tally(expected, before);
        List<String> problems = compare(expected);
        if (!problems.isEmpty()) {
            fail(problems, directory, choices);
        }
        return progress;
    }

    /** What the store should hold now: an accepted entry as accepted; a rejected one as it last was. */
    private void remember(Map<String, DirectoryEntry> directory) {
        stored.keySet().retainAll(directory.keySet());
        for (DirectoryEntry entry : directory.values()) {
            if (NORMALISER.normalise(entry) instanceof Normalisation.Accepted accepted) {
                stored.put(accepted.employee().id(), accepted.employee());
            }
        }
    }

    /**
     * Every way the delivered state differs from the reference: the cards the store keeps as
     * delivered (the API shows them, with their rule) and the phone's (ids and fields; a phone does
     * not show rules).
     */
    private List<String> compare(Map<String, Map<String, ReferencePlanner.Card>> expected) {
        Map<String, Map<String, ContactCard>> delivered = target.delivered();
        Set<String> viewers = new TreeSet<>(expected.keySet());
        viewers.addAll(delivered.keySet());
        viewers.addAll(platform.allContactLists().keySet());
        List<String> problems = new ArrayList<>();
        for (String viewer : viewers) {
            Map<String, ReferencePlanner.Card> wanted = expected.getOrDefault(viewer, Map.of());
            Map<String, ReferencePlanner.Card> kept = cards(delivered.getOrDefault(viewer, Map.of()));
            if (!wanted.equals(kept)) {
                problems.add(difference(viewer + " as delivered", wanted, kept));
            }
            Map<String, ReferencePlanner.Card> phone = cards(platform.contactsOf(viewer));
            if (!withoutRules(wanted).equals(withoutRules(phone))) {
                problems.add(difference(viewer + " on the phone", withoutRules(wanted), withoutRules(phone)));
            }
        }
        return problems;
    }

    /**
     * Counts the cards by the kind of rule granting them, viewers at their cap, and whether a contact
     * is now granted by another rule than before the run, with the same fields.
     */
    private void tally(Map<String, Map<String, ReferencePlanner.Card>> expected,
                       Map<String, Map<String, ContactCard>> before) {
        Map<String, String> kinds = new TreeMap<>();
        policy.visibility().forEach(rule -> kinds.put(rule.id(), rule.getClass().getSimpleName()));
        expected.values().forEach(cards -> cards.values().forEach(card ->
                reached("granted by " + kinds.get(card.ruleId()), 1)));
        int cap = policy.cap().map(Policy.Cap::max).orElse(-1);
        reached("viewers at their cap", expected.values().stream().filter(cards -> cards.size() == cap).count());
        long renamed = expected.entrySet().stream().flatMap(viewer -> viewer.getValue().entrySet().stream()
                .filter(card -> {
                    ContactCard held = before.getOrDefault(viewer.getKey(), Map.of()).get(card.getKey());
                    return held != null && held.fields().equals(card.getValue().fields())
                            && !held.ruleId().equals(card.getValue().ruleId());
                })).count();
        reached("second runs renaming a rule", Math.min(1, renamed));
    }

    private void reached(String what, long howMany) {
        if (howMany > 0) {
            reached.merge(what, howMany, Long::sum);
        }
    }

    private static Map<String, ReferencePlanner.Card> cards(Map<String, ContactCard> delivered) {
        Map<String, ReferencePlanner.Card> cards = new TreeMap<>();
        delivered.forEach((id, card) -> cards.put(id, ReferencePlanner.Card.of(card)));
        return cards;
    }

    private static Map<String, ReferencePlanner.Card> withoutRules(Map<String, ReferencePlanner.Card> cards) {
        Map<String, ReferencePlanner.Card> plain = new TreeMap<>();
        cards.forEach((id, card) -> plain.put(id, new ReferencePlanner.Card(card.fields(), "")));
        return plain;
    }

    private static String difference(String what, Map<String, ReferencePlanner.Card> wanted,
                                     Map<String, ReferencePlanner.Card> held) {
        Map<String, String> lines = new LinkedHashMap<>();
        new TreeSet<>(wanted.keySet()).forEach(id -> {
            if (!held.containsKey(id)) {
                lines.put(id, "missing " + wanted.get(id));
            } else if (!held.get(id).equals(wanted.get(id))) {
                lines.put(id, "expected " + wanted.get(id) + " but was " + held.get(id));
            }
        });
        new TreeSet<>(held.keySet()).stream().filter(id -> !wanted.containsKey(id))
                .forEach(id -> lines.put(id, "unexpected " + held.get(id)));
        return what + ": " + lines;
    }

    private void fail(List<String> problems, Map<String, DirectoryEntry> directory,
                      Map<String, Person.SelfService> choices) {
        StringBuilder message = new StringBuilder()
                .append("seed ").append(seed).append(" (").append(reading).append("), run ").append(runs)
                .append(": the engine's contacts differ from the reference planner's; replay with ")
                .append("-Droster.reference.seed=").append(seed).append('\n');
        problems.stream().limit(12).forEach(p -> message.append("  ").append(p).append('\n'));
        message.append("policy: ").append(policy).append('\n')
                .append("scopes: ").append(ReferencePlanner.scopes(policy, stored.values(), choices)).append('\n');
        stored.values().forEach(e -> message.append("  ").append(e.id()).append(' ').append(e.reference())
                .append(' ').append(e.values()).append(' ').append(e.groups()).append(' ')
                .append(choices.getOrDefault(e.id(), Person.SelfService.NONE)).append('\n'));
        message.append("rejected or not stored: ").append(directory.keySet().stream()
                .filter(id -> !stored.containsKey(id)).toList());
        throw new AssertionError(message.toString());
    }
}
