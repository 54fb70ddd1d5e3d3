package org.roster.policy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
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
 * <p>The format: {@code policy} (name, required), {@code description}, {@code scope} (rules with
 * an {@code id} and either {@code require: FIELD} or {@code exclude: {field: FIELD, equals: VALUE}}),
 * {@code fields} (the allowlist, required, not empty) and {@code visibility} (rules with an
 * {@code id} and either {@code same: FIELD} or {@code everyone: true}; at least one). Unknown keys
 * are errors, so a misspelt rule never silently does nothing.
 */
public final class PolicyParser {

    private static final int MAX_POLICY_CHARS = 256 * 1024;

    private final String source;
    private final List<InvalidPolicyException.Problem> problems = new ArrayList<>();
    private final Set<String> ruleIds = new HashSet<>();

    private PolicyParser(String source) {
        this.source = source;
    }

    /**
     * Parses and validates a policy.
     *
     * @param source a name for the text (a file name), used in problem reports
     * @param yaml   the policy text
     * @throws InvalidPolicyException listing every problem found, each with its place
     */
    public static Policy parse(String source, String yaml) throws InvalidPolicyException {
        return new PolicyParser(source).read(yaml);
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
        Map<String, Node> keys = mapping(top, Set.of("policy", "description", "scope", "fields", "visibility"));

        String name = requiredScalar(top, keys, "policy");
        String description = Optional.ofNullable(keys.get("description")).map(n -> scalar(n, "description")).orElse("");
        List<ScopeRule> scope = Optional.ofNullable(keys.get("scope")).map(this::scopeRules).orElse(List.of());
        Set<PersonField> fields = fields(top, keys.get("fields"));
        List<VisibilityRule> visibility = visibilityRules(top, keys.get("visibility"));

        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(InvalidPolicyException.Problem::line)
                    .thenComparingInt(InvalidPolicyException.Problem::column));
            throw new InvalidPolicyException(problems);
        }
        return new Policy(name, description, scope, fields, visibility);
    }

    private List<ScopeRule> scopeRules(Node node) {
        List<ScopeRule> rules = new ArrayList<>();
        for (Node item : sequence(node, "scope")) {
            if (!(item instanceof MappingNode rule)) {
                problem(item, "a scope rule is a mapping with an id and require or exclude");
                continue;
            }
            Map<String, Node> keys = mapping(rule, Set.of("id", "require", "exclude"));
            String id = ruleId(rule, keys);
            Node require = keys.get("require");
            Node exclude = keys.get("exclude");
            if ((require == null) == (exclude == null)) {
                problem(rule, "scope rule \"" + id + "\" needs exactly one of require or exclude");
                continue;
            }
            if (require != null) {
                field(require, "require").ifPresent(f -> rules.add(new ScopeRule.Require(id, f)));
            } else if (exclude instanceof MappingNode match) {
                Map<String, Node> m = mapping(match, Set.of("field", "equals"));
                Optional<PersonField> field = Optional.ofNullable(m.get("field")).flatMap(n -> field(n, "field"));
                String equals = Optional.ofNullable(m.get("equals")).map(n -> scalar(n, "equals")).orElse(null);
                if (m.get("field") == null || equals == null) {
                    problem(match, "exclude needs field and equals, e.g. {field: employeeType, equals: contractor}");
                } else {
                    field.ifPresent(f -> rules.add(new ScopeRule.Exclude(id, f, equals)));
                }
            } else {
                problem(exclude, "exclude needs field and equals, e.g. {field: employeeType, equals: contractor}");
            }
        }
        return rules;
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
                if (!fields.add(field)) {
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
            Map<String, Node> keys = mapping(rule, Set.of("id", "same", "everyone"));
            String id = ruleId(rule, keys);
            Node same = keys.get("same");
            Node everyone = keys.get("everyone");
            if ((same == null) == (everyone == null)) {
                problem(rule, "visibility rule \"" + id + "\" needs exactly one of same or everyone");
            } else if (same != null) {
                field(same, "same").ifPresent(f -> rules.add(new VisibilityRule.SameValue(id, f)));
            } else if ("true".equals(scalar(everyone, "everyone"))) {
                rules.add(new VisibilityRule.Everyone(id));
            } else {
                problem(everyone, "everyone takes the value true");
            }
        }
        if (items.isEmpty() && node instanceof SequenceNode) {
            problem(node, "visibility must have at least one rule");
        }
        return rules;
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
        return java.util.Arrays.stream(PersonField.values()).map(PersonField::policyName)
                .collect(Collectors.joining(", "));
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }
}
