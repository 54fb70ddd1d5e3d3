package org.roster.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

class PolicyParserTest {

    private static final String SOURCE = "mine.yaml";

    @Test
    void theBundledDefaultPolicyParses() throws InvalidPolicyException {
        Policy policy = PolicyParser.parse("default.yaml", Policies.text("default"));

        assertThat(policy.name()).isEqualTo("default");
        assertThat(policy.description()).isNotBlank();
        assertThat(policy.scope()).containsExactly(new ScopeRule.Require("has-mobile", PersonField.MOBILE));
        assertThat(policy.fields()).containsExactlyInAnyOrder(
                PersonField.GIVEN_NAME, PersonField.SURNAME, PersonField.MOBILE);
        assertThat(policy.visibility()).containsExactly(
                new VisibilityRule.SameValue("same-department", PersonField.DEPARTMENT));
        assertThat(Policies.bundled("default")).isEqualTo(policy);
    }

    @Test
    void everyRuleKindIsRead() throws InvalidPolicyException {
        Policy policy = PolicyParser.parse(SOURCE, """
                policy: wide
                description: Everyone sees everyone, contractors excepted.
                scope:
                  - id: has-mobile
                    require: mobile
                  - id: no-contractors
                    exclude: {field: employeeType, equals: contractor}
                fields: [givenName, surname, mobile, workPhone]
                visibility:
                  - id: same-location
                    same: location
                  - id: all-staff
                    everyone: true
                """);

        assertThat(policy.scope()).containsExactly(
                new ScopeRule.Require("has-mobile", PersonField.MOBILE),
                new ScopeRule.Exclude("no-contractors", PersonField.EMPLOYEE_TYPE, "contractor"));
        assertThat(policy.fields()).containsExactlyInAnyOrder(
                PersonField.GIVEN_NAME, PersonField.SURNAME, PersonField.MOBILE, PersonField.WORK_PHONE);
        assertThat(policy.visibility()).containsExactly(
                new VisibilityRule.SameValue("same-location", PersonField.LOCATION),
                new VisibilityRule.Everyone("all-staff"));
    }

    @Test
    void anUnknownTopLevelKeyIsRefusedWhereItIsWritten() {
        List<InvalidPolicyException.Problem> problems = problemsOf("""
                policy: strict
                fields: [mobile]
                visibilty:
                  - id: same-department
                    same: department
                """);

        // the misspelt key is named, and the real key is therefore missing
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(1);
            assertThat(p.message()).contains("unknown key \"visibilty\"").contains("visibility");
        });
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).startsWith("visibility is required"));
    }

    @Test
    void anUnknownKeyInsideARuleIsRefusedWhereItIsWritten() {
        InvalidPolicyException.Problem problem = onlyProblemOf("""
                policy: strict
                fields: [mobile]
                visibility:
                  - id: same-department
                    same: department
                    when: always
                """);

        assertThat(problem.line()).isEqualTo(6);
        assertThat(problem.column()).isEqualTo(5);
        assertThat(problem.message()).contains("unknown key \"when\"").contains("directReports, everyone, group, id, managerChain, same");
    }

    @Test
    void anUnknownFieldInTheAllowlistIsRefusedAtTheField() {
        InvalidPolicyException.Problem problem = onlyProblemOf("""
                policy: strict
                fields: [givenName, nickname, mobile]
                visibility:
                  - id: same-department
                    same: department
                """);

        assertThat(problem.source()).isEqualTo(SOURCE);
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(21);
        assertThat(problem.message()).contains("unknown field \"nickname\"").contains("givenName");
        assertThat(problem).hasToString("mine.yaml:2:21: " + problem.message());
    }

    @Test
    void anUnknownFieldInARuleIsRefusedAtTheField() {
        InvalidPolicyException.Problem problem = onlyProblemOf("""
                policy: strict
                scope:
                  - id: has-phone
                    require: phone
                fields: [mobile]
                visibility:
                  - id: same-department
                    same: department
                """);

        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.column()).isEqualTo(14);
        assertThat(problem.message()).contains("unknown field \"phone\"");
    }

    @Test
    void aPolicyWithoutFieldsIsRefused() {
        InvalidPolicyException.Problem problem = onlyProblemOf("""
                policy: strict
                visibility:
                  - id: same-department
                    same: department
                """);

        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.message()).contains("fields is required");
    }

    @Test
    void anEmptyAllowlistIsRefused() {
        InvalidPolicyException.Problem problem = onlyProblemOf("""
                policy: strict
                fields: []
                visibility:
                  - id: same-department
                    same: department
                """);

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(9);
        assertThat(problem.message()).contains("fields must list at least one field");
    }

    @Test
    void aFieldListedTwiceIsRefusedAtItsSecondMention() {
        InvalidPolicyException.Problem problem = onlyProblemOf("""
                policy: strict
                fields:
                  - mobile
                  - surname
                  - mobile
                visibility:
                  - id: same-department
                    same: department
                """);

        assertThat(problem.line()).isEqualTo(5);
        assertThat(problem.column()).isEqualTo(5);
        assertThat(problem.message()).contains("field \"mobile\" is listed twice");
    }

    @Test
    void aPolicyWithoutVisibilityIsRefused() {
        InvalidPolicyException.Problem problem = onlyProblemOf("""
                policy: strict
                fields: [mobile]
                """);

        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.message()).contains("visibility is required");
    }

    @Test
    void aPolicyWithoutANameIsRefused() {
        InvalidPolicyException.Problem problem = onlyProblemOf("""
                fields: [mobile]
                visibility:
                  - id: same-department
                    same: department
                """);

        assertThat(problem.message()).isEqualTo("policy is required");
    }

    @Test
    void aRuleIdUsedTwiceIsRefusedAtItsSecondUse() {
        InvalidPolicyException.Problem problem = onlyProblemOf("""
                policy: strict
                scope:
                  - id: has-mobile
                    require: mobile
                fields: [mobile]
                visibility:
                  - id: has-mobile
                    same: department
                """);

        assertThat(problem.line()).isEqualTo(7);
        assertThat(problem.column()).isEqualTo(9);
        assertThat(problem.message()).contains("rule id \"has-mobile\" is used twice");
    }

    @Test
    void aRuleIdThatIsNotLowerCaseWithDashesIsRefused() {
        InvalidPolicyException.Problem problem = onlyProblemOf("""
                policy: strict
                fields: [mobile]
                visibility:
                  - id: Same_Department
                    same: department
                """);

        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.message()).contains("\"Same_Department\"").contains("lower-case");
    }

    @Test
    void aRuleWithoutAnIdIsRefused() {
        InvalidPolicyException.Problem problem = onlyProblemOf("""
                policy: strict
                scope:
                  - require: mobile
                fields: [mobile]
                visibility:
                  - id: same-department
                    same: department
                """);

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.column()).isEqualTo(5);
        assertThat(problem.message()).contains("needs an id");
    }

    @Test
    void aScopeRuleWithBothRequireAndExcludeIsRefusedAtTheRule() {
        InvalidPolicyException.Problem problem = onlyProblemOf("""
                policy: strict
                scope:
                  - id: has-mobile
                    require: mobile
                    exclude: {field: employeeType, equals: contractor}
                fields: [mobile]
                visibility:
                  - id: same-department
                    same: department
                """);

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.column()).isEqualTo(5);
        assertThat(problem.message()).contains("\"has-mobile\"").contains("exactly one of require, include or exclude");
    }

    @Test
    void anExcludeWithoutAValueIsRefused() {
        InvalidPolicyException.Problem problem = onlyProblemOf("""
                policy: strict
                scope:
                  - id: no-contractors
                    exclude: {field: employeeType}
                fields: [mobile]
                visibility:
                  - id: same-department
                    same: department
                """);

        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.message()).contains("exclude on a field needs exactly one of equals or in");
    }

    @Test
    void everyoneTakesOnlyTrue() {
        InvalidPolicyException.Problem problem = onlyProblemOf("""
                policy: strict
                fields: [mobile]
                visibility:
                  - id: all-staff
                    everyone: yes please
                """);

        assertThat(problem.line()).isEqualTo(5);
        assertThat(problem.column()).isEqualTo(15);
        assertThat(problem.message()).contains("everyone takes the value true");
    }

    @Test
    void invalidYamlIsRefusedWhereTheSyntaxBreaks() {
        InvalidPolicyException.Problem problem = onlyProblemOf("""
                policy: strict
                fields: [mobile]
                visibility:
                  - id: same-department
                     same: department
                """);

        assertThat(problem.line()).isEqualTo(5);
        assertThat(problem.message()).startsWith("not valid YAML").contains("mapping values are not allowed");
    }

    @Test
    void aTabUsedForIndentationIsRefusedOnItsLine() {
        InvalidPolicyException.Problem problem = onlyProblemOf(
                "policy: strict\nfields: [mobile]\nvisibility:\n\t- id: same-department\n");

        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.column()).isEqualTo(1);
        assertThat(problem.message()).startsWith("not valid YAML").contains("TAB");
    }

    @Test
    void aRootThatIsNotAMappingIsRefused() {
        for (String text : List.of("- policy: strict\n- fields: [mobile]\n", "just some words\n", "", "# only a comment\n")) {
            InvalidPolicyException.Problem problem = onlyProblemOf(text);

            assertThat(problem.line()).as("for %s", text).isEqualTo(1);
            assertThat(problem.column()).as("for %s", text).isEqualTo(1);
            assertThat(problem.message()).as("for %s", text).contains("a policy is a mapping");
        }
    }

    @Test
    void aPolicyLargerThanTheLimitIsRefusedBeforeParsing() {
        String huge = "description: " + "x".repeat(300 * 1024) + "\n";

        assertThat(onlyProblemOf(huge).message()).contains("larger than");
    }

    @Test
    void severalProblemsAreReportedTogether() {
        InvalidPolicyException e = refusal("""
                policy: strict
                scope:
                  - id: has-mobile
                    require: mobile
                    exclude: {field: employeeType, equals: contractor}
                fields: [mobile, nickname]
                visibility:
                  - id: has-mobile
                    same: department
                """);

        assertThat(e.problems()).extracting(InvalidPolicyException.Problem::message)
                .anyMatch(m -> m.contains("exactly one of require, include or exclude"))
                .anyMatch(m -> m.contains("unknown field \"nickname\""))
                .anyMatch(m -> m.contains("\"has-mobile\" is used twice"))
                .hasSize(3);
        assertThat(e.problems()).extracting(InvalidPolicyException.Problem::line).containsExactlyInAnyOrder(3, 6, 8);
        assertThat(e.getMessage()).contains("mine.yaml:3:5").contains("mine.yaml:6:18").contains("mine.yaml:8:9");
    }

    /**
     * InvalidPolicyException#problems() promises "every problem found, in the order of the file";
     * a policy author reads them top to bottom.
     */
    @Test
    void problemsAreListedInTheOrderOfTheFile() {
        InvalidPolicyException e = refusal("""
                policy: strict
                scope:
                  - id: has-phone
                    require: phone
                fields: [mobile]
                visibility:
                  - id: same-department
                    same: department
                comment: misplaced
                """);

        assertThat(e.problems()).hasSize(2);
        assertThat(e.problems()).isSortedAccordingTo(
                Comparator.comparingInt(InvalidPolicyException.Problem::line)
                        .thenComparingInt(InvalidPolicyException.Problem::column));
    }

    /**
     * A repeated key must not silently replace the first: here the second {@code fields} would widen
     * the allowlist to {@code mail} without anyone noticing it in review.
     */
    @Test
    void aRepeatedKeyIsRefusedRatherThanSilentlyReplacingTheFirst() {
        InvalidPolicyException e = catchThrowableOfType(InvalidPolicyException.class, () -> PolicyParser.parse(SOURCE, """
                policy: strict
                fields: [givenName, mobile]
                visibility:
                  - id: same-department
                    same: department
                fields: [givenName, mobile, mail]
                """));

        assertThat(e).as("a policy with two fields keys is refused").isNotNull();
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message()).contains("fields");
        });
    }

    private static InvalidPolicyException.Problem onlyProblemOf(String yaml) {
        List<InvalidPolicyException.Problem> problems = problemsOf(yaml);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    private static List<InvalidPolicyException.Problem> problemsOf(String yaml) {
        return refusal(yaml).problems();
    }

    private static InvalidPolicyException refusal(String yaml) {
        InvalidPolicyException e = catchThrowableOfType(InvalidPolicyException.class,
                () -> PolicyParser.parse(SOURCE, yaml));
        assertThat(e).as("the policy is refused").isNotNull();
        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.source()).isEqualTo(SOURCE));
        return e;
    }
}
