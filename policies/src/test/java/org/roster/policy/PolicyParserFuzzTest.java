package org.roster.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Whatever text a policy author (or an upload form) hands the parser, the answer is a policy or a
 * list of problems a person can find in the file: never a crash, never a hang.
 *
 * <p>Seeded, so a failure repeats; each failure is reported once per kind with the shortest input
 * that shows it. Nothing is printed per input.
 */
class PolicyParserFuzzTest {

    /**
     * A guard against an input that hangs the parser, not a measure of speed: a batch takes about
     * a second, and the limit leaves room for a machine busy with other builds.
     */
    private static final Duration BATCH_LIMIT = Duration.ofMinutes(2);

    /** A policy with every section and rule kind, so that mutations reach every branch of the parser. */
    private static final String EVERY_SECTION = """
            policy: everything
            description: Every section at least once.
            scope:
              - id: has-mobile
                require: mobile
              - id: people-only
                include: {under: "ou=people,dc=example,dc=org"}
              - id: staff-only
                exclude: {field: employeeType, in: [contractor, intern]}
              - id: finance-only
                include: {field: department, equals: Finance}
              - id: no-executives
                exclude: {memberOf: "cn=executives,ou=groups,dc=example,dc=org"}
              - id: no-disabled
                exclude: {disabled: true}
            fields: [givenName, surname, displayName, mobile, workPhone, department]
            visibility:
              - id: same-team
                same: department
              - id: chain
                managerChain: 3
              - id: reports
                directReports: true
              - id: finance-group
                group: "cn=finance,ou=groups,dc=example,dc=org"
              - id: all-staff
                everyone: true
            cap: 150
            optOut:
              directoryAttribute: true
              stillReceives: true
            consent:
              required: true
              directoryAttribute: true
            phones:
              kinds: [mobile, fixed]
              regions: [DE, AT, CH]
            retention:
              leaverRemoval: PT4H
              personalData: P30D
              auditRecords: P730D
            """;

    private static final String CASE_LIKE = """
            policy: default
            directory:
              - {id: boss, reference: "uid=boss,ou=people,dc=example,dc=org", mobile: "+4915111111111"}
            cases:
              - name: colleagues in the same department see each other
                viewer:  {id: v1, department: Finance, mobile: "+4915111111111"}
                contact: {id: c1, department: Finance, givenName: Ana, surname: Ruiz, mobile: "+4915122222222"}
                expect:
                  visible: true
                  rule: same-department
                  fields: [givenName, surname, mobile]
              - name: someone without a mobile is out of scope
                person: {id: p1, department: Finance, groups: ["cn=a,dc=b"], optedOut: false}
                expect: {scope: excluded, rule: has-mobile}
            """;

    private static final List<String> KEYS = List.of("policy", "description", "scope", "fields", "visibility", "cap",
            "optOut", "consent", "phones", "retention", "id", "require", "include", "exclude", "field", "equals", "in",
            "memberOf", "under", "disabled", "same", "everyone", "managerChain", "directReports", "group",
            "directoryAttribute", "stillReceives", "required", "kinds", "regions", "leaverRemoval", "personalData",
            "auditRecords", "<<", "?", "-", "name", "cases", "expect", "viewer", "contact", "person", "x");

    private static final List<String> VALUES = List.of("true", "false", "yes", "~", "null", "", "''", "\"\"",
            "mobile", "manager", "accountDisabled", "nickname", "0", "-1", "1", "20", "21", "100000", "100001",
            "99999999999999999999999999999999", "1e309", "-0", "0x1F", "0o17", ".inf", ".nan", "2147483648",
            "P99999999999999999999D", "PT99999999999999999H", "P106751991167300D", "PT-4H", "-P1D", "P1Y", "PT4H",
            "P30D", "cn=x,dc=y", "not a dn", "=,=,", "DE", "XX", "ZZ", "001", "[mobile, fixed]", "[]", "{}",
            "[a, [b, [c]]]", "{a: {b: {c: d}}}", "&anchor value", "*anchor", "*undefined", "!!binary aGVsbG8=",
            "!custom tag", "!!map {}", "!!str 12", "\"unterminated", "'unterminated", "|\n  literal\n  block",
            ">\n  folded", "- a\n- b", "? complex\n: key", "%YAML 1.2", "---", "...", "#comment", "\t", "\u00A0",
            "\uFEFF", "\u202Eevil", "\uD83D\uDE00", "\u0000", "\u0007", "\u0085", "\u2028", "é", "日本");

    private static final List<String> ODD_TEXT = List.of("\t", "\u00A0", "\uFEFF", "\u202E", "\uD83D\uDE00", "\u0000",
            "\u0001", "\u001B", "\u0085", "\u2028", "\u2029", "\uFFFE", "\uFFFF", "\r", "\r\n", "\\", "\"", "'", "&a ",
            "*a", "!!", "%", "@", "`", "|", ">", "{", "}", "[", "]", ",", ":", "- ", "? ", "#", "---\n", "...\n");

    @Test
    void randomCharactersAreEitherAPolicyOrPlacedProblems() {
        Random random = new Random(0x5EED_0001L);
        assertEveryInputIsAnsweredProperly(random, 3_000, r -> randomChars(r, r.nextInt(200)));
    }

    @Test
    void randomBytesReadAsUtf8AreEitherAPolicyOrPlacedProblems() {
        Random random = new Random(0x5EED_0002L);
        assertEveryInputIsAnsweredProperly(random, 2_000, r -> {
            byte[] bytes = new byte[r.nextInt(300)];
            r.nextBytes(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        });
    }

    @Test
    void mutatedBundledPoliciesAreEitherAPolicyOrPlacedProblems() {
        Random random = new Random(0x5EED_0003L);
        List<String> seeds = new ArrayList<>(Policies.BUNDLED.stream().map(Policies::text).toList());
        seeds.add(EVERY_SECTION);
        int accepted = assertEveryInputIsAnsweredProperly(random, 3_000, r -> mutate(r, seeds.get(r.nextInt(seeds.size()))));

        // some mutations leave a valid policy, so the fuzzer reaches past the first check
        assertThat(accepted).isBetween(1, 2_999);
    }

    @Test
    void mutatedCaseFilesAreEitherAPolicyOrPlacedProblems() {
        Random random = new Random(0x5EED_0004L);
        List<String> seeds = new ArrayList<>(caseFiles());
        seeds.add(CASE_LIKE);
        assertEveryInputIsAnsweredProperly(random, 1_500, r -> mutate(r, seeds.get(r.nextInt(seeds.size()))));
    }

    /**
     * Found by the fuzzer: flow collections nested about a thousand deep (a few kilobytes of
     * brackets; fewer on a smaller thread stack) overflow the YAML composer's stack, and the parser
     * lets the {@link StackOverflowError} out instead of refusing the file with a placed problem.
     * Five thousand {@code [} and nothing else are enough.
     */
    @Test
    void deeplyNestedBracketsAreRefusedWithAProblemRatherThanCrashingTheParser() {
        for (String nested : List.of(
                "[".repeat(5_000),
                "policy: x\nfields: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n",
                "policy: x\nfields: " + "{a: ".repeat(5_000) + "b" + "}".repeat(5_000) + "\n")) {
            Throwable thrown = catchThrowable(() -> PolicyParser.parse("nested.yaml", nested));

            assertThat(thrown).as("what parsing %d characters of nested brackets ends in", nested.length())
                    .isInstanceOf(InvalidPolicyException.class);
            assertProblemsArePlaced((InvalidPolicyException) thrown);
        }
    }

    /** Runs a batch and fails listing every kind of improper answer; returns how many inputs were accepted. */
    private static int assertEveryInputIsAnsweredProperly(Random random, int inputs, Function<Random, String> generate) {
        int[] accepted = {0};
        Map<String, Failure> failures = assertTimeoutPreemptively(BATCH_LIMIT, () -> {
            Map<String, Failure> found = new LinkedHashMap<>();
            for (int i = 0; i < inputs; i++) {
                String input = generate.apply(random);
                Throwable thrown = catchThrowable(() -> PolicyParser.parse("fuzz.yaml", input));
                if (thrown == null) {
                    accepted[0]++;
                    continue;
                }
                if (thrown instanceof InvalidPolicyException refusal) {
                    Throwable unplaced = catchThrowable(() -> assertProblemsArePlaced(refusal));
                    if (unplaced != null) {
                        found.merge("badly placed problem: " + unplaced.getMessage(), new Failure(input, unplaced),
                                Failure::shorter);
                    }
                    continue;
                }
                found.merge(signature(thrown), new Failure(input, thrown), Failure::shorter);
            }
            return found;
        }, () -> "a batch of " + inputs + " inputs took longer than " + BATCH_LIMIT + ": some input hangs the parser");

        if (!failures.isEmpty()) {
            fail("inputs that neither parse nor are refused with placed problems:\n" + failures.entrySet().stream()
                    .map(e -> "- " + e.getKey() + "\n  shortest input (" + e.getValue().input().length() + " chars): "
                            + shown(e.getValue().input()))
                    .collect(Collectors.joining("\n")), failures.values().iterator().next().thrown());
        }
        return accepted[0];
    }

    private static void assertProblemsArePlaced(InvalidPolicyException refusal) {
        assertThat(refusal.problems()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.line()).as("line of %s", p).isGreaterThanOrEqualTo(1);
            assertThat(p.column()).as("column of %s", p).isGreaterThanOrEqualTo(1);
            assertThat(p.message()).as("message of %s", p).isNotBlank();
        });
    }

    private record Failure(String input, Throwable thrown) {
        Failure shorter(Failure other) {
            return other.input.length() < input.length() ? other : this;
        }
    }

    /** One entry per kind of failure: a stack overflow's top frame is wherever the stack ran out, so it is left out. */
    private static String signature(Throwable thrown) {
        if (thrown instanceof StackOverflowError) {
            return thrown.getClass().getName();
        }
        String where = Arrays.stream(thrown.getStackTrace()).limit(1).map(StackTraceElement::toString)
                .findFirst().orElse("?");
        return thrown.getClass().getName() + " at " + where;
    }

    private static String shown(String input) {
        String escaped = input.chars().limit(400).mapToObj(c -> c == '\n' ? "\\n" : c == '\t' ? "\\t"
                : c < 0x20 || c > 0x7E ? String.format("\\u%04X", c) : String.valueOf((char) c))
                .collect(Collectors.joining());
        return "\"" + escaped + (input.length() > 400 ? "…" : "") + "\"";
    }

    private static List<String> caseFiles() {
        Path dir = Path.of(System.getProperty("basedir", "."), "cases");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().map(PolicyParserFuzzTest::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- generators ---

    private static String randomChars(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> text.append(ODD_TEXT.get(random.nextInt(ODD_TEXT.size())));
                case 1 -> text.appendCodePoint(random.nextInt(0x110000));
                case 2 -> text.append(random.nextBoolean() ? '\n' : ' ');
                default -> text.append((char) (0x20 + random.nextInt(0x5F)));
            }
        }
        return text.toString();
    }

    private static String mutate(Random random, String seed) {
        String text = seed;
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            text = mutateOnce(random, text);
        }
        return text;
    }

    private static String mutateOnce(Random random, String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int at = random.nextInt(lines.size());
        switch (random.nextInt(14)) {
            case 0 -> lines.remove(at);
            case 1 -> lines.add(at, lines.get(at));
            case 2 -> {
                int other = random.nextInt(lines.size());
                String line = lines.get(at);
                lines.set(at, lines.get(other));
                lines.set(other, line);
            }
            case 3 -> {
                String line = lines.get(at);
                lines.set(at, random.nextBoolean() ? " ".repeat(1 + random.nextInt(4)) + line : line.stripLeading());
            }
            case 4 -> lines.add(at, " ".repeat(2 * random.nextInt(4)) + (random.nextBoolean() ? "- " : "")
                    + pick(random, KEYS) + ": " + pick(random, VALUES));
            case 5 -> lines.set(at, replaceValue(lines.get(at), pick(random, VALUES)));
            case 6 -> {
                return text.substring(0, random.nextInt(text.length() + 1));
            }
            case 7 -> {
                int position = random.nextInt(text.length() + 1);
                return text.substring(0, position) + pick(random, ODD_TEXT) + text.substring(position);
            }
            case 8 -> {
                // an anchor on one value, aliases to it elsewhere: many, or before it is defined
                lines.set(at, replaceValue(lines.get(at), "&a " + valueOf(lines.get(at))));
                for (int n = random.nextInt(30); n > 0; n--) {
                    int where = random.nextInt(lines.size() + 1);
                    lines.add(where, " ".repeat(2 * random.nextInt(3)) + "- *a");
                }
            }
            case 9 -> {
                int depth = 1 + random.nextInt(random.nextInt(40) == 0 ? 3_000 : 60);
                String open = random.nextBoolean() ? "[" : "{a: ";
                String close = open.equals("[") ? "]" : "}";
                lines.set(at, replaceValue(lines.get(at), open.repeat(depth) + "x" + close.repeat(depth)));
            }
            case 10 -> lines.set(at, replaceValue(lines.get(at), hugeNumber(random)));
            case 11 -> lines.set(at, replaceValue(lines.get(at), longValue(random)));
            case 12 -> {
                // deep block nesting by indentation
                StringBuilder nested = new StringBuilder();
                int depth = 1 + random.nextInt(80);
                for (int d = 0; d < depth; d++) {
                    nested.append(" ".repeat(d * 2)).append(random.nextBoolean() ? "- " : "k" + d + ":").append('\n');
                }
                lines.add(at, nested.toString());
            }
            default -> lines.set(at, lines.get(at).replaceFirst("^( *)", "$1" + (random.nextBoolean() ? "\t" : "")));
        }
        return String.join("\n", lines);
    }

    private static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static String valueOf(String line) {
        int colon = line.indexOf(": ");
        return colon < 0 ? line.strip() : line.substring(colon + 2);
    }

    private static String replaceValue(String line, String value) {
        int colon = line.indexOf(": ");
        return colon < 0 ? line + (line.isBlank() ? "" : ": ") + value : line.substring(0, colon + 2) + value;
    }

    private static String hugeNumber(Random random) {
        String digits = "9".repeat(10 + random.nextInt(400));
        return switch (random.nextInt(5)) {
            case 0 -> digits;
            case 1 -> "-" + digits;
            case 2 -> "P" + digits + "D";
            case 3 -> "PT" + digits + "S";
            default -> "1e" + digits;
        };
    }

    private static String longValue(Random random) {
        int n = 500 + random.nextInt(5_000);
        return switch (random.nextInt(4)) {
            case 0 -> "\"" + "a=b,".repeat(n / 4) + "\"";
            case 1 -> "\"a=" + "b".repeat(n) + ",\"";
            case 2 -> "x".repeat(n);
            default -> "[" + "mobile, ".repeat(n / 8) + "mobile]";
        };
    }
}
