package org.roster.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Properties that hold for every policy and every directory, checked on seeded random ones: a
 * few hundred generated people with the mess a directory has, and policies built from every rule
 * kind. Each property is what an employee or a compliance officer would notice if it broke.
 */
class PolicyEvaluatorPropertiesTest {

    private static final int PEOPLE = 200;
    private static final List<String> DEPARTMENTS = List.of("Finance", "Sales", "Engineering", "Legal", "Board");
    private static final List<String> LOCATIONS = List.of("Berlin", "Wien", "Zurich", "Paris");
    private static final List<String> OUS = List.of("berlin", "wien", "paris");
    private static final List<String> TYPES = List.of("employee", "Employee", "contractor", "CONTRACTOR", "intern", "external");
    private static final List<String> GROUPS = List.of("cn=executives,ou=groups,dc=example,dc=org",
            "cn=finance,ou=groups,dc=example,dc=org", "cn=works-council,ou=groups,dc=example,dc=org");
    private static final List<String> NUMBERS = List.of("+4915112345678", "+4917612345678", "+436641234567",
            "+41791234567", "+33612345678", "+493012345678", "+43123456789", "12", "   ");
    private static final List<PersonField> RELEASABLE = Arrays.stream(PersonField.values())
            .filter(PersonField::releasable).toList();

    /** A viewer's contact, as the planner keeps it: who, and by which visibility rule. */
    private record Card(String contactId, String ruleId) {
    }

    /** A generated directory: the people and who manages whom. */
    private record Directory(List<TestPerson> people, PolicyEvaluator.Managers managers) {
    }

    @Test
    void addingAnExcludeRuleNeverGivesAnyViewerAContactTheyDidNotHave() {
        Random random = new Random(7_001L);
        Directory directory = directory(random);
        int roundsInWhichSomeoneLostAContact = 0;
        for (int round = 0; round < 8; round++) {
            Policy policy = withoutCap(randomPolicy(random));
            List<ScopeRule> scope = new ArrayList<>(policy.scope());
            ScopeRule.Exclude extra = new ScopeRule.Exclude("extra-exclude", randomMatch(random));
            scope.add(random.nextInt(scope.size() + 1), extra);
            Policy stricter = withScope(policy, scope);

            Map<String, Set<String>> before = contactSets(policy, directory);
            Map<String, Set<String>> after = contactSets(stricter, directory);

            boolean lost = false;
            for (TestPerson viewer : directory.people()) {
                assertThat(before.get(viewer.id())).as("round %d, viewer %s, adding %s", round, viewer.id(), extra)
                        .containsAll(after.get(viewer.id()));
                lost |= after.get(viewer.id()).size() < before.get(viewer.id()).size();
            }
            roundsInWhichSomeoneLostAContact += lost ? 1 : 0;
        }
        // the generated rules bite, so the property is not true merely because nothing changes
        assertThat(roundsInWhichSomeoneLostAContact).isGreaterThan(3);
    }

    @Test
    void withACapAnExtraExcludeRuleNeverGivesAnyViewerMoreContacts() {
        Random random = new Random(7_002L);
        Directory directory = directory(random);
        for (int round = 0; round < 5; round++) {
            Policy policy = withCap(randomPolicy(random), 1 + random.nextInt(15));
            List<ScopeRule> scope = new ArrayList<>(policy.scope());
            scope.add(random.nextInt(scope.size() + 1), new ScopeRule.Exclude("extra-exclude", randomMatch(random)));

            Map<String, Set<String>> before = contactSets(policy, directory);
            Map<String, Set<String>> after = contactSets(withScope(policy, scope), directory);

            for (TestPerson viewer : directory.people()) {
                assertThat(after.get(viewer.id()).size()).as("round %d, viewer %s", round, viewer.id())
                        .isLessThanOrEqualTo(before.get(viewer.id()).size());
            }
        }
    }

    @Test
    void someoneWhoOptedOutInSelfServiceIsNobodysContactAndReceivesNothingUnlessThePolicySaysSo() {
        Random random = new Random(7_003L);
        Directory directory = directory(random);
        Set<String> optedOut = directory.people().stream().filter(p -> p.selfService().optedOut())
                .map(TestPerson::id).collect(Collectors.toSet());
        assertThat(optedOut).as("the directory has people who opted out").isNotEmpty();
        int optedOutViewersWhoStillReceived = 0;
        for (int round = 0; round < 8; round++) {
            Policy policy = randomPolicy(random);
            Map<String, Set<String>> contacts = contactSets(policy, directory);

            for (TestPerson viewer : directory.people()) {
                assertThat(contacts.get(viewer.id())).as("round %d: contacts of %s", round, viewer.id())
                        .doesNotContainAnyElementsOf(optedOut);
            }
            for (String id : optedOut) {
                if (!policy.optOut().stillReceives()) {
                    assertThat(contacts.get(id)).as("round %d: contacts of %s, who opted out", round, id).isEmpty();
                } else if (!contacts.get(id).isEmpty()) {
                    optedOutViewersWhoStillReceived++;
                }
            }
        }
        assertThat(optedOutViewersWhoStillReceived).as("stillReceives lets opted-out people receive").isPositive();
    }

    @Test
    void inConsentModeNobodyWhoHasNotOptedInIsEverSomeonesContact() {
        Random random = new Random(7_004L);
        Directory directory = directory(random);
        int contactsDelivered = 0;
        for (int round = 0; round < 8; round++) {
            Policy base = randomPolicy(random);
            Policy.Consent consent = new Policy.Consent(true, random.nextBoolean());
            Policy policy = new Policy(base.name(), base.description(), base.scope(), base.fields(), base.visibility(),
                    base.cap(), base.optOut(), consent, base.phones(), base.retention());
            Set<String> notOptedIn = directory.people().stream()
                    .filter(p -> !p.selfService().optedIn() && !(consent.directoryAttribute()
                            && p.value(PersonField.CONSENT).map(PersonField::isYes).orElse(false)))
                    .map(TestPerson::id).collect(Collectors.toSet());
            assertThat(notOptedIn).isNotEmpty();

            Map<String, Set<String>> contacts = contactSets(policy, directory);

            for (TestPerson viewer : directory.people()) {
                assertThat(contacts.get(viewer.id())).as("round %d: contacts of %s", round, viewer.id())
                        .doesNotContainAnyElementsOf(notOptedIn);
                contactsDelivered += contacts.get(viewer.id()).size();
            }
        }
        assertThat(contactsDelivered).as("people who opted in are still delivered").isPositive();
    }

    @Test
    void theCapIsNeverExceededAndTheSameDirectoryAlwaysGivesTheSameContacts() {
        Random random = new Random(7_005L);
        Directory directory = directory(random);
        int viewersAtTheCap = 0;
        for (int round = 0; round < 5; round++) {
            int max = 1 + random.nextInt(12);
            Policy policy = withCap(randomPolicy(random), max);
            List<TestPerson> shuffled = new ArrayList<>(directory.people());
            Collections.shuffle(shuffled, new Random(round));

            Map<String, List<Card>> first = contactLists(policy, directory.people(), directory.managers());
            Map<String, List<Card>> again = contactLists(policy, directory.people(), directory.managers());
            Map<String, List<Card>> otherOrder = contactLists(policy, shuffled, directory.managers());

            assertThat(again).as("round %d: the same input again", round).isEqualTo(first);
            for (TestPerson viewer : directory.people()) {
                List<Card> cards = first.get(viewer.id());
                assertThat(cards).as("round %d: contacts of %s, cap %d", round, viewer.id(), max).hasSizeLessThanOrEqualTo(max);
                assertThat(Set.copyOf(otherOrder.get(viewer.id()))).as("round %d: %s, directory read in another order",
                        round, viewer.id()).isEqualTo(Set.copyOf(cards));
                viewersAtTheCap += cards.size() == max ? 1 : 0;
            }
        }
        assertThat(viewersAtTheCap).as("the cap really cuts some contact lists").isPositive();
    }

    @Test
    void theCapKeepsContactsOfEarlierRulesBeforeThoseOfLaterRules() {
        Random random = new Random(7_006L);
        Directory directory = directory(random);
        for (int round = 0; round < 5; round++) {
            Policy uncapped = withoutCap(randomPolicy(random));
            int max = 1 + random.nextInt(10);
            Policy capped = withCap(uncapped, max);
            List<String> order = uncapped.visibility().stream().map(VisibilityRule::id).toList();

            Map<String, List<Card>> all = contactLists(uncapped, directory.people(), directory.managers());
            Map<String, List<Card>> kept = contactLists(capped, directory.people(), directory.managers());

            for (TestPerson viewer : directory.people()) {
                List<Card> dropped = new ArrayList<>(all.get(viewer.id()));
                dropped.removeAll(kept.get(viewer.id()));
                assertThat(all.get(viewer.id())).containsAll(kept.get(viewer.id()));
                for (Card out : dropped) {
                    for (Card in : kept.get(viewer.id())) {
                        assertThat(order.indexOf(in.ruleId())).as("round %d, viewer %s: kept %s, dropped %s", round,
                                viewer.id(), in, out).isLessThanOrEqualTo(order.indexOf(out.ruleId()));
                    }
                }
            }
        }
    }

    @Test
    void releaseHandsOverOnlyAllowlistedReleasableFieldsAndEveryOtherFieldIsAccountedForAsWithheld() {
        Random random = new Random(7_007L);
        Directory directory = directory(random);
        for (int round = 0; round < 40; round++) {
            Policy policy = randomPolicy(random);
            PolicyEvaluator evaluator = new PolicyEvaluator(policy, directory.managers());
            for (TestPerson person : directory.people()) {
                Map<PersonField, String> released = evaluator.release(person);
                Map<PersonField, String> withheld = evaluator.withheld(person);

                assertThat(released.keySet()).as("round %d, %s", round, person.id())
                        .isSubsetOf(policy.fields()).allMatch(PersonField::releasable);
                released.forEach((field, value) -> assertThat(person.value(field)).contains(value));
                assertThat(Collections.disjoint(withheld.keySet(), released.keySet()))
                        .as("round %d, %s: nothing is both released and withheld", round, person.id()).isTrue();
                for (PersonField field : PersonField.values()) {
                    boolean present = person.value(field).filter(v -> !v.isBlank()).isPresent();
                    assertThat(released.containsKey(field) || withheld.containsKey(field))
                            .as("round %d, %s: %s is present, so released or withheld", round, person.id(), field)
                            .isEqualTo(present);
                }
            }
        }
    }

    // --- the planner's view: who gets whom ---

    private static Map<String, Set<String>> contactSets(Policy policy, Directory directory) {
        Map<String, Set<String>> sets = new HashMap<>();
        contactLists(policy, directory.people(), directory.managers()).forEach((viewer, cards) ->
                sets.put(viewer, cards.stream().map(Card::contactId).collect(Collectors.toSet())));
        return sets;
    }

    /** As the product plans: only receiving viewers get contacts, only delivered people are contacts, then the cap. */
    private static Map<String, List<Card>> contactLists(Policy policy, List<TestPerson> people,
                                                        PolicyEvaluator.Managers managers) {
        PolicyEvaluator evaluator = new PolicyEvaluator(policy, managers);
        Map<String, ScopeDecision> scope = new HashMap<>();
        people.forEach(p -> scope.put(p.id(), evaluator.scope(p)));
        List<TestPerson> delivered = people.stream().filter(p -> scope.get(p.id()).delivered()).toList();
        Map<String, List<Card>> lists = new LinkedHashMap<>();
        for (TestPerson viewer : people) {
            List<Card> granted = new ArrayList<>();
            if (scope.get(viewer.id()).receives()) {
                for (TestPerson contact : delivered) {
                    if (evaluator.visibility(viewer, contact) instanceof VisibilityDecision.Visible visible) {
                        granted.add(new Card(contact.id(), visible.ruleId()));
                    }
                }
            }
            lists.put(viewer.id(), evaluator.cap(granted, Card::ruleId, Card::contactId));
        }
        return lists;
    }

    // --- generators ---

    private static Directory directory(Random random) {
        List<TestPerson> people = new ArrayList<>();
        Map<String, String> managerOf = new HashMap<>();
        for (int i = 0; i < PEOPLE; i++) {
            String id = String.format("p%03d", i);
            String reference = "uid=" + id + ",ou=" + pick(random, OUS) + ",ou=people,dc=example,dc=org";
            Map<PersonField, String> values = new EnumMap<>(PersonField.class);
            values.put(PersonField.GIVEN_NAME, "Given" + i);
            values.put(PersonField.SURNAME, "Surname" + i);
            maybe(random, 3, values, PersonField.DISPLAY_NAME, "Given" + i + " Surname" + i);
            maybe(random, 9, values, PersonField.MOBILE, pick(random, NUMBERS));
            maybe(random, 3, values, PersonField.WORK_PHONE, pick(random, NUMBERS));
            maybe(random, 5, values, PersonField.MAIL, id + "@example.org");
            maybe(random, 9, values, PersonField.DEPARTMENT, pick(random, DEPARTMENTS));
            maybe(random, 8, values, PersonField.LOCATION, pick(random, LOCATIONS));
            maybe(random, 5, values, PersonField.TITLE, "Title " + random.nextInt(5));
            maybe(random, 8, values, PersonField.EMPLOYEE_TYPE, pick(random, TYPES));
            maybe(random, 2, values, PersonField.ACCOUNT_DISABLED, pick(random, List.of("true", "yes", "false", "0")));
            maybe(random, 2, values, PersonField.OPT_OUT, pick(random, List.of("true", "1", "false", "no")));
            maybe(random, 4, values, PersonField.CONSENT, pick(random, List.of("true", "yes", "false", "no")));
            if (i > 0 && random.nextInt(10) > 0) {
                String manager = people.get(random.nextInt(i)).reference();
                // directories write DNs in more than one way
                values.put(PersonField.MANAGER, random.nextBoolean() ? manager : manager.toUpperCase().replace(",", ", "));
                managerOf.put(Names.dn(reference), values.get(PersonField.MANAGER));
            }
            String[] groups = GROUPS.stream().filter(g -> random.nextInt(4) == 0).toArray(String[]::new);
            Person.SelfService choices = new Person.SelfService(random.nextInt(10) == 0, random.nextInt(2) == 0);
            people.add(new TestPerson(id, values, reference, Set.of(groups), choices));
        }
        return new Directory(List.copyOf(people), reference -> Optional.ofNullable(managerOf.get(Names.dn(reference))));
    }

    private static Policy randomPolicy(Random random) {
        List<ScopeRule> scope = new ArrayList<>();
        if (random.nextInt(3) > 0) {
            scope.add(new ScopeRule.Require("has-mobile", PersonField.MOBILE));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            ScopeRule.Match match = randomMatch(random);
            scope.add(random.nextInt(4) == 0 && !(match instanceof ScopeRule.Match.Disabled)
                    ? new ScopeRule.Include("include-" + i, match) : new ScopeRule.Exclude("exclude-" + i, match));
        }
        Set<PersonField> fields = EnumSet.noneOf(PersonField.class);
        fields.add(pick(random, RELEASABLE));
        RELEASABLE.stream().filter(f -> random.nextBoolean()).forEach(fields::add);

        List<VisibilityRule> candidates = new ArrayList<>(List.of(
                new VisibilityRule.SameValue("same-department", PersonField.DEPARTMENT),
                new VisibilityRule.SameValue("same-location", PersonField.LOCATION),
                new VisibilityRule.ManagerChain("management-chain", 1 + random.nextInt(3)),
                new VisibilityRule.DirectReports("direct-reports"),
                new VisibilityRule.Group("finance-group", "CN=Finance, OU=Groups, DC=example, DC=org")));
        if (random.nextInt(5) == 0) {
            candidates.add(new VisibilityRule.Everyone("all-staff"));
        }
        Collections.shuffle(candidates, random);
        List<VisibilityRule> visibility = List.copyOf(candidates.subList(0, 1 + random.nextInt(3)));

        Optional<Policy.Cap> cap = random.nextBoolean() ? Optional.of(new Policy.Cap(1 + random.nextInt(30))) : Optional.empty();
        Policy.OptOut optOut = new Policy.OptOut(random.nextBoolean(), random.nextBoolean());
        Policy.Consent consent = random.nextInt(3) == 0 ? new Policy.Consent(true, random.nextBoolean())
                : Policy.Consent.NOT_REQUIRED;
        Policy.PhoneAcceptance phones = random.nextBoolean() ? Policy.PhoneAcceptance.ANY
                : new Policy.PhoneAcceptance(random.nextBoolean() ? Set.of(Policy.NumberKind.MOBILE)
                        : EnumSet.allOf(Policy.NumberKind.class),
                        random.nextBoolean() ? Set.of() : Set.of("DE", "AT", "CH"));
        return new Policy("random", "", scope, fields, visibility, cap, optOut, consent, phones, Policy.Retention.DEFAULT);
    }

    private static ScopeRule.Match randomMatch(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> new ScopeRule.Match.FieldIn(PersonField.EMPLOYEE_TYPE, Set.of("contractor", "intern"));
            case 1 -> new ScopeRule.Match.FieldIn(PersonField.DEPARTMENT, Set.of(pick(random, DEPARTMENTS)));
            case 2 -> new ScopeRule.Match.MemberOf(pick(random, GROUPS).toUpperCase());
            case 3 -> new ScopeRule.Match.Under("ou=" + pick(random, OUS) + ", ou=people, dc=example, dc=org");
            case 4 -> new ScopeRule.Match.FieldIn(PersonField.LOCATION, Set.of(pick(random, LOCATIONS)));
            default -> new ScopeRule.Match.Disabled();
        };
    }

    private static Policy withScope(Policy p, List<ScopeRule> scope) {
        return new Policy(p.name(), p.description(), scope, p.fields(), p.visibility(), p.cap(), p.optOut(),
                p.consent(), p.phones(), p.retention());
    }

    private static Policy withoutCap(Policy p) {
        return new Policy(p.name(), p.description(), p.scope(), p.fields(), p.visibility(), Optional.empty(),
                p.optOut(), p.consent(), p.phones(), p.retention());
    }

    private static Policy withCap(Policy p, int max) {
        return new Policy(p.name(), p.description(), p.scope(), p.fields(), p.visibility(),
                Optional.of(new Policy.Cap(max)), p.optOut(), p.consent(), p.phones(), p.retention());
    }

    private static void maybe(Random random, int inTen, Map<PersonField, String> values, PersonField field, String value) {
        if (random.nextInt(10) < inTen) {
            values.put(field, value);
        }
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
