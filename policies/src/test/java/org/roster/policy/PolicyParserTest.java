package org.roster.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

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

    // --- the bundled policies ---

    @Test
    void everyBundledPolicyParses() throws InvalidPolicyException {
        for (String name : Policies.BUNDLED) {
            Policy policy = PolicyParser.parse(name + ".yaml", Policies.text(name));

            assertThat(policy.name()).isEqualTo(name);
            assertThat(policy.description()).as(name).isNotBlank();
            assertThat(Policies.bundled(name)).isEqualTo(policy);
        }
    }

    @Test
    void theBundledStrictMinimalPolicyAsksForConsentAndShowsOnlyTheTeam() {
        Policy policy = Policies.bundled("strict-minimal");

        assertThat(policy.scope()).containsExactly(new ScopeRule.Require("has-mobile", PersonField.MOBILE),
                new ScopeRule.Exclude("active-accounts-only", new ScopeRule.Match.Disabled()));
        assertThat(policy.fields()).containsExactlyInAnyOrder(PersonField.GIVEN_NAME, PersonField.SURNAME, PersonField.MOBILE);
        assertThat(policy.visibility()).containsExactly(new VisibilityRule.ManagerChain("my-manager", 1),
                new VisibilityRule.DirectReports("my-reports"));
        assertThat(policy.consent()).isEqualTo(new Policy.Consent(true, true));
        assertThat(policy.optOut()).isEqualTo(new Policy.OptOut(true, false));
        assertThat(policy.phones()).isEqualTo(new Policy.PhoneAcceptance(Set.of(Policy.NumberKind.MOBILE), Set.of()));
        assertThat(policy.cap()).isEmpty();
        assertThat(policy.retention()).isEqualTo(new Policy.Retention(Duration.ofHours(1), Duration.ofDays(7),
                Duration.ofDays(365)));
    }

    @Test
    void theBundledRegulatedPolicyLeavesOutContractorsAndExecutivesAndAcceptsOnlyDachMobiles() {
        Policy policy = Policies.bundled("regulated");

        assertThat(policy.scope()).containsExactly(new ScopeRule.Require("has-mobile", PersonField.MOBILE),
                new ScopeRule.Exclude("staff-only", new ScopeRule.Match.FieldIn(PersonField.EMPLOYEE_TYPE,
                        Set.of("contractor", "external", "intern"))),
                new ScopeRule.Exclude("no-executives", new ScopeRule.Match.MemberOf("cn=executives,ou=groups,dc=example,dc=org")),
                new ScopeRule.Exclude("no-disabled-accounts", new ScopeRule.Match.Disabled()));
        assertThat(policy.visibility()).containsExactly(
                new VisibilityRule.SameValue("same-department", PersonField.DEPARTMENT),
                new VisibilityRule.ManagerChain("my-management-chain", 2),
                new VisibilityRule.DirectReports("my-direct-reports"),
                new VisibilityRule.SameValue("same-location", PersonField.LOCATION));
        assertThat(policy.cap()).contains(new Policy.Cap(150));
        assertThat(policy.optOut()).isEqualTo(new Policy.OptOut(true, false));
        assertThat(policy.consent()).isEqualTo(Policy.Consent.NOT_REQUIRED);
        assertThat(policy.phones()).isEqualTo(new Policy.PhoneAcceptance(Set.of(Policy.NumberKind.MOBILE),
                Set.of("DE", "AT", "CH")));
        assertThat(policy.retention()).isEqualTo(new Policy.Retention(Duration.ofHours(4), Duration.ofDays(30),
                Duration.ofDays(730)));
        assertThat(policy.usesGroups()).isTrue();
        assertThat(policy.referencedFields()).contains(PersonField.EMPLOYEE_TYPE, PersonField.ACCOUNT_DISABLED,
                PersonField.MANAGER, PersonField.LOCATION, PersonField.OPT_OUT).doesNotContain(PersonField.CONSENT);
    }

    @Test
    void aPolicyWithoutTheOptionalSectionsGetsTheDefaults() throws InvalidPolicyException {
        Policy policy = PolicyParser.parse(SOURCE, MINIMAL);

        assertThat(policy.cap()).isEmpty();
        assertThat(policy.optOut()).isEqualTo(Policy.OptOut.DEFAULT);
        assertThat(policy.consent()).isEqualTo(Policy.Consent.NOT_REQUIRED);
        assertThat(policy.phones()).isEqualTo(Policy.PhoneAcceptance.ANY);
        assertThat(policy.retention()).isEqualTo(Policy.Retention.DEFAULT);
        assertThat(policy.sharedNumbers()).isEqualTo(Policy.SharedNumbers.WITHHOLD);
    }

    // --- shared numbers ---

    @Test
    void eachTreatmentOfSharedNumbersIsRead() throws InvalidPolicyException {
        assertThat(parsed("sharedNumbers: withhold\n").sharedNumbers()).isEqualTo(Policy.SharedNumbers.WITHHOLD);
        assertThat(parsed("sharedNumbers: firstById\n").sharedNumbers()).isEqualTo(Policy.SharedNumbers.FIRST_BY_ID);
        assertThat(parsed("sharedNumbers: deliver\n").sharedNumbers()).isEqualTo(Policy.SharedNumbers.DELIVER);
    }

    @Test
    void anUnknownTreatmentOfSharedNumbersIsRefusedAtItsValueNamingTheKnownOnes() {
        List<InvalidPolicyException.Problem> problems = problemsWith("sharedNumbers: lowestId\n");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.column()).isEqualTo(16);
            assertThat(p.message()).isEqualTo("sharedNumbers takes one of withhold, firstById, deliver, not \"lowestId\"");
        });
    }

    @Test
    void policiesThatTreatSharedNumbersDifferentlyPrintDifferently() throws InvalidPolicyException {
        // a run's plan stands on the policy's print: changing the treatment must plan again
        assertThat(parsed("sharedNumbers: deliver\n").toString()).isNotEqualTo(parsed("").toString());
    }

    // --- include and exclude ---

    private static final String MINIMAL = """
            policy: mine
            fields: [mobile]
            visibility:
              - id: same-department
                same: department
            """;

    private static Policy parsed(String sections) throws InvalidPolicyException {
        return PolicyParser.parse(SOURCE, MINIMAL + sections);
    }

    private static List<InvalidPolicyException.Problem> problemsWith(String sections) {
        return problemsOf(MINIMAL + sections);
    }

    @Test
    void everyMatchFormOfIncludeAndExcludeIsRead() throws InvalidPolicyException {
        Policy policy = parsed("""
                scope:
                  - id: people-only
                    include: {under: "OU=People, DC=example, DC=org"}
                  - id: finance-or-sales
                    include: {field: department, in: [Finance, Sales]}
                  - id: staff-only
                    exclude: {field: employeeType, in: [Contractor, intern]}
                  - id: no-executives
                    exclude: {memberOf: "CN=Executives, OU=Groups, DC=example, DC=org"}
                  - id: no-disabled-accounts
                    exclude: {disabled: true}
                """);

        assertThat(policy.scope()).containsExactly(
                new ScopeRule.Include("people-only", new ScopeRule.Match.Under("ou=people,dc=example,dc=org")),
                new ScopeRule.Include("finance-or-sales", new ScopeRule.Match.FieldIn(PersonField.DEPARTMENT,
                        Set.of("finance", "sales"))),
                new ScopeRule.Exclude("staff-only", new ScopeRule.Match.FieldIn(PersonField.EMPLOYEE_TYPE,
                        Set.of("contractor", "intern"))),
                new ScopeRule.Exclude("no-executives", new ScopeRule.Match.MemberOf("cn=executives,ou=groups,dc=example,dc=org")),
                new ScopeRule.Exclude("no-disabled-accounts", new ScopeRule.Match.Disabled()));
        assertThat(policy.usesGroups()).isTrue();
        assertThat(policy.referencedFields()).contains(PersonField.DEPARTMENT, PersonField.EMPLOYEE_TYPE,
                PersonField.ACCOUNT_DISABLED);
    }

    @Test
    void aGroupOrSubtreeThatIsNotADnIsRefusedAtTheValue() {
        List<InvalidPolicyException.Problem> problems = problemsWith("""
                scope:
                  - id: no-executives
                    exclude: {memberOf: executives}
                  - id: people-only
                    include: {under: "people, example.org"}
                """);

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).line()).isEqualTo(8);
        assertThat(problems.get(0).column()).isEqualTo(25);
        assertThat(problems.get(0).message()).contains("memberOf \"executives\" is not a DN");
        assertThat(problems.get(1).line()).isEqualTo(10);
        assertThat(problems.get(1).message()).contains("under \"people, example.org\" is not a DN");
    }

    @Test
    void disabledTakesOnlyTrue() {
        InvalidPolicyException.Problem problem = onlyProblemOf(MINIMAL + """
                scope:
                  - id: no-disabled-accounts
                    exclude: {disabled: false}
                """);

        assertThat(problem.line()).isEqualTo(8);
        assertThat(problem.message()).isEqualTo("disabled takes the value true");
    }

    @Test
    void aMatchWithTwoFormsIsRefused() {
        InvalidPolicyException.Problem problem = onlyProblemOf(MINIMAL + """
                scope:
                  - id: odd
                    exclude: {memberOf: "cn=a,dc=example,dc=org", under: "ou=b,dc=example,dc=org"}
                """);

        assertThat(problem.line()).isEqualTo(8);
        assertThat(problem.column()).isEqualTo(14);
        assertThat(problem.message()).startsWith("exclude takes one of").contains("{memberOf: GROUP-DN}");
    }

    @Test
    void aFieldMatchWithBothEqualsAndInIsRefused() {
        InvalidPolicyException.Problem problem = onlyProblemOf(MINIMAL + """
                scope:
                  - id: odd
                    include: {field: department, equals: Finance, in: [Sales]}
                """);

        assertThat(problem.message()).contains("include on a field needs exactly one of equals or in");
    }

    // --- visibility ---

    @Test
    void managerChainDirectReportsAndGroupVisibilityAreRead() throws InvalidPolicyException {
        Policy policy = PolicyParser.parse(SOURCE, """
                policy: teams
                fields: [mobile]
                visibility:
                  - id: my-management-chain
                    managerChain: 3
                  - id: my-reports
                    directReports: true
                  - id: works-council
                    group: "CN=Works Council, OU=Groups, DC=example, DC=org"
                """);

        assertThat(policy.visibility()).containsExactly(new VisibilityRule.ManagerChain("my-management-chain", 3),
                new VisibilityRule.DirectReports("my-reports"),
                new VisibilityRule.Group("works-council", "cn=works council,ou=groups,dc=example,dc=org"));
        assertThat(policy.usesGroups()).isTrue();
        assertThat(policy.referencedFields()).contains(PersonField.MANAGER);
    }

    @Test
    void managerChainTakesAWholeNumberOfLevelsFromOneToTwenty() {
        for (String levels : List.of("0", "21", "-1", "two", "1.5", "99999999999999999999")) {
            InvalidPolicyException.Problem problem = onlyProblemOf("""
                    policy: teams
                    fields: [mobile]
                    visibility:
                      - id: my-management-chain
                        managerChain: %s
                    """.formatted(levels));

            assertThat(problem.line()).as(levels).isEqualTo(5);
            assertThat(problem.column()).as(levels).isEqualTo(19);
            assertThat(problem.message()).as(levels)
                    .isEqualTo("managerChain takes a whole number from 1 to 20, not \"" + levels + "\"");
        }
    }

    @Test
    void directReportsTakesOnlyTrueAndAGroupMustBeADn() {
        List<InvalidPolicyException.Problem> problems = problemsOf("""
                policy: teams
                fields: [mobile]
                visibility:
                  - id: my-reports
                    directReports: false
                  - id: works-council
                    group: works council
                """);

        assertThat(problems).extracting(InvalidPolicyException.Problem::line).containsExactly(5, 7);
        assertThat(problems.get(0).message()).startsWith("directReports takes the value true");
        assertThat(problems.get(1).message()).contains("group \"works council\" is not a DN");
    }

    // --- cap, opt-out, consent ---

    @Test
    void theCapIsRead() throws InvalidPolicyException {
        assertThat(parsed("cap: 150\n").cap()).contains(new Policy.Cap(150));
        assertThat(parsed("cap: 100000\n").cap()).contains(new Policy.Cap(100_000));
    }

    @Test
    void aCapOutsideOneToAHundredThousandIsRefused() {
        for (String cap : List.of("0", "-5", "100001", "lots", "[150]")) {
            InvalidPolicyException.Problem problem = onlyProblemOf(MINIMAL + "cap: " + cap + "\n");

            assertThat(problem.line()).as(cap).isEqualTo(6);
            assertThat(problem.column()).as(cap).isEqualTo(6);
        }
    }

    @Test
    void optOutAndConsentAreRead() throws InvalidPolicyException {
        Policy policy = parsed("""
                optOut:
                  directoryAttribute: true
                  stillReceives: true
                consent:
                  required: true
                  directoryAttribute: false
                """);

        assertThat(policy.optOut()).isEqualTo(new Policy.OptOut(true, true));
        assertThat(policy.consent()).isEqualTo(new Policy.Consent(true, false));
        assertThat(policy.referencedFields()).contains(PersonField.OPT_OUT).doesNotContain(PersonField.CONSENT);
    }

    @Test
    void optOutFlagsTakeTrueOrFalse() {
        InvalidPolicyException.Problem problem = onlyProblemOf(MINIMAL + """
                optOut:
                  stillReceives: maybe
                """);

        assertThat(problem.line()).isEqualTo(7);
        assertThat(problem.column()).isEqualTo(18);
        assertThat(problem.message()).isEqualTo("stillReceives takes true or false, not \"maybe\"");
    }

    @Test
    void aConsentAttributeWithoutRequiringConsentIsRefusedAsHavingNoEffect() {
        InvalidPolicyException.Problem problem = onlyProblemOf(MINIMAL + """
                consent:
                  directoryAttribute: true
                """);

        assertThat(problem.line()).isEqualTo(7);
        assertThat(problem.message()).contains("has no effect unless consent.required is true");
    }

    @Test
    void optOutConsentPhonesAndRetentionMustBeMappings() {
        for (String section : List.of("optOut", "consent", "phones", "retention")) {
            InvalidPolicyException.Problem problem = onlyProblemOf(MINIMAL + section + ": true\n");

            assertThat(problem.line()).as(section).isEqualTo(6);
            assertThat(problem.message()).as(section).isEqualTo(section + " must be a mapping");
        }
    }

    // --- phones ---

    @Test
    void phoneKindsAndRegionsAreRead() throws InvalidPolicyException {
        Policy policy = parsed("""
                phones:
                  kinds: [mobile]
                  regions: [DE, AT, CH]
                """);

        assertThat(policy.phones()).isEqualTo(new Policy.PhoneAcceptance(Set.of(Policy.NumberKind.MOBILE),
                Set.of("DE", "AT", "CH")));
        assertThat(parsed("phones:\n  regions: [DE]\n").phones().kinds())
                .as("kinds left out means any").containsExactlyInAnyOrder(Policy.NumberKind.values());
    }

    @Test
    void anUnknownNumberKindOrRegionIsRefusedAtTheValue() {
        List<InvalidPolicyException.Problem> problems = problemsWith("""
                phones:
                  kinds: [mobile, pager]
                  regions: [DE, XX, de]
                """);

        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).satisfies(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.column()).isEqualTo(19);
            assertThat(p.message()).isEqualTo("unknown number kind \"pager\"; known kinds are mobile, fixed");
        });
        assertThat(problems.get(1).message()).startsWith("\"XX\" is not a region with a numbering plan");
        assertThat(problems.get(2).message()).startsWith("\"de\" is not a region with a numbering plan");
    }

    @Test
    void anEmptyListOfKindsIsRefused() {
        InvalidPolicyException.Problem problem = onlyProblemOf(MINIMAL + "phones:\n  kinds: []\n");

        assertThat(problem.message()).contains("phones.kinds must list at least one kind");
    }

    // --- retention ---

    @Test
    void retentionIsReadAsIsoDurations() throws InvalidPolicyException {
        Policy policy = parsed("""
                retention:
                  leaverRemoval: PT4H
                  personalData: P30D
                  auditRecords: P730D
                """);

        assertThat(policy.retention()).isEqualTo(new Policy.Retention(Duration.ofHours(4), Duration.ofDays(30),
                Duration.ofDays(730)));
        assertThat(parsed("retention:\n  leaverRemoval: PT1H\n").retention())
                .as("what is left out keeps its default")
                .isEqualTo(new Policy.Retention(Duration.ofHours(1), Duration.ofDays(30), Duration.ofDays(365)));
    }

    @Test
    void auditRetentionBelowTheServersFloorIsRefusedAtItsPlace() {
        InvalidPolicyException e = catchThrowableOfType(InvalidPolicyException.class,
                () -> PolicyParser.parse(SOURCE, MINIMAL + """
                        retention:
                          leaverRemoval: PT4H
                          auditRecords: PT0S
                        """, Duration.ofDays(365)));

        assertThat(e).as("the policy is refused").isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.column()).isEqualTo(17);
            assertThat(p.message()).isEqualTo("retention.auditRecords (PT0S) is shorter than this server's minimum "
                    + "audit retention (P365D): audit records are kept at least that long");
        });
    }

    @Test
    void auditRetentionAtOrAboveTheFloorIsAcceptedAndALeftOutOneRisesToTheFloor() throws InvalidPolicyException {
        Duration floor = Duration.ofDays(400);

        assertThat(PolicyParser.parse(SOURCE, MINIMAL + "retention:\n  auditRecords: P400D\n", floor)
                .retention().auditRecords()).isEqualTo(floor);
        assertThat(PolicyParser.parse(SOURCE, MINIMAL + "retention:\n  leaverRemoval: PT1H\n", floor)
                .retention().auditRecords()).as("the default of P365D is below this floor").isEqualTo(floor);
        assertThat(PolicyParser.parse(SOURCE, MINIMAL, floor).retention().auditRecords()).isEqualTo(floor);
        assertThat(PolicyParser.parse(SOURCE, MINIMAL, Duration.ofDays(30)).retention().auditRecords())
                .as("a lower floor leaves the default as it is").isEqualTo(Duration.ofDays(365));
    }

    @Test
    void everyBundledPolicyKeepsAuditRecordsAtLeastTheDefaultFloor() throws InvalidPolicyException {
        for (String name : Policies.BUNDLED) {
            Policy policy = PolicyParser.parse(name + ".yaml", Policies.text(name), Duration.ofDays(365));

            assertThat(policy.retention().auditRecords()).as(name).isGreaterThanOrEqualTo(Duration.ofDays(365));
        }
    }

    @Test
    void keepingPersonalDataShorterThanTheLeaverRemovalIsRefusedAsAContradiction() {
        InvalidPolicyException.Problem problem = onlyProblemOf(MINIMAL + """
                retention:
                  leaverRemoval: P10D
                  personalData: P7D
                """);

        assertThat(problem.line()).isEqualTo(7);
        assertThat(problem.message()).contains("retention.personalData (PT168H) is shorter than retention.leaverRemoval (PT240H)");
    }

    @Test
    void aDurationThatIsNotIsoOrIsNegativeIsRefusedAtTheValue() {
        for (String duration : List.of("4 hours", "-PT4H", "P-1D", "P1Y", "P99999999999999999999D", "")) {
            InvalidPolicyException e = catchThrowableOfType(InvalidPolicyException.class,
                    () -> PolicyParser.parse(SOURCE, MINIMAL + "retention:\n  leaverRemoval: \"" + duration + "\"\n"));

            assertThat(e).as(duration).isNotNull();
            assertThat(e.problems()).as(duration).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(7);
                assertThat(p.column()).isEqualTo(18);
            });
        }
    }

    // --- contradictions ---

    @Test
    void includingAndExcludingTheSamePeopleIsRefused() {
        for (String rules : List.of("""
                  - id: finance-only
                    include: {field: department, equals: Finance}
                  - id: no-finance
                    exclude: {field: department, in: [FINANCE, Sales]}
                """, """
                  - id: pilot-only
                    include: {memberOf: "cn=pilot,ou=groups,dc=example,dc=org"}
                  - id: no-pilot
                    exclude: {memberOf: "CN=Pilot, OU=Groups, DC=example, DC=org"}
                """, """
                  - id: disabled-only
                    include: {disabled: true}
                  - id: no-disabled-accounts
                    exclude: {disabled: true}
                """, """
                  - id: people-only
                    include: {under: "ou=people,dc=example,dc=org"}
                  - id: no-people
                    exclude: {under: "OU=People,DC=example,DC=org"}
                """)) {
            List<InvalidPolicyException.Problem> problems = problemsWith("scope:\n" + rules);

            assertThat(problems).as(rules).singleElement().satisfies(p ->
                    assertThat(p.message()).contains("excludes everyone an include rule lets in"));
        }
    }

    @Test
    void excludingSomeOfThePeopleAnIncludeLetsInIsAccepted() throws InvalidPolicyException {
        Policy policy = parsed("""
                scope:
                  - id: finance-or-sales
                    include: {field: department, in: [Finance, Sales]}
                  - id: no-sales
                    exclude: {field: department, equals: Sales}
                  - id: people-only
                    include: {under: "ou=people,dc=example,dc=org"}
                  - id: no-leavers
                    exclude: {under: "ou=leavers,ou=people,dc=example,dc=org"}
                """);

        assertThat(policy.scope()).hasSize(4);
    }

    @Test
    void includesOfSubtreesThatDoNotOverlapAreRefused() {
        InvalidPolicyException.Problem problem = onlyProblemOf(MINIMAL + """
                scope:
                  - id: berlin-only
                    include: {under: "ou=berlin,ou=people,dc=example,dc=org"}
                  - id: wien-only
                    include: {under: "ou=wien,ou=people,dc=example,dc=org"}
                """);

        assertThat(problem.message()).contains("include rules ask for entries under both")
                .contains("ou=berlin,ou=people,dc=example,dc=org").contains("ou=wien,ou=people,dc=example,dc=org")
                .contains("no employee could be in scope");
    }

    @Test
    void includesOfNestedSubtreesAreAccepted() throws InvalidPolicyException {
        Policy policy = parsed("""
                scope:
                  - id: people-only
                    include: {under: "ou=people,dc=example,dc=org"}
                  - id: berlin-only
                    include: {under: "OU=Berlin, OU=People, DC=example, DC=org"}
                """);

        assertThat(policy.scope()).hasSize(2);
    }

    /**
     * The parser refuses an exclude that matches everything an include lets in when both are on a
     * field (the exclude lists every included value), but not when both are on subtrees: excluding
     * a subtree above the included one leaves nobody in scope just the same.
     */
    @Test
    void excludingASubtreeThatContainsTheIncludedSubtreeIsRefused() {
        List<InvalidPolicyException.Problem> problems = refusal(MINIMAL + """
                scope:
                  - id: sales-only
                    include: {under: "ou=sales,ou=people,dc=example,dc=org"}
                  - id: no-people
                    exclude: {under: "ou=people,dc=example,dc=org"}
                """).problems();

        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("no-people").contains("no employee could be in scope"));
    }

    /**
     * The parser refuses two includes of subtrees that do not overlap, but not two includes on the
     * same field whose values do not overlap: nobody is both in Finance and in Sales.
     */
    @Test
    void includesOnTheSameFieldWithoutACommonValueAreRefused() {
        List<InvalidPolicyException.Problem> problems = refusal(MINIMAL + """
                scope:
                  - id: finance-only
                    include: {field: department, equals: Finance}
                  - id: sales-only
                    include: {field: department, in: [Sales, Legal]}
                """).problems();

        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("no employee could be in scope"));
    }

    // --- fields that may never leave ---

    @Test
    void releasingAFieldThatOnlySteersDecisionsIsRefusedAtTheField() {
        for (String field : List.of("manager", "employeeType", "accountDisabled", "optOut", "consent")) {
            InvalidPolicyException.Problem problem = onlyProblemOf("""
                    policy: leaky
                    fields: [mobile, %s]
                    visibility:
                      - id: same-department
                        same: department
                    """.formatted(field));

            assertThat(problem.line()).as(field).isEqualTo(2);
            assertThat(problem.column()).as(field).isEqualTo(18);
            assertThat(problem.message()).as(field)
                    .isEqualTo("field \"" + field + "\" steers decisions but may never leave Roster");
        }
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
