package org.roster.policy.cases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.roster.policy.InvalidPolicyException;
import org.roster.policy.Person;
import org.roster.policy.PersonField;
import org.roster.policy.Policies;
import org.roster.policy.Policy;
import org.roster.policy.PolicyParser;
import org.roster.policy.TestPerson;
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
 * A file of policy cases, as a compliance officer writes them: which policy, optionally a small
 * directory, and cases saying what the policy decides about a person or a viewer and a contact.
 * {@code policies/README.md} describes the format.
 *
 * <pre>{@code
 * CaseFile file = CaseFile.parse("mine.yaml", """
 *     policy: default
 *     cases:
 *       - name: someone without a mobile is out of scope
 *         person: {department: Finance}
 *         expect: {scope: excluded, rule: has-mobile}
 *     """, Path.of("."));
 * file.cases().forEach(PolicyCase::check);
 * }</pre>
 *
 * <p>Every problem in the file is reported with its line and column, so a misspelt key never
 * turns into a case that checks nothing.
 *
 * @param source the file, as named in messages
 * @param policy the policy the cases are about
 * @param cases  the cases, in the order of the file
 */
public record CaseFile(String source, Policy policy, List<PolicyCase> cases) {

    private static final Set<String> TOP = Set.of("policy", "description", "directory", "cases");
    private static final Set<String> CASE = Set.of("name", "person", "viewer", "contact", "expect");
    private static final Set<String> PERSON_EXPECT = Set.of("scope", "rule", "reason", "fields", "withheld");
    private static final Set<String> PAIR_EXPECT = Set.of("visible", "rule", "reason", "fields");
    private static final Set<String> SCOPES = Set.of("included", "viewer-only", "excluded");
    private static final Set<String> PERSON_EXTRA = Set.of("id", "reference", "groups", "optedOut", "optedIn");

    public CaseFile {
        cases = List.copyOf(cases);
    }

    /**
     * Reads a case file from disk; a policy named by a file name is looked for beside it.
     *
     * @param shownAs how messages name the file, e.g. {@code policies/cases/default.yaml}
     */
    public static CaseFile read(Path file, String shownAs) throws InvalidCaseFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidCaseFileException(List.of(shownAs + ":1:1: can't be read: " + e.getMessage()));
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(shownAs, text, dir);
    }

    /**
     * Reads a case file from text.
     *
     * @param source  how messages name the file
     * @param baseDir where a policy named by a file name is looked for
     */
    public static CaseFile parse(String source, String yaml, Path baseDir) throws InvalidCaseFileException {
        return new Reader(source, baseDir).read(yaml);
    }

    private static final class Reader {

        private final String source;
        private final Path baseDir;
        private final List<Problem> problems = new ArrayList<>();

        private record Problem(int line, int column, String text) {
        }

        Reader(String source, Path baseDir) {
            this.source = source;
            this.baseDir = baseDir;
        }

        CaseFile read(String yaml) throws InvalidCaseFileException {
            Optional<Node> root;
            try {
                root = new Compose(LoadSettings.builder().setLabel(source).build()).composeString(yaml);
            } catch (MarkedYamlEngineException e) {
                Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
                throw new InvalidCaseFileException(List.of(at(mark, "not valid YAML: "
                        + Optional.ofNullable(e.getProblem()).orElse("unreadable"))));
            } catch (YamlEngineException e) {
                throw new InvalidCaseFileException(List.of(source + ":1:1: not valid YAML: " + e.getMessage()));
            }
            if (root.isEmpty() || !(root.get() instanceof MappingNode top)) {
                throw new InvalidCaseFileException(List.of(at(root.flatMap(Node::getStartMark),
                        "a case file is a mapping with the keys policy, cases and, if needed, directory")));
            }
            Map<String, Node> keys = mapping(top, TOP, "a case file");
            Optional<Policy> policy = Optional.ofNullable(keys.get("policy")).flatMap(this::policy);
            if (!keys.containsKey("policy")) {
                problem(top, "policy is required: the name of a bundled policy (" + String.join(", ", Policies.BUNDLED)
                        + ") or a policy file beside this one, e.g. mine.yaml");
            }
            if (keys.containsKey("description")) {
                text(keys.get("description"), "description");
            }
            Map<String, TestPerson> directory = new LinkedHashMap<>();
            if (keys.containsKey("directory")) {
                for (Node item : list(keys.get("directory"), "directory")) {
                    person(item, null).ifPresent(p -> {
                        if (directory.putIfAbsent(p.id(), p) != null) {
                            problem(item, "the directory has two people with id \"" + p.id() + "\"");
                        }
                    });
                }
            }
            List<Node> caseNodes = List.of();
            if (keys.containsKey("cases")) {
                caseNodes = list(keys.get("cases"), "cases");
                if (caseNodes.isEmpty() && keys.get("cases") instanceof SequenceNode) {
                    problem(keys.get("cases"), "cases must list at least one case");
                }
            } else {
                problem(top, "cases is required: the list of cases");
            }
            List<PolicyCase> cases = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (Node item : caseNodes) {
                policyCase(item, policy, directory, names).ifPresent(cases::add);
            }
            if (!problems.isEmpty()) {
                throw new InvalidCaseFileException(problems.stream()
                        .sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column))
                        .map(Problem::text).toList());
            }
            return new CaseFile(source, policy.orElseThrow(), cases);
        }

        private Optional<Policy> policy(Node node) {
            String name = text(node, "policy");
            if (name == null) {
                return Optional.empty();
            }
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                Path file = baseDir.resolve(name);
                try {
                    return Optional.of(PolicyParser.parse(name, Files.readString(file, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    problem(node, "the policy file " + file + " can't be read: " + e.getMessage());
                } catch (InvalidPolicyException e) {
                    problem(node, "the policy file " + name + " is not valid: " + e.getMessage());
                }
                return Optional.empty();
            }
            if (!Policies.BUNDLED.contains(name)) {
                problem(node, "no bundled policy is named \"" + name + "\"; bundled are "
                        + String.join(", ", Policies.BUNDLED) + "; a policy file's name ends in .yaml");
                return Optional.empty();
            }
            return Optional.of(Policies.bundled(name));
        }

        private Optional<PolicyCase> policyCase(Node node, Optional<Policy> policy, Map<String, TestPerson> directory,
                                                Set<String> names) {
            if (!(node instanceof MappingNode map)) {
                problem(node, "a case is a mapping with name, person (or viewer and contact) and expect");
                return Optional.empty();
            }
            Map<String, Node> keys = mapping(map, CASE, "a case");
            String name = keys.containsKey("name") ? text(keys.get("name"), "name") : null;
            if (!keys.containsKey("name")) {
                problem(map, "every case needs a name: a sentence saying what it shows");
            } else if (name != null && !names.add(name)) {
                problem(keys.get("name"), "two cases are named \"" + name + "\"; each name must be unique in its file");
            }
            boolean onePerson = keys.containsKey("person");
            boolean pair = keys.containsKey("viewer") || keys.containsKey("contact");
            if (onePerson == pair || (pair && !(keys.containsKey("viewer") && keys.containsKey("contact")))) {
                problem(map, "case \"" + name + "\" needs either person, or both viewer and contact");
                return Optional.empty();
            }
            Optional<PolicyCase.Subject> subject = onePerson
                    ? slot(keys.get("person"), "person", directory).map(PolicyCase.Subject.OnePerson::new)
                    : slot(keys.get("viewer"), "viewer", directory).flatMap(v -> slot(keys.get("contact"), "contact",
                            directory).map(c -> new PolicyCase.Subject.ViewerAndContact(v, c)));
            if (!keys.containsKey("expect")) {
                problem(map, "case \"" + name + "\" needs expect: what the policy should decide");
                return Optional.empty();
            }
            Optional<PolicyCase.Expectation> expect = expectation(keys.get("expect"), onePerson);
            if (name == null || subject.isEmpty() || expect.isEmpty() || policy.isEmpty()) {
                return Optional.empty();
            }
            int line = node.getStartMark().map(m -> m.getLine() + 1).orElse(1);
            return Optional.of(new PolicyCase(source, line, name, policy.get(), List.copyOf(directory.values()),
                    subject.get(), expect.get()));
        }

        /** A person written out, or the id of someone in the directory. */
        private Optional<TestPerson> slot(Node node, String role, Map<String, TestPerson> directory) {
            if (node instanceof ScalarNode) {
                String id = text(node, role);
                if (id != null && !directory.containsKey(id)) {
                    problem(node, role + " \"" + id + "\" is not in the directory; write the person out, e.g. "
                            + role + ": {department: Finance, mobile: \"+4915112345678\"}, or add them to directory");
                    return Optional.empty();
                }
                return Optional.ofNullable(id).map(directory::get);
            }
            return person(node, role);
        }

        private Optional<TestPerson> person(Node node, String defaultId) {
            if (!(node instanceof MappingNode map)) {
                problem(node, "a person is a mapping of fields, e.g. {id: p1, department: Finance, mobile: \"+4915112345678\"}");
                return Optional.empty();
            }
            Set<String> allowed = new HashSet<>(PERSON_EXTRA);
            for (PersonField field : PersonField.values()) {
                allowed.add(field.policyName());
            }
            Map<String, Node> keys = mapping(map, allowed, "a person");
            String id = keys.containsKey("id") ? text(keys.get("id"), "id") : defaultId;
            if (id == null && !keys.containsKey("id")) {
                problem(map, "a person in the directory needs an id, so cases can name them");
            }
            Map<PersonField, String> values = new EnumMap<>(PersonField.class);
            for (PersonField field : PersonField.values()) {
                Node value = keys.get(field.policyName());
                if (value != null) {
                    // blank values are kept: a directory can hold a blank mobile, and cases may show what that does
                    if (value instanceof ScalarNode scalar) {
                        values.put(field, scalar.getValue());
                    } else {
                        problem(value, field.policyName() + " must be a single value");
                    }
                }
            }
            String reference = keys.containsKey("reference") ? text(keys.get("reference"), "reference") : "";
            List<String> groups = keys.containsKey("groups")
                    ? list(keys.get("groups"), "groups").stream().map(g -> text(g, "groups")).toList() : List.of();
            boolean optedOut = keys.containsKey("optedOut") && flag(keys.get("optedOut"), "optedOut");
            boolean optedIn = keys.containsKey("optedIn") && flag(keys.get("optedIn"), "optedIn");
            if (id == null || reference == null || groups.stream().anyMatch(Objects::isNull)) {
                return Optional.empty();
            }
            return Optional.of(new TestPerson(id, values, reference, Set.copyOf(groups),
                    new Person.SelfService(optedOut, optedIn)));
        }

        private Optional<PolicyCase.Expectation> expectation(Node node, boolean onePerson) {
            int before = problems.size();
            if (!(node instanceof MappingNode map)) {
                problem(node, "expect is a mapping, e.g. " + (onePerson ? "{scope: excluded, rule: has-mobile}"
                        : "{visible: true, rule: same-department}"));
                return Optional.empty();
            }
            Map<String, Node> keys = mapping(map, onePerson ? PERSON_EXPECT : PAIR_EXPECT,
                    onePerson ? "expect of a person case" : "expect of a viewer and contact case");
            String must = onePerson ? "scope" : "visible";
            if (!keys.containsKey(must)) {
                problem(map, "expect needs " + must + (onePerson ? ": included, viewer-only or excluded" : ": true or false"));
            }
            Optional<String> scope = Optional.ofNullable(keys.get("scope")).map(n -> text(n, "scope"));
            scope.filter(s -> !SCOPES.contains(s)).ifPresent(s -> problem(keys.get("scope"),
                    "scope is included, viewer-only or excluded, not \"" + s + "\""));
            Optional<Boolean> visible = Optional.ofNullable(keys.get("visible")).map(n -> flag(n, "visible"));
            Optional<String> rule = Optional.ofNullable(keys.get("rule")).map(n -> text(n, "rule"));
            Optional<String> reason = Optional.ofNullable(keys.get("reason")).map(n -> text(n, "reason"));
            Optional<Set<PersonField>> fields = Optional.ofNullable(keys.get("fields")).map(this::fieldList);
            Optional<Map<PersonField, String>> withheld = Optional.ofNullable(keys.get("withheld")).map(this::withheld);
            return before == problems.size() ? Optional.of(new PolicyCase.Expectation(scope, visible, rule, reason,
                    fields, withheld)) : Optional.empty();
        }

        private Set<PersonField> fieldList(Node node) {
            Set<PersonField> fields = EnumSet.noneOf(PersonField.class);
            for (Node item : list(node, "fields")) {
                field(item).ifPresent(fields::add);
            }
            return fields;
        }

        private Map<PersonField, String> withheld(Node node) {
            Map<PersonField, String> withheld = new EnumMap<>(PersonField.class);
            if (!(node instanceof MappingNode map)) {
                problem(node, "withheld maps each field held back to the rule that held it back, e.g. {title: fields}");
                return withheld;
            }
            for (NodeTuple tuple : map.getValue()) {
                Optional<PersonField> field = field(tuple.getKeyNode());
                String rule = text(tuple.getValueNode(), "withheld");
                if (field.isPresent() && rule != null && withheld.put(field.get(), rule) != null) {
                    problem(tuple.getKeyNode(), "field \"" + field.get().policyName() + "\" appears twice in withheld");
                }
            }
            return withheld;
        }

        private Optional<PersonField> field(Node node) {
            String name = text(node, "a field");
            if (name == null) {
                return Optional.empty();
            }
            Optional<PersonField> field = PersonField.byName(name);
            if (field.isEmpty()) {
                problem(node, "unknown field \"" + name + "\"; known fields are " + knownFields());
            }
            return field;
        }

        private Map<String, Node> mapping(MappingNode node, Set<String> allowed, String what) {
            Map<String, Node> keys = new LinkedHashMap<>();
            for (NodeTuple tuple : node.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
                if (key == null || !allowed.contains(key)) {
                    problem(tuple.getKeyNode(), "unknown key " + (key == null ? "(not text)" : "\"" + key + "\"")
                            + " in " + what + "; expected one of " + allowed.stream().sorted()
                            .collect(Collectors.joining(", ")));
                } else if (keys.putIfAbsent(key, tuple.getValueNode()) != null) {
                    problem(tuple.getKeyNode(), "key \"" + key + "\" appears twice");
                }
            }
            return keys;
        }

        private List<Node> list(Node node, String key) {
            if (node instanceof SequenceNode seq) {
                return seq.getValue();
            }
            problem(node, key + " must be a list");
            return List.of();
        }

        private String text(Node node, String key) {
            if (node instanceof ScalarNode s && !s.getValue().isBlank()) {
                return s.getValue().strip();
            }
            problem(node, key + " must be a single, non-empty value");
            return null;
        }

        private boolean flag(Node node, String key) {
            String value = text(node, key);
            if (value != null && !value.equals("true") && !value.equals("false")) {
                problem(node, key + " takes true or false, not \"" + value + "\"");
            }
            return "true".equals(value);
        }

        private void problem(Node node, String message) {
            Optional<Mark> mark = node.getStartMark();
            problems.add(new Problem(mark.map(m -> m.getLine() + 1).orElse(1), mark.map(m -> m.getColumn() + 1).orElse(1),
                    at(mark, message)));
        }

        private String at(Optional<Mark> mark, String message) {
            return source + ":" + mark.map(m -> m.getLine() + 1).orElse(1) + ":"
                    + mark.map(m -> m.getColumn() + 1).orElse(1) + ": " + message;
        }

        private static String knownFields() {
            return Arrays.stream(PersonField.values()).map(PersonField::policyName)
                    .collect(Collectors.joining(", "));
        }
    }
}
