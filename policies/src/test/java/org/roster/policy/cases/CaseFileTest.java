package org.roster.policy.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The case-file runner itself: a wrong case must fail, and say where and why. */
class CaseFileTest {

    private static final Path HERE = Path.of(".");

    @Test
    void aWrongExpectationFailsNamingTheFileTheCaseExpectedAndActualAndTheDecidingRule()
            throws InvalidCaseFileException {
        CaseFile file = CaseFile.parse("wrong.yaml", """
                policy: default
                cases:
                  - name: colleagues in other departments see each other
                    viewer:  {id: v1, department: Sales, mobile: "+4915111111111"}
                    contact: {id: c1, department: Finance, mobile: "+4915122222222"}
                    expect: {visible: true, rule: same-department, fields: [mobile]}
                """, HERE);

        AssertionError failure = catchThrowableOfType(AssertionError.class, () -> file.cases().get(0).check());

        assertThat(failure).as("a wrong case fails").isNotNull();
        assertThat(failure.getMessage())
                .startsWith("wrong.yaml:3: case \"colleagues in other departments see each other\" does not hold")
                .contains("visible:  expected true, but was false")
                .contains("rule:     expected same-department, but was no-visibility-rule-grants")
                .contains("fields:   expected [mobile], but was []")
                .contains("decided by rule \"no-visibility-rule-grants\": no visibility rule grants it");
    }

    @Test
    void aWrongScopeExpectationNamesTheRuleThatDecidedAndItsReason() throws InvalidCaseFileException {
        CaseFile file = CaseFile.parse("wrong.yaml", """
                policy: regulated
                cases:
                  - name: a French mobile is fine
                    person: {mobile: "+33612345678"}
                    expect: {scope: included, withheld: {}}
                """, HERE);

        AssertionError failure = catchThrowableOfType(AssertionError.class, () -> file.cases().get(0).check());

        assertThat(failure.getMessage())
                .contains("case \"a French mobile is fine\"")
                .contains("scope:    expected included, but was excluded")
                .contains("withheld: expected {}, but was {mobile=phones}")
                .contains("decided by rule \"has-mobile\": has no acceptable mobile");
    }

    @Test
    void aCaseThatHoldsPasses() throws InvalidCaseFileException {
        CaseFile file = CaseFile.parse("right.yaml", """
                policy: default
                cases:
                  - name: colleagues in the same department see each other
                    viewer:  {id: v1, department: Finance, mobile: "+4915111111111"}
                    contact: {id: c1, department: Finance, mobile: "+4915122222222", title: CFO}
                    expect: {visible: true, rule: same-department, fields: [mobile]}
                """, HERE);

        assertThatCode(() -> file.cases().get(0).check()).doesNotThrowAnyException();
    }

    @Test
    void aContactWhoIsNotDeliveredIsNotVisibleAndTheScopeRuleIsNamed() throws InvalidCaseFileException {
        CaseFile file = CaseFile.parse("consent.yaml", """
                policy: strict-minimal
                cases:
                  - name: a report who has not opted in is visible to their manager
                    viewer:  {id: boss, reference: "uid=boss,dc=example,dc=org", mobile: "+4915111111111", optedIn: true}
                    contact: {id: c1, manager: "uid=boss,dc=example,dc=org", mobile: "+4915122222222"}
                    expect: {visible: true}
                """, HERE);

        AssertionError failure = catchThrowableOfType(AssertionError.class, () -> file.cases().get(0).check());

        assertThat(failure.getMessage()).contains("visible:  expected true, but was false")
                .contains("decided by rule \"consent\"");
    }

    @Test
    void aMisspeltKeyIsRefusedWithTheFileAndLine() {
        InvalidCaseFileException e = catchThrowableOfType(InvalidCaseFileException.class, () -> CaseFile.parse(
                "typo.yaml", """
                        policy: default
                        cases:
                          - name: someone without a mobile is out of scope
                            person: {department: Finance}
                            expect:
                              scope: excluded
                              rul: has-mobile
                        """, HERE));

        assertThat(e).as("the case file is refused").isNotNull();
        assertThat(e.problems()).singleElement().asString()
                .startsWith("typo.yaml:7:7: unknown key \"rul\" in expect of a person case")
                .contains("reason, rule, scope, withheld");
    }

    @Test
    void brokenYamlIsRefusedWithTheFileAndLine() {
        InvalidCaseFileException e = catchThrowableOfType(InvalidCaseFileException.class, () -> CaseFile.parse(
                "broken.yaml", """
                        policy: default
                        cases:
                          - name: someone without a mobile is out of scope
                            person: {department: Finance
                            expect: {scope: excluded}
                        """, HERE));

        assertThat(e.getMessage()).startsWith("broken.yaml:5:").contains("not valid YAML");
    }

    @Test
    void everyMistakeInACaseFileIsReportedWhereItIsWritten() {
        InvalidCaseFileException e = catchThrowableOfType(InvalidCaseFileException.class, () -> CaseFile.parse(
                "many.yaml", """
                        policy: lenient
                        directory:
                          - {id: ana, mobile: "+4915112345678"}
                          - {id: ana, nickname: Annie}
                        cases:
                          - name: one
                            person: {mobile: "+4915112345678", optedIn: maybe}
                            expect: {scope: in, fields: [mobile, phone]}
                          - name: one
                            viewer: ana
                            contact: bob
                            expect: {visible: yes}
                          - name: a case with only a viewer
                            viewer: ana
                            expect: {visible: false}
                          - name: a case without an expectation
                            person: ana
                        """, HERE));

        assertThat(e.problems()).containsExactly(
                "many.yaml:1:9: no bundled policy is named \"lenient\"; bundled are default, strict-minimal, regulated;"
                        + " a policy file's name ends in .yaml",
                "many.yaml:4:5: the directory has two people with id \"ana\"",
                "many.yaml:4:15: unknown key \"nickname\" in a person; expected one of accountDisabled, consent, "
                        + "department, displayName, employeeType, givenName, groups, id, location, mail, manager, "
                        + "mobile, optOut, optedIn, optedOut, reference, surname, title, workPhone",
                "many.yaml:7:49: optedIn takes true or false, not \"maybe\"",
                "many.yaml:8:21: scope is included, viewer-only or excluded, not \"in\"",
                "many.yaml:8:42: unknown field \"phone\"; known fields are givenName, surname, displayName, mobile, "
                        + "workPhone, mail, department, location, title, employeeType, manager, accountDisabled, "
                        + "optOut, consent",
                "many.yaml:9:11: two cases are named \"one\"; each name must be unique in its file",
                "many.yaml:11:14: contact \"bob\" is not in the directory; write the person out, e.g. contact: "
                        + "{department: Finance, mobile: \"+4915112345678\"}, or add them to directory",
                "many.yaml:12:23: visible takes true or false, not \"yes\"",
                "many.yaml:13:5: case \"a case with only a viewer\" needs either person, or both viewer and contact",
                "many.yaml:16:5: case \"a case without an expectation\" needs expect: what the policy should decide");
    }

    @Test
    void aPolicyFileBesideTheCaseFileCanBeTested(@TempDir Path dir) throws IOException, InvalidCaseFileException {
        Files.writeString(dir.resolve("mine.policy.yaml"), """
                policy: mine
                fields: [mobile]
                visibility:
                  - id: same-location
                    same: location
                """);
        Files.writeString(dir.resolve("mine.yaml"), """
                policy: mine.policy.yaml
                cases:
                  - name: colleagues in the same city see each other
                    viewer:  {location: Berlin}
                    contact: {location: Berlin, mobile: "+4915122222222"}
                    expect: {visible: true, rule: same-location, fields: [mobile]}
                """);

        CaseFile file = CaseFile.read(dir.resolve("mine.yaml"), "mine.yaml");

        assertThat(file.policy().name()).isEqualTo("mine");
        assertThat(file.cases()).hasSize(1);
        assertThatCode(() -> file.cases().get(0).check()).doesNotThrowAnyException();
    }

    @Test
    void anInvalidPolicyFileIsReportedWithItsOwnProblems(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("mine.policy.yaml"), "policy: mine\nfields: [mobile, manager]\n");
        Files.writeString(dir.resolve("mine.yaml"), """
                policy: mine.policy.yaml
                cases:
                  - name: anything
                    person: {mobile: "+4915122222222"}
                    expect: {scope: included}
                """);

        InvalidCaseFileException e = catchThrowableOfType(InvalidCaseFileException.class,
                () -> CaseFile.read(dir.resolve("mine.yaml"), "mine.yaml"));

        assertThat(e.problems()).singleElement().asString().startsWith("mine.yaml:1:9: the policy file mine.policy.yaml is not valid:")
                .contains("mine.policy.yaml:2:18: field \"manager\" steers decisions but may never leave Roster");
    }

    @Test
    void theManagerChainIsWalkedThroughTheDirectory() throws InvalidCaseFileException {
        CaseFile file = CaseFile.parse("chain.yaml", """
                policy: regulated
                directory:
                  - {id: top, reference: "uid=top,dc=example,dc=org", mobile: "+4915110000001"}
                  - {id: mid, reference: "uid=mid,dc=example,dc=org", mobile: "+4915110000002",
                     manager: "UID=Top, DC=example, DC=org"}
                cases:
                  - name: two levels up is visible
                    viewer: {mobile: "+4915110000003", manager: "uid=mid,dc=example,dc=org"}
                    contact: top
                    expect: {visible: true, rule: my-management-chain}
                """, HERE);

        assertThat(file.cases()).extracting(PolicyCase::name).containsExactly("two levels up is visible");
        assertThatCode(() -> file.cases().get(0).check()).doesNotThrowAnyException();
        assertThat(file.cases().get(0).line()).isEqualTo(7);
    }
}
