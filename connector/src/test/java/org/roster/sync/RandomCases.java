package org.roster.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.roster.directory.DirectoryEntry;
import org.roster.policy.Person;
import org.roster.policy.PersonField;
import org.roster.policy.Policy;
import org.roster.policy.ScopeRule;
import org.roster.policy.VisibilityRule;

/**
 * Random small directories and policies from one seed, so that a case that fails can be made again:
 * departments, locations, managers forming a forest (and some naming nobody), groups, employee
 * types, disabled accounts, missing, foreign, fixed-line and invalid mobiles, opt-outs and consents,
 * written with the variations directories have (names in other cases, spaces around a DN's commas,
 * values with stray white space); and policies using every kind of rule.
 *
 * <pre>{@code
 * RandomCases random = new RandomCases(42);
 * Map<String, DirectoryEntry> directory = random.directory();
 * Policy policy = random.policy();
 * }</pre>
 */
final class RandomCases {

    static final String PROJECT_X = "cn=project-x,ou=groups,dc=example,dc=org";
    static final String WORKS_COUNCIL = "cn=works council,ou=groups,dc=example,dc=org";
    static final String EXECUTIVES = "cn=executives,ou=groups,dc=example,dc=org";
    private static final List<String> GROUPS = List.of(PROJECT_X, WORKS_COUNCIL, EXECUTIVES);
    private static final List<String> DEPARTMENTS = List.of("Finance", "Sales", "Legal", "IT", "R&D");
    private static final List<String> LOCATIONS = List.of("Berlin", "Wien", "Zürich");
    private static final List<String> TYPES = List.of("employee", "Employee", "contractor", "intern", "External");
    private static final List<String> TITLES = List.of("Engineer", "Manager", "Clerk");
    /** Id shapes whose order differs between Java's and a database's collation: case, digits, punctuation. */
    private static final List<String> ID_SHAPES = List.of("p%d", "P-%d", "e_%d", "z%d", "a%03d", "Q.%d");
    private static final Set<PersonField> RELEASABLE = EnumSet.of(PersonField.GIVEN_NAME, PersonField.SURNAME,
            PersonField.DISPLAY_NAME, PersonField.MOBILE, PersonField.WORK_PHONE, PersonField.MAIL,
            PersonField.DEPARTMENT, PersonField.LOCATION, PersonField.TITLE);

    private final Random random;
    private final Set<String> usedIds = new HashSet<>();
    private int nextNumber;

    RandomCases(long seed) {
        this.random = new Random(seed);
    }

    // --- directories ---------------------------------------------------------------------

    /** A directory of 5 to 60 entries, by id, managers before the people who report to them. */
    Map<String, DirectoryEntry> directory() {
        Map<String, DirectoryEntry> directory = new LinkedHashMap<>();
        int size = 5 + random.nextInt(56);
        for (int i = 0; i < size; i++) {
            DirectoryEntry entry = entry(newId(), managerAmong(directory));
            directory.put(entry.ids().get(0), entry);
        }
        return directory;
    }

    /** Self-service choices for some of the people: opted out, opted in, or both. */
    Map<String, Person.SelfService> choices(Iterable<String> ids) {
        Map<String, Person.SelfService> choices = new TreeMap<>();
        for (String id : ids) {
            if (random.nextInt(4) == 0) {
                choices.put(id, new Person.SelfService(random.nextInt(3) == 0, random.nextBoolean()));
            }
        }
        return choices;
    }

    /**
     * Changes a directory as a working week might: people leave and join, move department, get a new
     * (sometimes invalid) mobile, a new manager, other groups, opt out in the directory.
     */
    void change(Map<String, DirectoryEntry> directory) {
        List<String> ids = new ArrayList<>(directory.keySet());
        for (int i = random.nextInt(4); i > 0 && !ids.isEmpty(); i--) {
            directory.remove(ids.remove(random.nextInt(ids.size())));
        }
        for (int i = random.nextInt(6); i > 0; i--) {
            DirectoryEntry joiner = entry(newId(), managerAmong(directory));
            directory.put(joiner.ids().get(0), joiner);
        }
        for (String id : new ArrayList<>(directory.keySet())) {
            if (random.nextInt(5) != 0) {
                continue;
            }
            DirectoryEntry entry = directory.get(id);
            Map<PersonField, List<String>> values = new TreeMap<>(entry.values());
            List<String> groups = entry.groups();
            switch (random.nextInt(6)) {
                case 0 -> put(values, PersonField.DEPARTMENT, department());
                case 1 -> put(values, PersonField.MOBILE, mobile());
                case 2 -> put(values, PersonField.OPT_OUT, random.nextBoolean() ? "yes" : "no");
                case 3 -> put(values, PersonField.MANAGER, managerAmong(before(directory, id)).orElse(null));
                case 4 -> groups = groups();
                default -> put(values, PersonField.LOCATION, pick(LOCATIONS));
            }
            directory.put(id, new DirectoryEntry(entry.reference(), entry.ids(), values, groups));
        }
    }

    /** Flips some people's self-service choices. */
    void changeChoices(Map<String, Person.SelfService> choices, Iterable<String> ids) {
        for (String id : ids) {
            if (random.nextInt(6) == 0) {
                choices.put(id, new Person.SelfService(random.nextBoolean(), random.nextBoolean()));
            }
        }
    }

    /** The entries before this one: managers chosen among them keep the managers a forest. */
    private static Map<String, DirectoryEntry> before(Map<String, DirectoryEntry> directory, String id) {
        Map<String, DirectoryEntry> before = new LinkedHashMap<>();
        for (Map.Entry<String, DirectoryEntry> entry : directory.entrySet()) {
            if (entry.getKey().equals(id)) {
                break;
            }
            before.put(entry.getKey(), entry.getValue());
        }
        return before;
    }

    private String newId() {
        while (true) {
            String id = String.format(Locale.ROOT, pick(ID_SHAPES), nextNumber++ * 7 % 1000);
            // ids differing only in case would name one entry: a DN is compared ignoring case
            if (usedIds.add(id.toLowerCase(Locale.ROOT))) {
                return id;
            }
        }
    }

    private DirectoryEntry entry(String id, Optional<String> manager) {
        String ou = random.nextInt(5) == 0 ? "staff" : "people";
        DirectoryEntry.Builder entry = DirectoryEntry.builder("uid=" + id + ",ou=" + ou + ",dc=example,dc=org").id(id)
                .add(PersonField.GIVEN_NAME, "Given " + id).add(PersonField.SURNAME, "Surname-" + id);
        maybe(3, () -> entry.add(PersonField.DISPLAY_NAME, "  Display\u00a0 " + id + " "));
        maybe(2, () -> entry.add(PersonField.MAIL, id.toLowerCase(Locale.ROOT) + "@example.org"));
        maybe(4, () -> entry.add(PersonField.DEPARTMENT, department()));
        maybe(3, () -> entry.add(PersonField.LOCATION, pick(LOCATIONS)));
        maybe(2, () -> entry.add(PersonField.TITLE, pick(TITLES)));
        maybe(4, () -> entry.add(PersonField.EMPLOYEE_TYPE, pick(TYPES)));
        maybe(8, () -> entry.add(PersonField.ACCOUNT_DISABLED, random.nextBoolean() ? "TRUE" : "no"));
        maybe(6, () -> entry.add(PersonField.OPT_OUT, random.nextBoolean() ? "yes" : "0"));
        maybe(3, () -> entry.add(PersonField.CONSENT, random.nextBoolean() ? "Y" : "false"));
        maybe(3, () -> entry.add(PersonField.WORK_PHONE, "030 " + (20000000 + random.nextInt(1000000))));
        String mobile = mobile();
        if (mobile != null) {
            entry.add(PersonField.MOBILE, mobile);
        }
        manager.ifPresent(dn -> entry.add(PersonField.MANAGER, dn));
        groups().forEach(entry::group);
        return entry.build();
    }

    /** Mostly a known department, sometimes in another case, with white space, blank or missing. */
    private String department() {
        return switch (random.nextInt(12)) {
            case 0 -> "  " + pick(DEPARTMENTS) + "  ";
            case 1 -> pick(DEPARTMENTS).toLowerCase(Locale.ROOT);
            case 2 -> "   ";
            default -> pick(DEPARTMENTS);
        };
    }

    /** A German, Austrian or Swiss mobile, a fixed line, an invalid number, or none. */
    private String mobile() {
        return switch (random.nextInt(12)) {
            case 0 -> null;
            case 1 -> "12";
            case 2 -> "+43 664 " + (1000000 + random.nextInt(9000000));
            case 3 -> "+41 79 " + (1000000 + random.nextInt(9000000));
            case 4 -> "030 " + (30000000 + random.nextInt(1000000));
            default -> "0151 " + (10000000 + random.nextInt(90000000));
        };
    }

    /**
     * The DN of someone already in the directory, written as directories do (another case, spaces
     * after commas), sometimes of someone who is not; often none.
     */
    private Optional<String> managerAmong(Map<String, DirectoryEntry> directory) {
        if (directory.isEmpty() || random.nextInt(4) == 0) {
            return Optional.empty();
        }
        if (random.nextInt(15) == 0) {
            return Optional.of("uid=nobody" + random.nextInt(5) + ",ou=people,dc=example,dc=org");
        }
        List<DirectoryEntry> entries = new ArrayList<>(directory.values());
        // managers near the top: the first entries are everyone's candidates more often, so chains grow
        String dn = entries.get(random.nextInt(1 + random.nextInt(entries.size()))).reference();
        return Optional.of(switch (random.nextInt(3)) {
            case 0 -> dn.toUpperCase(Locale.ROOT);
            case 1 -> dn.replace(",", ", ");
            default -> dn;
        });
    }

    private List<String> groups() {
        List<String> groups = new ArrayList<>();
        for (String group : GROUPS) {
            if (random.nextInt(3) == 0) {
                groups.add(random.nextBoolean() ? group : group.toUpperCase(Locale.ROOT).replace(",", ", "));
            }
        }
        return groups;
    }

    // --- policies ------------------------------------------------------------------------

    /** A policy with up to three scope rules, one to four visibility rules of any kind, and any options. */
    Policy policy() {
        List<ScopeRule> scope = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            scope.add(scopeRule("scope-" + i));
        }
        Set<PersonField> fields = EnumSet.noneOf(PersonField.class);
        RELEASABLE.forEach(f -> maybe(2, () -> fields.add(f)));
        if (fields.isEmpty()) {
            fields.add(PersonField.SURNAME);
        }
        List<VisibilityRule> visibility = new ArrayList<>();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            visibility.add(visibilityRule("see-" + i));
        }
        Optional<Policy.Cap> cap = random.nextInt(5) < 2 ? Optional.empty()
                : Optional.of(new Policy.Cap(random.nextInt(4) == 0 ? 20 + random.nextInt(30) : 1 + random.nextInt(6)));
        boolean consent = random.nextInt(3) == 0;
        return new Policy("random", "a generated policy", scope, fields, visibility, cap,
                new Policy.OptOut(random.nextBoolean(), random.nextBoolean()),
                new Policy.Consent(consent, consent && random.nextBoolean()), phones(),
                new Policy.Retention(Duration.ZERO, Duration.ofDays(30), Duration.ofDays(365)));
    }

    private ScopeRule scopeRule(String id) {
        return switch (random.nextInt(8)) {
            case 0 -> new ScopeRule.Require(id, pick(List.of(PersonField.MOBILE, PersonField.DEPARTMENT,
                    PersonField.WORK_PHONE, PersonField.LOCATION)));
            case 1 -> new ScopeRule.Include(id, new ScopeRule.Match.FieldIn(PersonField.DEPARTMENT,
                    new HashSet<>(List.of(pick(DEPARTMENTS), pick(DEPARTMENTS).toUpperCase(Locale.ROOT), pick(DEPARTMENTS)))));
            case 2 -> new ScopeRule.Include(id, new ScopeRule.Match.Under("OU=People, DC=example, DC=org"));
            case 3 -> new ScopeRule.Exclude(id, new ScopeRule.Match.Under("ou=staff,dc=example,dc=org"));
            case 4 -> new ScopeRule.Exclude(id, new ScopeRule.Match.FieldIn(PersonField.EMPLOYEE_TYPE,
                    Set.of("contractor", "External ")));
            case 5 -> new ScopeRule.Exclude(id, new ScopeRule.Match.MemberOf("CN=Executives, OU=Groups, DC=example, DC=org"));
            case 6 -> new ScopeRule.Exclude(id, new ScopeRule.Match.Disabled());
            default -> new ScopeRule.Require(id, PersonField.MOBILE);
        };
    }

    private VisibilityRule visibilityRule(String id) {
        return switch (random.nextInt(9)) {
            case 0, 1 -> new VisibilityRule.SameValue(id + "-same-department", PersonField.DEPARTMENT);
            case 2 -> new VisibilityRule.SameValue(id + "-same-location", PersonField.LOCATION);
            case 3 -> new VisibilityRule.SameValue(id + "-same-title", PersonField.TITLE);
            case 4 -> new VisibilityRule.ManagerChain(id + "-managers", 1 + random.nextInt(3));
            case 5 -> new VisibilityRule.DirectReports(id + "-reports");
            case 6 -> new VisibilityRule.Group(id + "-project-x", random.nextBoolean() ? PROJECT_X
                    : "CN=Project-X, OU=Groups, DC=Example, DC=org");
            case 7 -> new VisibilityRule.Group(id + "-works-council", WORKS_COUNCIL);
            default -> new VisibilityRule.Everyone(id + "-everyone");
        };
    }

    private Policy.PhoneAcceptance phones() {
        if (random.nextInt(3) != 0) {
            return Policy.PhoneAcceptance.ANY;
        }
        Set<Policy.NumberKind> kinds = pick(List.of(EnumSet.of(Policy.NumberKind.MOBILE),
                EnumSet.of(Policy.NumberKind.FIXED), EnumSet.allOf(Policy.NumberKind.class)));
        Set<String> regions = pick(List.of(Set.<String>of(), Set.of("DE"), Set.of("DE", "AT")));
        return new Policy.PhoneAcceptance(kinds, regions);
    }

    // --- helpers -------------------------------------------------------------------------

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Does it with a chance of one in {@code n}. */
    private void maybe(int n, Runnable action) {
        if (random.nextInt(n) == 0) {
            action.run();
        }
    }

    private static void put(Map<PersonField, List<String>> values, PersonField field, String value) {
        if (value == null) {
            values.remove(field);
        } else {
            values.put(field, List.of(value));
        }
    }
}
