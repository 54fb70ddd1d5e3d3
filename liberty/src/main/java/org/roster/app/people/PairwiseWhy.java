package org.roster.app.people;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.roster.app.policies.ActivePolicy;
import org.roster.directory.Employee;
import org.roster.policy.InvalidPolicyException;
import org.roster.policy.PersonField;
import org.roster.policy.Policy;
import org.roster.policy.PolicyEvaluator;
import org.roster.policy.VisibilityDecision;
import org.roster.records.EmployeeRecords;
import org.roster.records.EmployeeRecords.HeldEmployee;
import org.roster.records.SelfServiceChoices;
import org.roster.sync.CapPositions;

/**
 * Why one employee does or does not get another's contact, in both directions, in plain words.
 * Scope comes from the decisions the last run stored (with the self-service choices), delivery from
 * the delivered state; which visibility rules grant or would grant, and why the others don't, is
 * asked of the policy's own evaluator, and a place under the cap of the plan's own candidate lookup
 * ({@link CapPositions}). Fields are named, never their values: the answer tells what travels, not
 * what it says.
 */
@ApplicationScoped
public class PairwiseWhy {

    @Inject
    EmployeeRecords employees;

    @Inject
    SelfServiceChoices choices;

    @Inject
    ActivePolicy activePolicy;

    @Inject
    EmployeeViews views;

    /**
     * An employee's stored scope decision.
     *
     * @param receives    receives colleagues' contacts
     * @param deliverable colleagues may receive their contact
     * @param words       the decision in a sentence
     */
    public record Scope(String employee, String status, boolean receives, boolean deliverable, String rule,
                        String reason, String words) {
    }

    /** One visibility rule's answer: whether it grants (or would grant) the contact, and if not, why not. */
    public record RuleAnswer(String rule, boolean grants, String reason) {
    }

    /**
     * The policy's cap and where the contact stands under it.
     *
     * @param position the contact's place among all the viewer is granted (earlier rule first, then
     *                 by id); absent when no rule grants it or either side is out of scope
     */
    public record CapAnswer(int max, Integer position, boolean beyond) {
    }

    /**
     * Which of the contact's fields travel to the viewer and which are withheld, by name only.
     *
     * @param travel   the fields delivered, or that would be delivered
     * @param withheld each field held but not released, with the rule that withholds it
     */
    public record Fields(List<String> travel, Map<String, String> withheld) {
    }

    /** What was delivered, when, and where it stands on the platform; no field values. */
    public record Delivery(String rule, long run, Instant at, String state, String reason) {
    }

    /**
     * One direction: does {@code viewer} get {@code contact}'s contact?
     *
     * @param answer    the answer in a sentence
     * @param grantedBy the first rule that grants it now, if any
     * @param notes     what will change at the next run (a choice made since the last decision, a
     *                  delivered contact no rule grants any more)
     */
    public record Direction(String viewer, String contact, boolean delivered, String answer, String grantedBy,
                            List<RuleAnswer> rules, CapAnswer cap, Fields fields, Delivery delivery,
                            List<String> notes) {
    }

    /** Both directions between two employees, with each one's scope. */
    public record WhyView(String viewer, String colleague, String policy, Scope viewerScope, Scope colleagueScope,
                          Direction viewerGetsColleague, Direction colleagueGetsViewer) {
    }

    /** Why {@code viewerId} does or does not get {@code colleagueId}'s contact, and the other way round. */
    public WhyView explain(String viewerId, String colleagueId) {
        HeldEmployee viewer = views.find(viewerId);
        HeldEmployee colleague = views.find(colleagueId);
        Policy policy = policy();
        PolicyEvaluator evaluator = new PolicyEvaluator(policy,
                reference -> employees.byReference(reference).flatMap(e -> e.value(PersonField.MANAGER)));
        Map<String, Set<String>> groups = employees.groups(List.of(viewerId, colleagueId));
        Employee viewerAsRead = withGroups(viewer, groups.getOrDefault(viewerId, Set.of()));
        Employee colleagueAsRead = withGroups(colleague, groups.getOrDefault(colleagueId, Set.of()));
        Pair pair = new Pair(policy, evaluator, employees.capPositions(policy));
        return new WhyView(viewerId, colleagueId, policy.name(), scope(viewer), scope(colleague),
                pair.direction(viewer, viewerAsRead, colleague, colleagueAsRead),
                pair.direction(colleague, colleagueAsRead, viewer, viewerAsRead));
    }

    /** The policy, its evaluator and the cap's positions, shared by both directions. */
    private final class Pair {
        private final Policy policy;
        private final PolicyEvaluator evaluator;
        private final CapPositions positions;

        Pair(Policy policy, PolicyEvaluator evaluator, CapPositions positions) {
            this.policy = policy;
            this.evaluator = evaluator;
            this.positions = positions;
        }

        Direction direction(HeldEmployee viewer, Employee viewerAsRead, HeldEmployee contact,
                            Employee contactAsRead) {
            String v = viewer.id();
            String c = contact.id();
            List<RuleAnswer> rules = evaluator.visibilityByRule(viewerAsRead, contactAsRead).stream()
                    .map(a -> new RuleAnswer(a.ruleId(), a instanceof VisibilityDecision.Visible,
                            a instanceof VisibilityDecision.Hidden hidden ? hidden.reason() : null))
                    .toList();
            Optional<String> grantedBy = rules.stream().filter(RuleAnswer::grants).map(RuleAnswer::rule).findFirst();
            boolean bothIn = viewer.inScope() && contact.contactAllowed();
            CapAnswer cap = policy.cap().map(max -> {
                OptionalInt position = bothIn && grantedBy.isPresent() ? positions.position(viewerAsRead, c)
                        : OptionalInt.empty();
                return new CapAnswer(max.max(), position.isPresent() ? position.getAsInt() : null,
                        position.isPresent() && position.getAsInt() > max.max());
            }).orElse(null);
            Optional<ContactView> delivered = views.contact(v, c);
            Delivery delivery = delivered.map(d -> new Delivery(d.rule(), d.deliveredRun(), d.deliveredAt(),
                    d.state(), d.reason())).orElse(null);
            List<String> travel = delivered.map(d -> List.copyOf(d.fields().keySet()))
                    .orElseGet(() -> evaluator.release(contactAsRead).keySet().stream().map(PersonField::policyName)
                            .toList());
            Map<String, String> withheld = new TreeMap<>();
            evaluator.withheld(contactAsRead).forEach((field, rule) -> withheld.put(field.policyName(), rule));

            List<String> notes = new ArrayList<>();
            lateChoice(contact).ifPresent(notes::add);
            String answer;
            if (delivery != null) {
                answer = v + " gets " + c + "'s contact through " + delivery.rule() + ", delivered in run "
                        + delivery.run() + ".";
                if (grantedBy.isEmpty() || !bothIn || (cap != null && cap.beyond())) {
                    notes.add("As the directory was last read, the policy no longer grants it: the next run removes it.");
                }
            } else {
                List<String> why = new ArrayList<>();
                if (!viewer.inScope()) {
                    why.add(v + (viewer.gone() ? " has left the directory"
                            : " receives no contacts (" + ruled(viewer) + ")"));
                }
                if (!contact.contactAllowed()) {
                    why.add(notDeliverable(contact));
                }
                if (grantedBy.isEmpty()) {
                    why.add("no visibility rule grants it (" + rules.stream()
                            .map(r -> r.rule() + ": " + r.reason()).collect(Collectors.joining(", ")) + ")");
                } else if (!why.isEmpty()) {
                    why.add(grantedBy.get() + " would grant it otherwise");
                } else if (cap != null && cap.beyond()) {
                    why.add(grantedBy.get() + " grants it, but it is beyond the cap of " + cap.max()
                            + " at position " + cap.position());
                } else {
                    why.add(grantedBy.get() + " grants it, and the next run delivers it");
                }
                answer = v + " does not get " + c + "'s contact: " + String.join("; ", why) + ".";
            }
            return new Direction(v, c, delivery != null, answer, grantedBy.orElse(null), rules, cap,
                    new Fields(travel, withheld), delivery, List.copyOf(notes));
        }
    }

    private static Scope scope(HeldEmployee e) {
        String id = e.id();
        String words;
        if (e.gone()) {
            words = id + " has left the directory: receives nothing, and nobody receives their contact.";
        } else if (e.inScope() && e.contactAllowed()) {
            words = id + " is in scope (" + e.scopeRule() + "): receives contacts, and colleagues may receive theirs.";
        } else if (e.inScope()) {
            words = id + " receives contacts, but nobody receives theirs (" + ruled(e) + ").";
        } else {
            words = id + " is out of scope (" + ruled(e) + "): receives nothing, and nobody receives their contact.";
        }
        return new Scope(id, e.status().name(), e.inScope(), e.contactAllowed(), e.scopeRule(),
                e.scopeReason(), words);
    }

    /** Why nobody receives this employee's contact, from their stored decision. */
    private static String notDeliverable(HeldEmployee e) {
        String id = e.id();
        if (e.gone()) {
            return id + " has left the directory";
        }
        if (Policy.OPT_OUT_RULE.equals(e.scopeRule())) {
            return id + " opted out (" + Policy.OPT_OUT_RULE + ")";
        }
        if (Policy.CONSENT_RULE.equals(e.scopeRule())) {
            return id + " has not consented (" + Policy.CONSENT_RULE + ")";
        }
        return id + " is out of scope (" + ruled(e) + ")";
    }

    private static String ruled(HeldEmployee e) {
        String reason = e.scopeReason();
        return reason == null || reason.isBlank() ? e.scopeRule() : e.scopeRule() + ": " + reason;
    }

    /**
     * A self-service choice made after the employee was last decided: the stored decision does not
     * show it yet, and the next run carries it out.
     */
    private Optional<String> lateChoice(HeldEmployee e) {
        Optional<SelfServiceChoices.Choice> found = choices.choice(e.id());
        if (found.isEmpty() || !found.get().updatedAt().isAfter(e.updatedAt())) {
            return Optional.empty();
        }
        SelfServiceChoices.Choice choice = found.get();
        String chose = choice.optedOut() ? " opted out" : choice.optedIn() ? " consented"
                : " changed their self-service choice";
        return Optional.of(e.id() + chose + " after the last run decided them; the next run carries it out.");
    }

    /** The employee as read, with the groups stored for them: visibility rules may ask for them. */
    private static Employee withGroups(HeldEmployee e, Set<String> groups) {
        return new Employee(e.id(), e.asRead().reference(), e.asRead().values(), groups);
    }

    private Policy policy() {
        try {
            return activePolicy.load();
        } catch (InvalidPolicyException e) {
            throw new IllegalStateException("the active policy is invalid: " + e.getMessage(), e);
        }
    }
}
