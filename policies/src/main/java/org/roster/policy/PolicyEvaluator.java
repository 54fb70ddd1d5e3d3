package org.roster.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Applies a {@link Policy} to people. Stateless and thread-safe; every answer names its rule.
 *
 * <pre>{@code
 * PolicyEvaluator evaluator = new PolicyEvaluator(Policies.bundled("default"));
 * ScopeDecision scope = evaluator.scope(person);
 * Map<PersonField, String> card = evaluator.release(person);        // only allowed fields
 * Map<PersonField, String> why = evaluator.withheld(person);        // field -> rule that withheld it
 * VisibilityDecision seen = evaluator.visibility(viewer, person);
 * ScopeDecision shared = evaluator.sharedNumber(scope, "p7", List.of("p7", "p9")); // p9 has p7's mobile
 * }</pre>
 */
public final class PolicyEvaluator {

    /** Looks up an employee's manager, by the reference (DN) of each. */
    @FunctionalInterface
    public interface Managers {
        /** The manager's reference of the employee with this reference, if known. */
        Optional<String> managerOf(String reference);

        Managers NONE = reference -> Optional.empty();
    }

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String FIELDS_RULE = "fields";

    private final Policy policy;
    private final Managers managers;

    public PolicyEvaluator(Policy policy) {
        this(policy, Managers.NONE);
    }

    /** @param managers how to walk up a manager chain, for {@link VisibilityRule.ManagerChain} */
    public PolicyEvaluator(Policy policy, Managers managers) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.managers = Objects.requireNonNull(managers, "managers");
    }

    public Policy policy() {
        return policy;
    }

    /**
     * Decides whether the person is in scope. The scope rules are checked in order and the first
     * that objects decides; then opt-out and consent may keep the person from being delivered.
     */
    public ScopeDecision scope(Person person) {
        for (ScopeRule rule : policy.scope()) {
            if (rule instanceof ScopeRule.Require require) {
                if (usable(person, require.field()).isEmpty()) {
                    String acceptable = present(person, require.field()).isPresent() ? "acceptable " : "";
                    return new ScopeDecision.Excluded(require.id(), "has no " + acceptable + require.field().policyName());
                }
            } else if (rule instanceof ScopeRule.Include include) {
                if (!matches(person, include.match())) {
                    return new ScopeDecision.Excluded(include.id(), "does not match " + describe(include.match()));
                }
            } else if (rule instanceof ScopeRule.Exclude exclude) {
                if (matches(person, exclude.match())) {
                    return new ScopeDecision.Excluded(exclude.id(), "matches " + describe(exclude.match()));
                }
            }
        }
        boolean optedOut = person.selfService().optedOut() || (policy.optOut().directoryAttribute()
                && present(person, PersonField.OPT_OUT).map(PersonField::isYes).orElse(false));
        if (optedOut) {
            return policy.optOut().stillReceives()
                    ? new ScopeDecision.ViewerOnly(Policy.OPT_OUT_RULE, "opted out; still receives colleagues")
                    : new ScopeDecision.Excluded(Policy.OPT_OUT_RULE, "opted out");
        }
        if (policy.consent().required()) {
            boolean optedIn = person.selfService().optedIn() || (policy.consent().directoryAttribute()
                    && present(person, PersonField.CONSENT).map(PersonField::isYes).orElse(false));
            if (!optedIn) {
                return new ScopeDecision.ViewerOnly(Policy.CONSENT_RULE,
                        "has not opted in; receives colleagues but is delivered to nobody");
            }
        }
        return new ScopeDecision.Included(ScopeDecision.ALL_RULES_PASSED);
    }

    /** Of the other sharers of a number, how many a decision's reason names; the rest are counted. */
    private static final int NAMED_SHARERS = 5;

    /**
     * Decides again about an employee whose mobile number other employees in the directory have
     * too, as the policy's {@link Policy.SharedNumbers} says. Only an employee the scope rules let
     * be delivered is affected; their decision then names {@link Policy#SHARED_NUMBERS_RULE},
     * whether their number goes out or not.
     *
     * @param scope   the decision the scope rules, opt-out and consent made
     * @param id      the employee's id
     * @param sharers the ids of everyone with the number, this employee's included
     */
    public ScopeDecision sharedNumber(ScopeDecision scope, String id, Collection<String> sharers) {
        if (!(scope instanceof ScopeDecision.Included)) {
            return scope;
        }
        List<String> others = sharers.stream().filter(s -> !s.equals(id)).sorted().toList();
        if (others.isEmpty()) {
            return scope;
        }
        String with = "shares its mobile number with " + named(others);
        return switch (policy.sharedNumbers()) {
            case DELIVER -> new ScopeDecision.Included(Policy.SHARED_NUMBERS_RULE);
            case FIRST_BY_ID -> id.compareTo(others.get(0)) < 0
                    ? new ScopeDecision.Included(Policy.SHARED_NUMBERS_RULE)
                    : new ScopeDecision.ViewerOnly(Policy.SHARED_NUMBERS_RULE, with + ", of whom " + others.get(0)
                            + " is first by id and keeps it; receives colleagues but is delivered to nobody");
            case WITHHOLD -> new ScopeDecision.ViewerOnly(Policy.SHARED_NUMBERS_RULE, with
                    + "; receives colleagues but is delivered to nobody until the directory gives it to one person");
        };
    }

    private static String named(List<String> ids) {
        if (ids.size() <= NAMED_SHARERS) {
            return String.join(", ", ids);
        }
        return String.join(", ", ids.subList(0, NAMED_SHARERS)) + " and " + (ids.size() - NAMED_SHARERS) + " more";
    }

    /** The fields of the person that the policy lets leave Roster; every other field is withheld. */
    public Map<PersonField, String> release(Person person) {
        Map<PersonField, String> released = new EnumMap<>(PersonField.class);
        for (PersonField field : policy.fields()) {
            usable(person, field).ifPresent(value -> released.put(field, value));
        }
        return released;
    }

    /** Each field the person has that is not released, with the rule that withheld it. */
    public Map<PersonField, String> withheld(Person person) {
        Map<PersonField, String> withheld = new EnumMap<>(PersonField.class);
        for (PersonField field : PersonField.values()) {
            if (present(person, field).isEmpty()) {
                continue;
            }
            if (!policy.fields().contains(field)) {
                withheld.put(field, FIELDS_RULE);
            } else if (usable(person, field).isEmpty()) {
                withheld.put(field, Policy.PHONES_RULE);
            }
        }
        return withheld;
    }

    /** Decides whether the viewer sees the contact; the first rule that grants it decides. */
    public VisibilityDecision visibility(Person viewer, Person contact) {
        if (viewer.id().equals(contact.id())) {
            return new VisibilityDecision.Hidden(VisibilityDecision.SELF, "a viewer is not their own contact");
        }
        for (VisibilityRule rule : policy.visibility()) {
            if (rule.grants(viewer, contact, managers)) {
                return new VisibilityDecision.Visible(rule.id());
            }
        }
        return new VisibilityDecision.Hidden(VisibilityDecision.NO_RULE_GRANTS, "no visibility rule grants it");
    }

    /**
     * Every visibility rule's own answer for the viewer and the contact, in the policy's order: the
     * rules that grant it, and for each that does not, why not in words that name fields, never
     * their values ("different department", "the colleague has no manager"). Answers "which rules
     * would grant this, and why not the others?" with the very checks {@link #visibility} makes.
     *
     * <pre>{@code
     * for (VisibilityDecision answer : evaluator.visibilityByRule(viewer, contact)) {
     *     print(answer.ruleId() + (answer instanceof VisibilityDecision.Hidden h ? ": " + h.reason() : ": grants"));
     * }
     * }</pre>
     */
    public List<VisibilityDecision> visibilityByRule(Person viewer, Person contact) {
        if (viewer.id().equals(contact.id())) {
            return List.of(new VisibilityDecision.Hidden(VisibilityDecision.SELF, "a viewer is not their own contact"));
        }
        List<VisibilityDecision> answers = new ArrayList<>(policy.visibility().size());
        for (VisibilityRule rule : policy.visibility()) {
            answers.add(rule.whyNot(viewer, contact, managers)
                    .<VisibilityDecision>map(reason -> new VisibilityDecision.Hidden(rule.id(), reason))
                    .orElseGet(() -> new VisibilityDecision.Visible(rule.id())));
        }
        return List.copyOf(answers);
    }

    /**
     * Applies the policy's cap to one viewer's granted contacts: those granted by an earlier
     * visibility rule come first, then by contact id; the rest are left out. Deterministic, so the
     * same directory always gives the same contacts.
     */
    public <T> List<T> cap(List<T> granted, Function<T, String> ruleId, Function<T, String> contactId) {
        if (policy.cap().isEmpty() || granted.size() <= policy.cap().get().max()) {
            return granted;
        }
        return List.copyOf(inCapOrder(granted, ruleId, contactId).subList(0, policy.cap().get().max()));
    }

    /**
     * One viewer's granted contacts in the order the cap keeps them (earlier rule first, then by
     * contact id), all of them: the first {@code cap} are delivered, and a contact's place in this
     * list is its position under the cap.
     */
    public <T> List<T> inCapOrder(List<T> granted, Function<T, String> ruleId, Function<T, String> contactId) {
        List<String> order = policy.visibility().stream().map(VisibilityRule::id).toList();
        List<T> sorted = new ArrayList<>(granted);
        sorted.sort(Comparator.<T>comparingInt(t -> order.indexOf(ruleId.apply(t))).thenComparing(contactId));
        return sorted;
    }

    private boolean matches(Person person, ScopeRule.Match match) {
        if (match instanceof ScopeRule.Match.FieldIn in) {
            return present(person, in.field()).map(v -> in.values().contains(v.strip().toLowerCase(Locale.ROOT)))
                    .orElse(false);
        }
        if (match instanceof ScopeRule.Match.MemberOf member) {
            return person.groups().contains(member.group());
        }
        if (match instanceof ScopeRule.Match.Under under) {
            return !person.reference().isEmpty() && Names.isUnder(person.reference(), under.base());
        }
        if (match instanceof ScopeRule.Match.Disabled) {
            return present(person, PersonField.ACCOUNT_DISABLED).map(PersonField::isYes).orElse(false);
        }
        return false;
    }

    private static String describe(ScopeRule.Match match) {
        if (match instanceof ScopeRule.Match.FieldIn in) {
            return in.field().policyName() + " in the policy's list";
        }
        if (match instanceof ScopeRule.Match.MemberOf member) {
            return "membership of " + member.group();
        }
        if (match instanceof ScopeRule.Match.Under under) {
            return "the directory subtree " + under.base();
        }
        return "a disabled account";
    }

    /** A field's value if present and, for phone numbers, acceptable under the phones section. */
    private Optional<String> usable(Person person, PersonField field) {
        Optional<String> value = present(person, field);
        if (value.isEmpty() || (field != PersonField.MOBILE && field != PersonField.WORK_PHONE)
                || policy.phones().equals(Policy.PhoneAcceptance.ANY)) {
            return value;
        }
        return acceptable(value.get()) ? value : Optional.empty();
    }

    private boolean acceptable(String e164) {
        PhoneNumber number;
        try {
            number = PHONES.parse(e164, "ZZ");
        } catch (NumberParseException e) {
            return false;
        }
        Policy.PhoneAcceptance accept = policy.phones();
        String region = PHONES.getRegionCodeForNumber(number);
        if (!accept.regions().isEmpty() && (region == null || !accept.regions().contains(region))) {
            return false;
        }
        PhoneNumberUtil.PhoneNumberType type = PHONES.getNumberType(number);
        boolean mobile = type == PhoneNumberUtil.PhoneNumberType.MOBILE
                || type == PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE;
        boolean fixed = type == PhoneNumberUtil.PhoneNumberType.FIXED_LINE
                || type == PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE;
        return (mobile && accept.kinds().contains(Policy.NumberKind.MOBILE))
                || (fixed && accept.kinds().contains(Policy.NumberKind.FIXED));
    }

    private static Optional<String> present(Person person, PersonField field) {
        return person.value(field).filter(v -> !v.isBlank());
    }
}
