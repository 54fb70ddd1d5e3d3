package org.roster.policy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a policy from YAML, reporting every problem with its line and column.
 *
 * <pre>{@code
 * Policy policy = PolicyParser.parse("default.yaml", """
 *     policy: default
 *     scope:
 *       - id: has-mobile
 *         require: mobile
 *     fields: [givenName, surname, mobile]
 *     visibility:
 *       - id: same-department
 *         same: department
 *     """);
 * }</pre>
 *
 * <p>The format (the bundled policies and {@code policies/README.md} show every part):
 * {@code policy} (name, required), {@code description}, {@code scope} (rules with an {@code id}
 * and one of {@code require: FIELD}, {@code include: MATCH}, {@code exclude: MATCH}, where MATCH is
 * {@code {field: F, equals: V}}, {@code {field: F, in: [V, ...]}}, {@code {memberOf: GROUP-DN}},
 * {@code {under: DN}} or {@code {disabled: true}}), {@code fields} (the allowlist, required),
 * {@code visibility} (rules with an {@code id} and one of {@code same: FIELD}, {@code everyone: true},
 * {@code managerChain: LEVELS}, {@code directReports: true}, {@code group: GROUP-DN}; at least one),
 * {@code cap}, {@code optOut}, {@code consent}, {@code phones}, {@code retention} and
 * {@code sharedNumbers} ({@code withhold}, the default, {@code firstById} or {@code deliver}). Unknown or
 * repeated keys are errors, so a misspelt rule never silently does nothing, and rules that would
 * leave nobody in scope are refused.
 */
public final class PolicyParser {

    private static final int MAX_POLICY_CHARS = 256 * 1024;
    private static final Set<String> REGIONS =
            PhoneNumberUtil.getInstance().getSupportedRegions();

    private final String source;
    private final Duration minAuditRetention;
    private final List<InvalidPolicyException.Problem> problems = new ArrayList<>();
    private final Set<String> ruleIds = new HashSet<>();

    private PolicyParser(String source, Duration minAuditRetention) {
        this.source = source;
        this.minAuditRetention = Objects.requireNonNull(minAuditRetention, "minAuditRetention");
    }

    /**
     * Parses and validates a policy.
     *
     * @param source a name for the text (a file name), used in problem reports
     * @param yaml   the policy text
     * @throws InvalidPolicyException listing every problem found, each with its place
     */
    public static Policy parse(String source, String yaml) throws InvalidPolicyException {
        return parse(source, yaml, Duration.ZERO);
    }

    /**
     * Parses and validates a policy that the server will keep audit records under at least
     * {@code minAuditRetention}: a shorter {@code retention.auditRecords} is a problem at its place,
     * and a policy that leaves it out gets the longer of the default and the floor.
     *
     * <pre>{@code
     * PolicyParser.parse("mine.yaml", text, Duration.ofDays(365)); // auditRecords: PT0S is refused
     * }</pre>
     *
     * @throws InvalidPolicyException listing every problem found, each with its place
     */
    public static Policy parse(String source, String yaml, Duration minAuditRetention)
            throws InvalidPolicyException {
        return new PolicyParser(source, minAuditRetention).read(yaml);
    }

    private Policy read(String yaml) throws InvalidPolicyException {
        if (yaml.length() > MAX_POLICY_CHARS) {
            throw new InvalidPolicyException(List.of(new InvalidPolicyException.Problem(source, 1, 1,
                    "the policy is larger than " + MAX_POLICY_CHARS + " characters")));
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel(source)
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(10)
                .setAllowRecursiveKeys(false)
                .build();
        Optional<Node> root;
        try {
            refuseDeepNesting(settings, yaml);
            root = new Compose(settings).composeString(yaml);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            String what = Optional.ofNullable(e.getProblem()).orElse("not valid YAML");
            throw new InvalidPolicyException(List.of(problemAt(mark, "not valid YAML: " + what)));
        } catch (YamlEngineException e) {
            throw new InvalidPolicyException(List.of(new InvalidPolicyException.Problem(source, 1, 1,
                    "not valid YAML: " + firstLine(e.getMessage()))));
        }
        if (root.isEmpty() || !(root.get() instanceof MappingNode top)) {
            throw new InvalidPolicyException(List.of(problemAt(root.flatMap(Node::getStartMark),
                    "a policy is a mapping with the keys policy, scope, fields and visibility")));
        }
        Map<String, Node> keys = mapping(top, Set.of("policy", "description", "scope", "fields", "visibility", "cap",
                "optOut", "consent", "phones", "retention", "sharedNumbers"));

        String name = requiredScalar(top, keys, "policy");
        String description = Optional.ofNullable(keys.get("description")).map(n -> scalar(n, "description")).orElse("");
        List<ScopeRule> scope = Optional.ofNullable(keys.get("scope")).map(this::scopeRules).orElse(List.of());
        Set<PersonField> fields = fields(top, keys.get("fields"));
        List<VisibilityRule> visibility = visibilityRules(top, keys.get("visibility"));
        Optional<Policy.Cap> cap = Optional.ofNullable(keys.get("cap")).flatMap(n -> integer(n, "cap", 1, 100_000))
                .map(Policy.Cap::new);
        Policy.OptOut optOut = optOut(keys.get("optOut"));
        Policy.Consent consent = consent(keys.get("consent"));
        Policy.PhoneAcceptance phones = phones(keys.get("phones"));
        Policy.Retention retention = retention(keys.get("retention"));
        Policy.SharedNumbers sharedNumbers = sharedNumbers(keys.get("sharedNumbers"));
        contradictions(scope, keys.get("scope"));

        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(InvalidPolicyException.Problem::line)
                    .thenComparingInt(InvalidPolicyException.Problem::column));
            throw new InvalidPolicyException(problems);
        }
        return new Policy(name, description, scope, fields, visibility, cap, optOut, consent, phones, retention,
                sharedNumbers);
    }

    private static final int MAX_DEPTH = 50;

    /**
     * Composing a document recurses once per nesting level; thousands of "[" would overflow the
     * stack. The event stream is flat, so the depth is checked there first.
     */
    private void refuseDeepNesting(LoadSettings settings, String yaml) throws InvalidPolicyException {
        int depth = 0;
        for (Event event : new Parse(settings)
                .parseString(yaml)) {
            if (event instanceof CollectionStartEvent) {
                if (++depth > MAX_DEPTH) {
                    throw new InvalidPolicyException(List.of(problemAt(event.getStartMark(),
                            "nested more than " + MAX_DEPTH + " levels deep; a policy needs only a few")));
                }
            } else if (event instanceof CollectionEndEvent) {
                depth--;
            }
        }
    }

    private List<ScopeRule> scopeRules(Node node) {
        List<ScopeRule> rules = new ArrayList<>();
        for (Node item : sequence(node, "scope")) {
            if (!(item instanceof MappingNode rule)) {
                problem(item, "a scope rule is a mapping with an id and one of require, include or exclude");
                continue;
            }
            Map<String, Node> keys = mapping(rule, Set.of("id", "require", "include", "exclude"));
            String id = ruleId(rule, keys);
            List<String> kinds = Stream.of("require", "include", "exclude").filter(keys::containsKey).toList();
            if (kinds.size() != 1) {
                problem(rule, "scope rule \"" + id + "\" needs exactly one of require, include or exclude");
                continue;
            }
            Node body = keys.get(kinds.get(0));
            switch (kinds.get(0)) {
                case "require" -> field(body, "require").ifPresent(f -> rules.add(new ScopeRule.Require(id, f)));
                case "include" -> match(body, "include").ifPresent(m -> rules.add(new ScopeRule.Include(id, m)));
                default -> match(body, "exclude").ifPresent(m -> rules.add(new ScopeRule.Exclude(id, m)));
            }
        }
        return rules;
    }

    private static final String MATCH_FORMS = "{field: employeeType, equals: contractor}, {field: title, in: [CEO, CFO]}, "
            + "{memberOf: GROUP-DN}, {under: OU-DN} or {disabled: true}";

    private Optional<ScopeRule.Match> match(Node node, String key) {
        if (!(node instanceof MappingNode map)) {
            problem(node, key + " takes one of " + MATCH_FORMS);
            return Optional.empty();
        }
        Map<String, Node> m = mapping(map, Set.of("field", "equals", "in", "memberOf", "under", "disabled"));
        if (m.containsKey("field")) {
            Optional<PersonField> field = field(m.get("field"), "field");
            if (m.containsKey("equals") == m.containsKey("in") || m.size() != 2) {
                problem(map, key + " on a field needs exactly one of equals or in, e.g. " + MATCH_FORMS);
                return Optional.empty();
            }
            List<String> values = m.containsKey("equals")
                    ? Optional.ofNullable(scalar(m.get("equals"), "equals")).map(List::of).orElse(List.of())
                    : sequence(m.get("in"), "in").stream().map(n -> scalar(n, "in")).filter(Objects::nonNull).toList();
            if (values.isEmpty()) {
                return Optional.empty();
            }
            return field.map(f -> new ScopeRule.Match.FieldIn(f, Set.copyOf(values)));
        }
        if (m.size() != 1) {
            problem(map, key + " takes one of " + MATCH_FORMS);
            return Optional.empty();
        }
        Map.Entry<String, Node> only = m.entrySet().iterator().next();
        return switch (only.getKey()) {
            case "memberOf" -> dn(only.getValue(), "memberOf").map(ScopeRule.Match.MemberOf::new);
            case "under" -> dn(only.getValue(), "under").map(ScopeRule.Match.Under::new);
            case "disabled" -> {
                if (!"true".equals(scalar(only.getValue(), "disabled"))) {
                    problem(only.getValue(), "disabled takes the value true");
                    yield Optional.empty();
                }
                yield Optional.of(new ScopeRule.Match.Disabled());
            }
            default -> {
                problem(map, key + " takes one of " + MATCH_FORMS);
                yield Optional.empty();
            }
        };
    }

    private Optional<String> dn(Node node, String key) {
        String value = scalar(node, key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.matches("(?s)[^=,]+=[^,]+(,[^=,]+=[^,]+)*")) {
            problem(node, key + " \"" + value + "\" is not a DN such as cn=finance,ou=groups,dc=example,dc=org");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private Set<PersonField> fields(Node parent, Node node) {
        Set<PersonField> fields = EnumSet.noneOf(PersonField.class);
        if (node == null) {
            problem(parent, "fields is required: the list of fields that may leave Roster");
            return fields;
        }
        List<Node> items = sequence(node, "fields");
        for (Node item : items) {
            field(item, "fields").ifPresent(field -> {
                if (!field.releasable()) {
                    problem(item, "field \"" + field.policyName() + "\" steers decisions but may never leave Roster");
                } else if (!fields.add(field)) {
                    problem(item, "field \"" + field.policyName() + "\" is listed twice");
                }
            });
        }
        if (items.isEmpty() && node instanceof SequenceNode) {
            problem(node, "fields must list at least one field");
        }
        return fields;
    }

    private List<VisibilityRule> visibilityRules(Node parent, Node node) {
        List<VisibilityRule> rules = new ArrayList<>();
        if (node == null) {
            problem(parent, "visibility is required: at least one rule saying who sees whom");
            return rules;
        }
        List<Node> items = sequence(node, "visibility");
        for (Node item : items) {
            if (!(item instanceof MappingNode rule)) {
                problem(item, "a visibility rule is a mapping with an id and same or everyone");
                continue;
            }
            Map<String, Node> keys = mapping(rule, Set.of("id", "same", "everyone", "managerChain", "directReports",
                    "group"));
            String id = ruleId(rule, keys);
            List<String> kinds = Stream.of("same", "everyone", "managerChain", "directReports", "group")
                    .filter(keys::containsKey).toList();
            if (kinds.size() != 1) {
                problem(rule, "visibility rule \"" + id + "\" needs exactly one of same, everyone, managerChain, "
                        + "directReports or group");
                continue;
            }
            Node body = keys.get(kinds.get(0));
            switch (kinds.get(0)) {
                case "same" -> field(body, "same").ifPresent(f -> rules.add(new VisibilityRule.SameValue(id, f)));
                case "everyone" -> {
                    if (flag(body, "everyone")) {
                        rules.add(new VisibilityRule.Everyone(id));
                    }
                }
                case "managerChain" -> integer(body, "managerChain", 1, 20)
                        .ifPresent(levels -> rules.add(new VisibilityRule.ManagerChain(id, levels)));
                case "directReports" -> {
                    if (flag(body, "directReports")) {
                        rules.add(new VisibilityRule.DirectReports(id));
                    }
                }
                default -> dn(body, "group").ifPresent(g -> rules.add(new VisibilityRule.Group(id, g)));
            }
        }
        if (items.isEmpty() && node instanceof SequenceNode) {
            problem(node, "visibility must have at least one rule");
        }
        return rules;
    }

    private Policy.OptOut optOut(Node node) {
        if (node == null) {
            return Policy.OptOut.DEFAULT;
        }
        Map<String, Node> keys = node instanceof MappingNode map ? mapping(map, Set.of("directoryAttribute", "stillReceives"))
                : notMapping(node, "optOut");
        return new Policy.OptOut(optionalFlag(keys, "directoryAttribute"), optionalFlag(keys, "stillReceives"));
    }

    private Policy.Consent consent(Node node) {
        if (node == null) {
            return Policy.Consent.NOT_REQUIRED;
        }
        Map<String, Node> keys = node instanceof MappingNode map ? mapping(map, Set.of("required", "directoryAttribute"))
                : notMapping(node, "consent");
        boolean required = optionalFlag(keys, "required");
        boolean attribute = optionalFlag(keys, "directoryAttribute");
        if (attribute && !required) {
            problem(keys.get("directoryAttribute"), "consent.directoryAttribute has no effect unless consent.required is true");
        }
        return new Policy.Consent(required, attribute);
    }

    private Policy.PhoneAcceptance phones(Node node) {
        if (node == null) {
            return Policy.PhoneAcceptance.ANY;
        }
        Map<String, Node> keys = node instanceof MappingNode map ? mapping(map, Set.of("kinds", "regions"))
                : notMapping(node, "phones");
        Set<Policy.NumberKind> kinds = EnumSet.noneOf(Policy.NumberKind.class);
        if (keys.containsKey("kinds")) {
            List<Node> items = sequence(keys.get("kinds"), "kinds");
            for (Node item : items) {
                String kind = scalar(item, "kinds");
                if ("mobile".equals(kind)) {
                    kinds.add(Policy.NumberKind.MOBILE);
                } else if ("fixed".equals(kind)) {
                    kinds.add(Policy.NumberKind.FIXED);
                } else if (kind != null) {
                    problem(item, "unknown number kind \"" + kind + "\"; known kinds are mobile, fixed");
                }
            }
            if (items.isEmpty() && keys.get("kinds") instanceof SequenceNode) {
                problem(keys.get("kinds"), "phones.kinds must list at least one kind, or be left out to accept any");
            }
        } else {
            kinds.addAll(EnumSet.allOf(Policy.NumberKind.class));
        }
        Set<String> regions = new TreeSet<>();
        if (keys.containsKey("regions")) {
            for (Node item : sequence(keys.get("regions"), "regions")) {
                String region = scalar(item, "regions");
                if (region != null && !REGIONS.contains(region)) {
                    problem(item, "\"" + region + "\" is not a region with a numbering plan (e.g. DE, AT, CH)");
                } else if (region != null) {
                    regions.add(region);
                }
            }
        }
        return new Policy.PhoneAcceptance(kinds, regions);
    }

    private Policy.SharedNumbers sharedNumbers(Node node) {
        if (node == null) {
            return Policy.SharedNumbers.WITHHOLD;
        }
        String value = scalar(node, "sharedNumbers");
        if (value == null) {
            return Policy.SharedNumbers.WITHHOLD;
        }
        Optional<Policy.SharedNumbers> treatment = Policy.SharedNumbers.byName(value);
        if (treatment.isEmpty()) {
            problem(node, "sharedNumbers takes one of " + Arrays.stream(Policy.SharedNumbers.values())
                    .map(Policy.SharedNumbers::policyName).collect(Collectors.joining(", ")) + ", not \"" + value + "\"");
            return Policy.SharedNumbers.WITHHOLD;
        }
        return treatment.get();
    }

    private Policy.Retention retention(Node node) {
        if (node == null) {
            return Policy.Retention.DEFAULT.withAuditRecordsAtLeast(minAuditRetention);
        }
        Map<String, Node> keys = node instanceof MappingNode map
                ? mapping(map, Set.of("leaverRemoval", "personalData", "auditRecords")) : notMapping(node, "retention");
        Policy.Retention d = Policy.Retention.DEFAULT;
        Duration leaver = duration(keys.get("leaverRemoval"), "leaverRemoval").orElse(d.leaverRemoval());
        Duration data = duration(keys.get("personalData"), "personalData").orElse(d.personalData());
        Duration audit = duration(keys.get("auditRecords"), "auditRecords")
                .orElse(d.withAuditRecordsAtLeast(minAuditRetention).auditRecords());
        if (audit.compareTo(minAuditRetention) < 0) {
            // the trail is evidence: a policy may keep it longer than the server's floor, never shorter
            problem(keys.get("auditRecords"), "retention.auditRecords (" + readable(audit) + ") is shorter than this "
                    + "server's minimum audit retention (" + readable(minAuditRetention) + "): audit records are kept "
                    + "at least that long");
        }
        if (data.compareTo(leaver) < 0) {
            problem(node, "retention.personalData (" + data + ") is shorter than retention.leaverRemoval (" + leaver
                    + "): a leaver's data would be purged while colleagues still hold their contact");
        }
        return new Policy.Retention(leaver, data, audit);
    }

    /** A duration as a policy author writes it: whole days as P365D rather than PT8760H. */
    static String readable(Duration duration) {
        return !duration.isZero() && duration.toSeconds() % 86_400 == 0 && duration.getNano() == 0
                ? "P" + duration.toDays() + "D" : duration.toString();
    }

    /** Rules that leave nobody in scope are a mistake, not a policy. */
    private void contradictions(List<ScopeRule> scope, Node node) {
        List<ScopeRule.Match> included = scope.stream().filter(r -> r instanceof ScopeRule.Include)
                .map(r -> ((ScopeRule.Include) r).match()).toList();
        for (ScopeRule rule : scope) {
            if (rule instanceof ScopeRule.Exclude exclude) {
                for (ScopeRule.Match include : included) {
                    if (include.equals(exclude.match()) || (include instanceof ScopeRule.Match.FieldIn in
                            && exclude.match() instanceof ScopeRule.Match.FieldIn out && in.field() == out.field()
                            && out.values().containsAll(in.values()))) {
                        problem(node, "scope rule \"" + exclude.id() + "\" excludes everyone an include rule lets in:"
                                + " no employee could be in scope");
                    }
                }
            }
        }
        for (ScopeRule rule : scope) {
            if (rule instanceof ScopeRule.Exclude exclude && exclude.match() instanceof ScopeRule.Match.Under out) {
                for (ScopeRule.Match include : included) {
                    if (include instanceof ScopeRule.Match.Under in && !in.equals(out) && Names.isUnder(in.base(), out.base())) {
                        problem(node, "scope rule \"" + exclude.id() + "\" excludes the subtree " + out.base()
                                + ", which holds everyone an include rule lets in: no employee could be in scope");
                    }
                }
            }
        }
        for (int i = 0; i < included.size(); i++) {
            for (int j = i + 1; j < included.size(); j++) {
                if (included.get(i) instanceof ScopeRule.Match.FieldIn a && included.get(j) instanceof ScopeRule.Match.FieldIn b
                        && a.field() == b.field() && Collections.disjoint(a.values(), b.values())) {
                    problem(node, "two include rules on " + a.field().policyName() + " have no value in common:"
                            + " no employee could be in scope");
                }
            }
        }
        List<String> unders = included.stream().filter(m -> m instanceof ScopeRule.Match.Under)
                .map(m -> ((ScopeRule.Match.Under) m).base()).toList();
        for (int i = 0; i < unders.size(); i++) {
            for (int j = i + 1; j < unders.size(); j++) {
                if (!Names.isUnder(unders.get(i), unders.get(j)) && !Names.isUnder(unders.get(j), unders.get(i))) {
                    problem(node, "include rules ask for entries under both " + unders.get(i) + " and " + unders.get(j)
                            + ", which do not overlap: no employee could be in scope");
                }
            }
        }
    }

    private Map<String, Node> notMapping(Node node, String key) {
        problem(node, key + " must be a mapping");
        return Map.of();
    }

    private boolean optionalFlag(Map<String, Node> keys, String key) {
        return keys.containsKey(key) && flagValue(keys.get(key), key);
    }

    /** A rule kind that is switched on by {@code true}: any other value is a mistake. */
    private boolean flag(Node node, String key) {
        String value = scalar(node, key);
        if (value != null && !value.equals("true")) {
            problem(node, key + " takes the value true; leave the rule out rather than set it to anything else");
        }
        return "true".equals(value);
    }

    private boolean flagValue(Node node, String key) {
        String value = scalar(node, key);
        if (value == null) {
            return false;
        }
        if (!value.equals("true") && !value.equals("false")) {
            problem(node, key + " takes true or false, not \"" + value + "\"");
            return false;
        }
        return value.equals("true");
    }

    private Optional<Integer> integer(Node node, String key, int min, int max) {
        String value = scalar(node, key);
        if (value == null) {
            return Optional.empty();
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return Optional.of(n);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(node, key + " takes a whole number from " + min + " to " + max + ", not \"" + value + "\"");
        return Optional.empty();
    }

    private Optional<Duration> duration(Node node, String key) {
        if (node == null) {
            return Optional.empty();
        }
        String value = scalar(node, key);
        if (value == null) {
            return Optional.empty();
        }
        try {
            Duration parsed = Duration.parse(value);
            if (!parsed.isNegative()) {
                return Optional.of(parsed);
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            // reported below
        }
        problem(node, key + " takes an ISO-8601 duration such as PT4H or P30D, not \"" + value + "\"");
        return Optional.empty();
    }

    private String ruleId(MappingNode rule, Map<String, Node> keys) {
        Node idNode = keys.get("id");
        if (idNode == null) {
            problem(rule, "every rule needs an id");
            return "?";
        }
        String id = scalar(idNode, "id");
        if (id != null && !id.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            problem(idNode, "rule id \"" + id + "\" must be lower-case letters, digits and dashes");
        } else if (id != null && !ruleIds.add(id)) {
            problem(idNode, "rule id \"" + id + "\" is used twice");
        }
        return id == null ? "?" : id;
    }

    private Optional<PersonField> field(Node node, String key) {
        String name = scalar(node, key);
        if (name == null) {
            return Optional.empty();
        }
        Optional<PersonField> field = PersonField.byName(name);
        if (field.isEmpty()) {
            problem(node, "unknown field \"" + name + "\"; known fields are " + knownFields());
        }
        return field;
    }

    private Map<String, Node> mapping(MappingNode node, Set<String> allowed) {
        Map<String, Node> keys = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null || !allowed.contains(key)) {
                problem(tuple.getKeyNode(), "unknown key " + (key == null ? "(not text)" : "\"" + key + "\"")
                        + "; expected one of " + allowed.stream().sorted().collect(Collectors.joining(", ")));
            } else if (keys.containsKey(key)) {
                // YAML would let the second silently replace the first: a policy must say one thing
                problem(tuple.getKeyNode(), "key \"" + key + "\" appears twice");
            } else {
                keys.put(key, tuple.getValueNode());
            }
        }
        return keys;
    }

    private List<Node> sequence(Node node, String key) {
        if (node instanceof SequenceNode seq) {
            return seq.getValue();
        }
        problem(node, key + " must be a list");
        return List.of();
    }

    private String requiredScalar(Node parent, Map<String, Node> keys, String key) {
        Node node = keys.get(key);
        if (node == null) {
            problem(parent, key + " is required");
            return "?";
        }
        String value = scalar(node, key);
        return value == null ? "?" : value;
    }

    private String scalar(Node node, String key) {
        if (node instanceof ScalarNode s && !s.getValue().isBlank()) {
            return s.getValue().trim();
        }
        problem(node, key + " must be a single, non-empty value");
        return null;
    }

    private void problem(Node node, String message) {
        problems.add(problemAt(node.getStartMark(), message));
    }

    private InvalidPolicyException.Problem problemAt(Optional<Mark> mark, String message) {
        return new InvalidPolicyException.Problem(source,
                mark.map(m -> m.getLine() + 1).orElse(1), mark.map(m -> m.getColumn() + 1).orElse(1), message);
    }

    private static String knownFields() {
        return Arrays.stream(PersonField.values()).map(PersonField::policyName)
                .collect(Collectors.joining(", "));
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }
}
