package org.roster.sync;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

import org.roster.directory.Employee;
import org.roster.policy.Colleagues;
import org.roster.policy.PersonField;
import org.roster.policy.PolicyEvaluator;
import org.roster.policy.VisibilityDecision;
import org.roster.policy.VisibilityRule;

/**
 * The plan stage: per viewer, the contacts the policy grants compared with what was last
 * delivered, and the difference written into the run's outbox. Viewers are planned a page at a
 * time: their digests are looked up together, what was delivered is read only for viewers whose
 * contact set changed, and a page's plans are written in one unit of work.
 *
 * <pre>{@code
 * ContactPlanning planning = new ContactPlanning(evaluator, store, store, store);
 * planning.plan(runId, false, true, progress);
 * List<ContactCard> cards = planning.desiredContacts(viewer);
 * }</pre>
 */
final class ContactPlanning {

    private static final int VIEWER_PAGE = 200;
    private static final int PROGRESS_EVERY_VIEWERS = 100;

    private final PolicyEvaluator evaluator;
    private final Audiences audiences;
    private final Outbox outbox;
    private final RunLog runs;

    /**
     * @param evaluator the policy, with the manager chain walked through the directory as last read
     * @param audiences the viewers, and who each visibility rule can grant them
     * @param outbox    what was delivered to each viewer, and where a plan is written
     * @param runs      where the run's progress is saved
     */
    ContactPlanning(PolicyEvaluator evaluator, Audiences audiences, Outbox outbox, RunLog runs) {
        this.evaluator = evaluator;
        this.audiences = audiences;
        this.outbox = outbox;
        this.runs = runs;
    }

    /**
     * Plans every viewer; with removals allowed (a complete read), people who left scope keep
     * nothing Roster delivered to them.
     *
     * @param dryRun count the changes but write nothing
     */
    void plan(long runId, boolean dryRun, boolean allowRemovals, RunProgress progress) {
        Candidates candidates = new Candidates();
        List<Employee> page = new ArrayList<>(VIEWER_PAGE);
        audiences.forEachViewer(VIEWER_PAGE, viewer -> {
            page.add(viewer);
            if (page.size() == VIEWER_PAGE) {
                planPage(runId, dryRun, allowRemovals, page, candidates, progress);
                page.clear();
            }
        });
        planPage(runId, dryRun, allowRemovals, page, candidates, progress);
        if (allowRemovals) {
            outbox.forEachFormerViewer(VIEWER_PAGE, viewerId -> apply(runId, dryRun, viewerId,
                    Planner.plan(List.of(), outbox.deliveredFingerprints(viewerId), true), progress));
        }
    }

    private void planPage(long runId, boolean dryRun, boolean allowRemovals, List<Employee> viewers,
                          Candidates candidates, RunProgress progress) {
        if (viewers.isEmpty()) {
            return;
        }
        Map<String, List<ContactCard>> desired = new LinkedHashMap<>();
        Map<String, ViewerDigest.Planned> digests = new HashMap<>();
        for (Employee viewer : viewers) {
            List<ContactCard> cards = desiredContacts(viewer, candidates);
            desired.put(viewer.id(), cards);
            digests.put(viewer.id(), ViewerDigest.Planned.of(cards));
        }
        // an unchanged contact set costs no read of what was delivered, and plans nothing
        Map<String, String> stored = outbox.viewerDigests(desired.keySet());
        List<String> changed = desired.keySet().stream()
                .filter(id -> !digests.get(id).digest().equals(stored.get(id))).toList();
        Map<String, Map<String, String>> delivered = changed.isEmpty() ? Map.of()
                : outbox.deliveredFingerprints(changed);
        List<Outbox.ViewerPlan> plans = new ArrayList<>(changed.size());
        for (String id : changed) {
            List<ContactChange> changes = Planner.plan(desired.get(id), delivered.getOrDefault(id, Map.of()),
                    allowRemovals);
            // with removals held back the delivered set will differ from the desired one: no digest
            plans.add(new Outbox.ViewerPlan(id, changes, allowRemovals ? digests.get(id) : null));
            count(changes, progress);
        }
        if (!dryRun && !plans.isEmpty()) {
            outbox.enqueue(runId, plans);
        }
        long before = progress.viewersPlanned.getAndAdd(viewers.size());
        if (before / PROGRESS_EVERY_VIEWERS != (before + viewers.size()) / PROGRESS_EVERY_VIEWERS) {
            runs.saveProgress(runId, progress);
        }
    }

    private static void count(List<ContactChange> changes, RunProgress progress) {
        for (ContactChange change : changes) {
            (change instanceof ContactChange.Add ? progress.added
                    : change instanceof ContactChange.Update ? progress.updated : progress.removed).incrementAndGet();
        }
    }

    private void apply(long runId, boolean dryRun, String viewerId, List<ContactChange> changes,
                       RunProgress progress) {
        if (!dryRun) {
            outbox.enqueue(runId, viewerId, changes, null);
        }
        count(changes, progress);
    }

    /**
     * The cards the policy grants the viewer: candidates found per visibility rule (each rule asks
     * the store only for the people it could grant), checked by the evaluator, projected to the
     * released fields, and capped.
     */
    List<ContactCard> desiredContacts(Employee viewer) {
        return desiredContacts(viewer, new Candidates());
    }

    /**
     * As {@link #desiredContacts(Employee)}, with the candidates a plan has looked up so far. Rules
     * are taken in the policy's order and a rule's candidates by id, which is the order the cap
     * keeps them in: once a viewer holds as many cards as the cap allows, the rest would be cut,
     * and are not looked at.
     */
    private List<ContactCard> desiredContacts(Employee viewer, Candidates candidates) {
        Map<String, ContactCard> cards = new LinkedHashMap<>();
        int max = evaluator.policy().cap().map(cap -> cap.max()).orElse(Integer.MAX_VALUE);
        Lookups lookups = new Lookups(viewer, candidates, cards, max);
        for (VisibilityRule rule : evaluator.policy().visibility()) {
            if (cards.size() >= max) {
                break;
            }
            rule.findCandidates(viewer, lookups);
        }
        return evaluator.cap(new ArrayList<>(cards.values()), ContactCard::ruleId, ContactCard::contactId);
    }

    /**
     * One viewer's answers to the lookups its rules name, each from the store: lookups many viewers
     * share (a department, a group) through the plan's {@link Candidates}, the viewer's own (their
     * reports, their managers) directly.
     */
    private final class Lookups implements Colleagues {
        private final Employee viewer;
        private final Candidates candidates;
        private final Map<String, ContactCard> cards;
        private final int max;

        Lookups(Employee viewer, Candidates candidates, Map<String, ContactCard> cards, int max) {
            this.viewer = viewer;
            this.candidates = candidates;
            this.cards = cards;
            this.max = max;
        }

        @Override
        public void withValue(PersonField field, String value) {
            candidates.consider(viewer, "value\u0000" + field + "\u0000" + value,
                    atMost -> audiences.contactsWith(field, value, atMost), cards, max);
        }

        @Override
        public void inGroup(String groupDn) {
            candidates.consider(viewer, "group\u0000" + groupDn, atMost -> audiences.contactsInGroup(groupDn), cards,
                    max);
        }

        @Override
        public void everyone() {
            // the store pages in the database's order, which need not be the cap's: all are considered
            audiences.forEachContact(VIEWER_PAGE, contact -> consider(viewer, contact, cards));
        }

        @Override
        public void reportingTo(String managerReference) {
            audiences.contactsReportingTo(managerReference).forEach(contact -> consider(viewer, contact, cards));
        }

        @Override
        public void managersFrom(String managerReference, int levels) {
            Optional<String> manager = Optional.of(managerReference);
            for (int level = 1; level <= levels && manager.isPresent(); level++) {
                Optional<Employee> boss = audiences.byReference(manager.get());
                // the chain is walked through everyone, but only deliverable managers become contacts
                boss.filter(b -> audiences.isDeliverable(b.id())).ifPresent(b -> consider(viewer, b, cards));
                manager = boss.flatMap(b -> b.value(PersonField.MANAGER));
            }
        }
    }

    /**
     * The candidates one plan has looked up, by rule and value, with the cards made of them: the
     * viewers of one department share one lookup and one card per colleague, where each would
     * otherwise load the whole department and digest every card again. Under a cap a lookup first
     * fetches one more than the cap (a viewer is not their own contact), and all of the list only
     * for a viewer that has not filled their cap from that (the store's first ones are the first by
     * id as Java orders strings, as the cap does). Bounded: the least recently used lists
     * go once more than {@value #HELD} employees are held.
     */
    private final class Candidates {
        /** Employees held over all lists at most. */
        private static final int HELD = 50_000;

        /** One lookup's candidates in id order, and the card made of each so far. */
        private static final class Found {
            final List<Employee> people;
            /** Whether {@link #people} is the whole list, not the first ones only. */
            final boolean whole;
            final ContactCard[] cards;

            Found(List<Employee> people, int asked) {
                // in the order the cap keeps them, whatever order the store gave
                List<Employee> sorted = new ArrayList<>(people);
                sorted.sort(Comparator.comparing(Employee::id));
                this.people = sorted;
                this.whole = people.size() < asked;
                this.cards = new ContactCard[people.size()];
            }
        }

        private int held;
        private final Map<String, Found> found = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Found> eldest) {
                if (held > HELD && size() > 1) {
                    held -= eldest.getValue().people.size();
                    return true;
                }
                return false;
            }
        };

        /** Considers the candidates {@code lookup} finds for the key, until the viewer holds {@code max} cards. */
        void consider(Employee viewer, String key, IntFunction<List<Employee>> lookup, Map<String, ContactCard> cards,
                      int max) {
            int first = max == Integer.MAX_VALUE ? Integer.MAX_VALUE : max + 1;
            Found list = found.get(key);
            if (list == null) {
                list = remember(key, new Found(lookup.apply(first), first));
            }
            int i = 0;
            while (true) {
                for (; i < list.people.size() && cards.size() < max; i++) {
                    Employee contact = list.people.get(i);
                    if (!cards.containsKey(contact.id())) {
                        ContactCard card = cardOf(viewer, contact, list.cards[i]);
                        if (card != null) {
                            list.cards[i] = card;
                            cards.put(contact.id(), card);
                        }
                    }
                }
                if (list.whole || cards.size() >= max) {
                    return;
                }
                // this viewer needs more of the list than its first part: fetch all of it, once
                Found all = new Found(lookup.apply(Integer.MAX_VALUE), Integer.MAX_VALUE);
                System.arraycopy(list.cards, 0, all.cards, 0, Math.min(list.cards.length, all.cards.length));
                forget(key);
                list = remember(key, all);
            }
        }

        private Found remember(String key, Found list) {
            if (list.people.size() <= HELD) {
                held += list.people.size();
                found.put(key, list);
            }
            return list;
        }

        private void forget(String key) {
            Found gone = found.remove(key);
            if (gone != null) {
                held -= gone.people.size();
            }
        }
    }

    private void consider(Employee viewer, Employee contact, Map<String, ContactCard> cards) {
        if (!cards.containsKey(contact.id())) {
            ContactCard card = cardOf(viewer, contact, null);
            if (card != null) {
                cards.put(contact.id(), card);
            }
        }
    }

    /**
     * The card the viewer gets of the contact (its released fields, the rule that grants it), or null
     * when no rule grants it; {@code known}, a card made before, is the answer when it fits.
     */
    private ContactCard cardOf(Employee viewer, Employee contact, ContactCard known) {
        if (!(evaluator.visibility(viewer, contact) instanceof VisibilityDecision.Visible visible)) {
            return null;
        }
        if (known != null && known.contactId().equals(contact.id()) && known.ruleId().equals(visible.ruleId())) {
            return known;
        }
        return new ContactCard(contact.id(), evaluator.release(contact), visible.ruleId());
    }
}
