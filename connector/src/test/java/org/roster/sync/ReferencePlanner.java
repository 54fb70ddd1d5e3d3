package org.roster.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.roster.directory.Employee;
import org.roster.policy.Names;
import org.roster.policy.Person;
import org.roster.policy.PersonField;
import org.roster.policy.Policy;
import org.roster.policy.ScopeRule;
import org.roster.policy.VisibilityRule;

/**
 * What every viewer's contacts must be, computed the plain way: every viewer against every
 * colleague, every rule in turn, no lookups, no sharing, no shortcuts. It is written to be read
 * against {@code policies/README.md}, not to be fast, and it calls none of the engine's planning
 * or visibility code: it is what the engine's answers are checked against.
 *
 * <p>The semantics, as the policy README states them and, where it is silent, as the engine and its
 * tests decide them:
 * <ul>
 * <li><b>Scope</b>: the scope rules top to bottom, the first that objects excludes; then opting out
 *     (self-service always, the directory's {@code optOut} only with {@code optOut.directoryAttribute});
 *     then consent. An opted-out employee is delivered to nobody; they still receive colleagues only
 *     under {@code stillReceives} (viewer-only), else they receive nothing either (excluded). Opting
 *     out wins over opting in.</li>
 * <li><b>Consent</b>: in consent mode an employee who has not opted in (self-service, or the
 *     directory's {@code consent} with {@code consent.directoryAttribute}) <i>receives</i> colleagues
 *     but <i>is received</i> by nobody (viewer-only).</li>
 * <li><b>Viewers and contacts</b>: viewers are the employees who receive (included or viewer-only);
 *     contacts are the included ones only. Nobody is their own contact.</li>
 * <li><b>Visibility</b>: a viewer sees a contact when any visibility rule grants it; the rule named
 *     is the <i>first</i> in the policy's order that grants it, however many others do too.
 *     {@code same} compares the two values exactly as stored (after normalisation), and needs the
 *     viewer to have one. {@code directReports} grants the contacts whose {@code manager} names the
 *     viewer's entry. {@code managerChain} walks up from the viewer's {@code manager}, through every
 *     employee the directory holds whatever their scope, up to the given number of levels; the walk
 *     ends at a manager the directory does not hold. {@code group} needs both to be members.
 *     Directory names are compared as {@link Names#dn} makes them comparable.</li>
 * <li><b>Cap</b>: of the granted contacts the viewer keeps the first {@code cap}: those granted by an
 *     earlier rule first, then by contact id as {@link String#compareTo} orders ids (not a database's
 *     collation). With one visibility rule that is simply the first colleagues by id.</li>
 * <li><b>Time</b>: the plan is of the directory as stored now (an entry that was rejected keeps its
 *     last accepted state, one that left is gone) with every self-service choice made so far, however
 *     the run read the directory.</li>
 * <li><b>Fields</b>: a card holds the contact's fields the allowlist names, each only when it has a
 *     non-blank value and, for phone numbers, the {@code phones} section accepts the number.</li>
 * </ul>
 *
 * <pre>{@code
 * Map<String, Map<String, ReferencePlanner.Card>> expected = ReferencePlanner.plan(policy, employees, choices);
 * expected.get("p7"); // p7's contacts, by contact id
 * }</pre>
 */
final class ReferencePlanner {

    /** What one viewer gets of one colleague: the released fields and the rule that grants it. */
    record Card(Map<PersonField, String> fields, String ruleId) {
        Card {
            fields = Map.copyOf(fields);
        }

        static Card of(ContactCard delivered) {
            return new Card(delivered.fields(), delivered.ruleId());
        }
    }

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final Policy policy;
    private final Map<String, Employee> byId = new TreeMap<>();
    private final Map<String, Person.SelfService> choices;

    private ReferencePlanner(Policy policy, Collection<Employee> employees, Map<String, Person.SelfService> choices) {
        this.policy = policy;
        employees.forEach(e -> byId.put(e.id(), e));
        this.choices = Map.copyOf(choices);
    }

    /**
     * Every viewer's contacts, by viewer id then contact id; an employee who receives nothing is absent.
     *
     * @param employees the employees the directory holds now, as stored after normalisation
     * @param choices   the self-service choices, by employee id
     */
    static Map<String, Map<String, Card>> plan(Policy policy, Collection<Employee> employees,
                                               Map<String, Person.SelfService> choices) {
        return new ReferencePlanner(policy, employees, choices).plan();
    }

    private Map<String, Map<String, Card>> plan() {
        Map<String, Map<String, Card>> contacts = new TreeMap<>();
        for (Employee viewer : byId.values()) {
            if (!receives(viewer)) {
                continue;
            }
            List<Granted> granted = new ArrayList<>();
            for (Employee contact : byId.values()) {
                if (contact.id().equals(viewer.id()) || !delivered(contact)) {
                    continue;
                }
                firstGrantingRule(viewer, contact).ifPresent(rule -> granted.add(new Granted(contact, rule)));
            }
            granted.sort(Comparator.comparingInt((Granted g) -> policy.visibility().indexOf(g.rule()))
                    .thenComparing(g -> g.contact().id()));
            int keep = policy.cap().map(Policy.Cap::max).orElse(Integer.MAX_VALUE);
            Map<String, Card> cards = new TreeMap<>();
            for (Granted g : granted.subList(0, Math.min(keep, granted.size()))) {
                cards.put(g.contact().id(), new Card(released(g.contact()), g.rule().id()));
            }
            if (!cards.isEmpty()) {
                contacts.put(viewer.id(), cards);
            }
        }
        return contacts;
    }

    private record Granted(Employee contact, VisibilityRule rule) {
    }

    // --- scope ---------------------------------------------------------------------------

    /** The three outcomes of scope. */
    enum Scope { INCLUDED, VIEWER_ONLY, EXCLUDED }

    /** Whether the employee receives colleagues. */
    private boolean receives(Employee employee) {
        return scope(employee) != Scope.EXCLUDED;
    }

    /** Whether the employee may be delivered to colleagues. */
    private boolean delivered(Employee employee) {
        return scope(employee) == Scope.INCLUDED;
    }

    private Scope scope(Employee employee) {
        for (ScopeRule rule : policy.scope()) {
            if (objects(rule, employee)) {
                return Scope.EXCLUDED;
            }
        }
        Person.SelfService choice = choices.getOrDefault(employee.id(), Person.SelfService.NONE);
        boolean optedOut = choice.optedOut()
                || (policy.optOut().directoryAttribute() && yes(employee, PersonField.OPT_OUT));
        if (optedOut) {
            return policy.optOut().stillReceives() ? Scope.VIEWER_ONLY : Scope.EXCLUDED;
        }
        boolean optedIn = choice.optedIn()
                || (policy.consent().directoryAttribute() && yes(employee, PersonField.CONSENT));
        if (policy.consent().required() && !optedIn) {
            return Scope.VIEWER_ONLY;
        }
        return Scope.INCLUDED;
    }

    private boolean objects(ScopeRule rule, Employee employee) {
        if (rule instanceof ScopeRule.Require require) {
            return usable(employee, require.field()).isEmpty();
        }
        if (rule instanceof ScopeRule.Include include) {
            return !matches(include.match(), employee);
        }
        if (rule instanceof ScopeRule.Exclude exclude) {
            return matches(exclude.match(), employee);
        }
        throw new IllegalArgumentException("a scope rule the reference does not know: " + rule);
    }

    private static boolean matches(ScopeRule.Match match, Employee employee) {
        if (match instanceof ScopeRule.Match.FieldIn in) {
            // the policy's values are kept stripped and in lower case; the employee's value is compared so
            return value(employee, in.field()).map(v -> in.values().contains(v.strip().toLowerCase(Locale.ROOT)))
                    .orElse(false);
        }
        if (match instanceof ScopeRule.Match.MemberOf member) {
            return memberOf(employee, member.group());
        }
        if (match instanceof ScopeRule.Match.Under under) {
            if (employee.reference().isEmpty()) {
                return false;
            }
            String entry = Names.dn(employee.reference());
            String base = Names.dn(under.base());
            return entry.equals(base) || entry.endsWith("," + base);
        }
        if (match instanceof ScopeRule.Match.Disabled) {
            return yes(employee, PersonField.ACCOUNT_DISABLED);
        }
        throw new IllegalArgumentException("a scope match the reference does not know: " + match);
    }

    // --- visibility ----------------------------------------------------------------------

    private Optional<VisibilityRule> firstGrantingRule(Employee viewer, Employee contact) {
        return policy.visibility().stream().filter(rule -> grants(rule, viewer, contact)).findFirst();
    }

    private boolean grants(VisibilityRule rule, Employee viewer, Employee contact) {
        if (rule instanceof VisibilityRule.Everyone) {
            return true;
        }
        if (rule instanceof VisibilityRule.SameValue same) {
            Optional<String> mine = value(viewer, same.field());
            return mine.isPresent() && mine.equals(value(contact, same.field()));
        }
        if (rule instanceof VisibilityRule.DirectReports) {
            return isManagerOf(viewer, contact);
        }
        if (rule instanceof VisibilityRule.ManagerChain chain) {
            return managersOf(viewer, chain.levels()).stream().anyMatch(dn -> sameEntry(dn, contact.reference()));
        }
        if (rule instanceof VisibilityRule.Group group) {
            return memberOf(viewer, group.group()) && memberOf(contact, group.group());
        }
        throw new IllegalArgumentException("a visibility rule the reference does not know: " + rule);
    }

    /** Whether the employee's {@code manager} names the manager's entry. */
    private static boolean isManagerOf(Employee manager, Employee employee) {
        return value(employee, PersonField.MANAGER).map(dn -> sameEntry(dn, manager.reference())).orElse(false);
    }

    /**
     * The directory names of the viewer's manager, their manager, … up to {@code levels} of them; the
     * list ends early at a manager the directory does not hold (or one without a manager).
     */
    private List<String> managersOf(Employee viewer, int levels) {
        List<String> chain = new ArrayList<>();
        Optional<String> manager = value(viewer, PersonField.MANAGER);
        while (manager.isPresent() && chain.size() < levels) {
            chain.add(manager.get());
            manager = employeeAt(manager.get()).flatMap(boss -> value(boss, PersonField.MANAGER));
        }
        return chain;
    }

    /** The employee whose entry has this directory name, whatever their scope. */
    private Optional<Employee> employeeAt(String dn) {
        return byId.values().stream().filter(e -> sameEntry(dn, e.reference())).findFirst();
    }

    private static boolean sameEntry(String dn, String reference) {
        return !reference.isEmpty() && Names.dn(dn).equals(Names.dn(reference));
    }

    private static boolean memberOf(Employee employee, String group) {
        String wanted = Names.dn(group);
        return employee.groups().stream().anyMatch(g -> Names.dn(g).equals(wanted));
    }

    // --- fields --------------------------------------------------------------------------

    /** The contact's fields on the allowlist that have a usable value. */
    private Map<PersonField, String> released(Employee contact) {
        Map<PersonField, String> fields = new EnumMap<>(PersonField.class);
        for (PersonField field : policy.fields()) {
            usable(contact, field).ifPresent(v -> fields.put(field, v));
        }
        return fields;
    }

    /** A field's non-blank value; a phone number only when the phones section accepts it. */
    private Optional<String> usable(Employee employee, PersonField field) {
        Optional<String> value = value(employee, field);
        boolean phone = field == PersonField.MOBILE || field == PersonField.WORK_PHONE;
        return phone ? value.filter(this::acceptable) : value;
    }

    private boolean acceptable(String e164) {
        Policy.PhoneAcceptance accept = policy.phones();
        if (accept.equals(Policy.PhoneAcceptance.ANY)) {
            // without restrictions every number is acceptable, whatever libphonenumber makes of it
            return true;
        }
        PhoneNumber number;
        try {
            number = PHONES.parse(e164, "ZZ");
        } catch (NumberParseException e) {
            return false;
        }
        String region = PHONES.getRegionCodeForNumber(number);
        boolean regionOk = accept.regions().isEmpty() || (region != null && accept.regions().contains(region));
        PhoneNumberType type = PHONES.getNumberType(number);
        boolean mobile = type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
        boolean fixed = type == PhoneNumberType.FIXED_LINE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
        boolean kindOk = (mobile && accept.kinds().contains(Policy.NumberKind.MOBILE))
                || (fixed && accept.kinds().contains(Policy.NumberKind.FIXED));
        return regionOk && kindOk;
    }

    private static Optional<String> value(Employee employee, PersonField field) {
        return employee.value(field).filter(v -> !v.isBlank());
    }

    private static boolean yes(Employee employee, PersonField flag) {
        return value(employee, flag).map(PersonField::isYes).orElse(false);
    }

    /** How many employees each scope outcome has: for a failure message, to show what a case was like. */
    static Map<Scope, Integer> scopes(Policy policy, Collection<Employee> employees,
                                      Map<String, Person.SelfService> choices) {
        ReferencePlanner planner = new ReferencePlanner(policy, employees, choices);
        Map<Scope, Integer> counts = new HashMap<>();
        employees.forEach(e -> counts.merge(planner.scope(e), 1, Integer::sum));
        return counts;
    }
}
