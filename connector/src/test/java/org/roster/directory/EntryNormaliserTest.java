package org.roster.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.roster.policy.PersonField;

class EntryNormaliserTest {

    private static final String DN = "uid=p12,ou=people,dc=example,dc=org";

    private final EntryNormaliser normaliser = new EntryNormaliser(PhoneNumbers.forRegion("DE"));

    @Test
    void aCleanEntryBecomesAnEmployeeWithItsIdReferenceAndValues() {
        Employee employee = accepted(DirectoryEntry.builder(DN).id("p12")
                .add(PersonField.GIVEN_NAME, "Ana")
                .add(PersonField.SURNAME, "Ruiz Fernández")
                .add(PersonField.DEPARTMENT, "Finance")
                .add(PersonField.MOBILE, "+49 151 23456789")
                .build());

        assertThat(employee.id()).isEqualTo("p12");
        assertThat(employee.reference()).isEqualTo(DN);
        assertThat(employee.values()).containsExactlyInAnyOrderEntriesOf(Map.of(
                PersonField.GIVEN_NAME, "Ana", PersonField.SURNAME, "Ruiz Fernández",
                PersonField.DEPARTMENT, "Finance", PersonField.MOBILE, "+4915123456789"));
    }

    @Test
    void valuesTakenAsTheyAreCleanExactlyAsTheLongWayWouldForEveryCharacterWhereverItStands() {
        // the quick test decides most values; wherever it says "as is", composing and folding agree
        int taken = 0;
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String ch = String.valueOf((char) c);
            for (String value : new String[] {ch, "a" + ch, ch + "b", "a" + ch + "b", "a " + ch, ch + " b", "e" + ch,
                    ch + ch}) {
                assertThat(EntryNormaliser.text(value)).as("U+%04X in \"%s\"", c, value)
                        .isEqualTo(EntryNormaliser.folded(value));
                if (EntryNormaliser.asIs(value)) {
                    taken++;
                    assertThat(EntryNormaliser.folded(value)).as("U+%04X in \"%s\"", c, value).isEqualTo(value);
                }
            }
        }
        assertThat(taken).as("values the quick test takes as they are").isGreaterThan(8 * (0x300 - 0x80));
    }

    @Test
    void namesAreTrimmedAndInnerWhiteSpaceIsFolded() {
        Employee employee = accepted(entry()
                .add(PersonField.GIVEN_NAME, "  Ana  ")
                .add(PersonField.SURNAME, "Ruiz \t  Fernández\n")
                .build());

        assertThat(employee.value(PersonField.GIVEN_NAME)).contains("Ana");
        assertThat(employee.value(PersonField.SURNAME)).contains("Ruiz Fernández");
    }

    @Test
    void decomposedUnicodeIsComposed() {
        String decomposed = "Mu\u0308ller";
        assertThat(decomposed).isNotEqualTo("Müller");

        Employee employee = accepted(entry()
                .add(PersonField.SURNAME, decomposed)
                .add(PersonField.GIVEN_NAME, Normalizer.normalize("José", Normalizer.Form.NFD))
                .add(PersonField.DEPARTMENT, Normalizer.normalize("Zürich Büro", Normalizer.Form.NFD))
                .build());

        assertThat(employee.value(PersonField.SURNAME)).contains("Müller");
        assertThat(employee.value(PersonField.GIVEN_NAME)).contains("José");
        assertThat(employee.value(PersonField.DEPARTMENT)).contains("Zürich Büro");
    }

    @Test
    void phoneNumbersAreStoredInE164() {
        Employee employee = accepted(entry()
                .add(PersonField.MOBILE, "(0151) 2345-6789")
                .add(PersonField.WORK_PHONE, "0049 30 12345678")
                .build());

        assertThat(employee.value(PersonField.MOBILE)).contains("+4915123456789");
        assertThat(employee.value(PersonField.WORK_PHONE)).contains("+493012345678");
    }

    @Test
    void anInvalidMobileRejectsTheEntryNamingTheAttributeAndTheValue() {
        Rejection rejection = rejected(entry().add(PersonField.MOBILE, "12").build());

        assertThat(rejection.reason()).isEqualTo("mobile \"12\" is not a valid number for region DE");
        assertThat(rejection.reference()).isEqualTo(DN);
        assertThat(rejection.employeeId()).contains("p12");
    }

    @Test
    void textThatIsNoNumberRejectsTheEntryNamingTheAttributeAndTheValue() {
        assertThat(rejected(entry().add(PersonField.MOBILE, "n/a").build()).reason())
                .isEqualTo("mobile \"n/a\" is not a phone number");
        assertThat(rejected(entry().add(PersonField.WORK_PHONE, "ask reception").build()).reason())
                .isEqualTo("workPhone \"ask reception\" is not a phone number");
        assertThat(rejected(entry().add(PersonField.MOBILE, "0151 ABC").build()).reason())
                .startsWith("mobile \"0151 ABC\"");
    }

    @Test
    void anEmptyMobileIsSimplyAbsent() {
        Employee empty = accepted(entry().add(PersonField.SURNAME, "Ruiz").add(PersonField.MOBILE, "").build());
        Employee blank = accepted(entry().add(PersonField.SURNAME, "Ruiz").add(PersonField.MOBILE, "   ").build());
        Employee none = accepted(entry().add(PersonField.SURNAME, "Ruiz").build());

        assertThat(empty.value(PersonField.MOBILE)).isEmpty();
        assertThat(blank.value(PersonField.MOBILE)).isEmpty();
        assertThat(none.value(PersonField.MOBILE)).isEmpty();
        assertThat(empty.values()).containsOnlyKeys(PersonField.SURNAME);
    }

    @Test
    void ofSeveralValuesTheFirstNonEmptyOneIsKept() {
        Employee employee = accepted(entry()
                .add(PersonField.MOBILE, " ")
                .add(PersonField.MOBILE, "0151 23456789")
                .add(PersonField.MOBILE, "0171 2345678")
                .build());

        assertThat(employee.value(PersonField.MOBILE)).contains("+4915123456789");
    }

    @Test
    void anEntryWithoutAnIdIsRejected() {
        Rejection noId = rejected(DirectoryEntry.builder(DN).add(PersonField.SURNAME, "Ruiz").build());
        Rejection blankId = rejected(DirectoryEntry.builder(DN).id("  ").add(PersonField.SURNAME, "Ruiz").build());

        assertThat(noId.reason()).contains("identity");
        assertThat(noId.employeeId()).isEmpty();
        assertThat(noId.reference()).isEqualTo(DN);
        assertThat(blankId.reason()).contains("identity");
    }

    @Test
    void anEntryWithTwoIdsIsRejected() {
        Rejection rejection = rejected(DirectoryEntry.builder(DN).id("p12").id("p13").build());

        assertThat(rejection.reason()).contains("2 identity values").contains("exactly one");
        assertThat(rejection.employeeId()).isEmpty();
    }

    @Test
    void theSameIdWrittenTwiceIsOneId() {
        assertThat(accepted(DirectoryEntry.builder(DN).id("p12").id(" p12 ").build()).id()).isEqualTo("p12");
    }

    @Test
    void anOverLongValueIsRejectedNamingTheAttribute() {
        Employee longest = accepted(entry().add(PersonField.DISPLAY_NAME, "x".repeat(256)).build());
        Rejection tooLong = rejected(entry().add(PersonField.DISPLAY_NAME, "x".repeat(257)).build());

        assertThat(longest.value(PersonField.DISPLAY_NAME)).hasValueSatisfying(v -> assertThat(v).hasSize(256));
        assertThat(tooLong.reason()).isEqualTo("displayName is longer than 256 characters");
        assertThat(tooLong.employeeId()).contains("p12");
    }

    @Test
    void lengthIsMeasuredAfterCleaning() {
        Employee padded = accepted(entry().add(PersonField.SURNAME, "  " + "x".repeat(256) + "   ").build());

        assertThat(padded.value(PersonField.SURNAME)).hasValueSatisfying(v -> assertThat(v).hasSize(256));
    }

    /**
     * The store keeps an employee's id in a column as long as any other value (256); an id longer than
     * that must be rejected here like any over-long value, not accepted and left to fail the whole run.
     */
    @Test
    void anOverLongIdIsRejectedLikeAnyOverLongValue() {
        Normalisation result = normaliser.normalise(DirectoryEntry.builder(DN).id("p".repeat(300)).build());

        assertThat(result).isInstanceOf(Normalisation.Rejected.class);
    }

    @Test
    void aNationalNumberIsReadAsANumberOfTheEmployeesOfficeCountry() {
        EntryNormaliser byOffice = new EntryNormaliser(PhoneNumbers.forRegion("DE"),
                EntryNormaliser.regionsByLocation("Wien=AT, Zürich=CH"));

        Employee vienna = ((Normalisation.Accepted) byOffice.normalise(DirectoryEntry.builder(DN).id("p12")
                .add(PersonField.LOCATION, "Wien").add(PersonField.MOBILE, "0664 635 8811").build())).employee();
        Employee berlin = ((Normalisation.Accepted) byOffice.normalise(DirectoryEntry.builder(DN).id("p13")
                .add(PersonField.LOCATION, "Berlin").add(PersonField.MOBILE, "0151 2345 6789").build())).employee();

        assertThat(vienna.values()).containsEntry(PersonField.MOBILE, "+436646358811");
        assertThat(berlin.values()).containsEntry(PersonField.MOBILE, "+4915123456789");
    }

    @Test
    void aBadRegionByLocationSettingIsRefusedNamingThePair() {
        Assertions.assertThatThrownBy(() -> EntryNormaliser.regionsByLocation("Wien"))
                .hasMessageContaining("\"Wien\" is not of the form Location=REGION");
        Assertions.assertThatThrownBy(() -> EntryNormaliser.regionsByLocation("Wien=XX"))
                .hasMessageContaining("\"XX\"");
    }

    @Test
    void noBreakAndOtherUnicodeSpacesAreFoldedLikeAsciiSpaces() {
        Employee employee = accepted(DirectoryEntry.builder(DN).id("p12")
                .add(PersonField.DEPARTMENT, "Finance\u00A0").add(PersonField.SURNAME, "Ruiz\u2003Molina").build());

        assertThat(employee.values()).containsEntry(PersonField.DEPARTMENT, "Finance")
                .containsEntry(PersonField.SURNAME, "Ruiz Molina");
    }

    @Test
    void anEntryItsSourceCouldNotReadIsRejectedWithTheSourcesProblems() {
        Rejection rejection = rejected(entry().add(PersonField.SURNAME, "Ruiz")
                .problem("mobile (attribute mobile) is not valid UTF-8")
                .problem("manager (attribute manager) is not a valid DN").build());

        assertThat(rejection.reason()).isEqualTo("mobile (attribute mobile) is not valid UTF-8; "
                + "manager (attribute manager) is not a valid DN");
        assertThat(rejection.withheld()).isEqualTo(rejection.reason());
        // the employee keeps their last good state rather than looking like a leaver
        assertThat(rejection.employeeId()).contains("p12");
    }

    @Test
    void theFourArgumentConstructorMakesAnEntryWithoutProblems() {
        DirectoryEntry entry = new DirectoryEntry(DN, List.of("p12"),
                Map.of(PersonField.SURNAME, List.of("Ruiz")), List.of());

        assertThat(entry.problems()).isEmpty();
        assertThat(accepted(entry).value(PersonField.SURNAME)).contains("Ruiz");
    }

    @Test
    void aControlCharacterInAValueRejectsTheEntryNamingTheFieldButNotTheValue() {
        Rejection nul = rejected(entry().add(PersonField.SURNAME, "Ruiz\u0000Molina").build());
        Rejection c1 = rejected(entry().add(PersonField.DEPARTMENT, "Finance\u0085").build());
        Rejection delete = rejected(entry().add(PersonField.GIVEN_NAME, "Ana\u007F").build());

        assertThat(nul.reason()).isEqualTo("surname contains a control character (U+0000)");
        assertThat(nul.withheld()).isEqualTo("surname contains a control character");
        assertThat(nul.employeeId()).contains("p12");
        assertThat(c1.withheld()).isEqualTo("department contains a control character");
        assertThat(delete.withheld()).isEqualTo("givenName contains a control character");
        assertThat(List.of(nul, c1, delete)).allSatisfy(r -> assertThat(r.withheld())
                .doesNotContain("Ruiz").doesNotContain("Molina").doesNotContain("Finance").doesNotContain("Ana"));
    }

    @Test
    void aControlCharacterInAnyOfSeveralValuesRejectsTheEntry() {
        Rejection rejection = rejected(entry().add(PersonField.MOBILE, "0151 23456789")
                .add(PersonField.MOBILE, "0171\u00002345678").build());

        assertThat(rejection.withheld()).isEqualTo("mobile contains a control character");
    }

    @Test
    void tabsAndLineBreaksAreOrdinaryWhiteSpaceNotControlCharacters() {
        Employee employee = accepted(entry().add(PersonField.DISPLAY_NAME, "Ana\tRuiz\r\n").build());

        assertThat(employee.value(PersonField.DISPLAY_NAME)).contains("Ana Ruiz");
    }

    @Test
    void aControlCharacterInTheIdentityRejectsTheEntryWithoutAnId() {
        Rejection rejection = rejected(DirectoryEntry.builder(DN).id("p\u000012").build());

        assertThat(rejection.withheld()).isEqualTo("its identity value contains a control character");
        assertThat(rejection.employeeId()).isEmpty();
    }

    @Test
    void halfASurrogatePairIsNotTextAndRejectsTheEntry() {
        Rejection rejection = rejected(entry().add(PersonField.SURNAME, "Ruiz\uD800").build());

        assertThat(rejection.reason()).isEqualTo("surname is not valid UTF-8 (it holds half of a surrogate pair)");
        assertThat(accepted(entry().add(PersonField.SURNAME, "Ruiz \uD835\uDD38").build()).value(PersonField.SURNAME))
                .contains("Ruiz \uD835\uDD38");
    }

    @Test
    void aValueLargerThan1024BytesAsReadIsRejectedNamingTheField() {
        Rejection blob = rejected(entry().add(PersonField.TITLE, "x".repeat(5000)).build());
        Rejection padded = rejected(entry().add(PersonField.DISPLAY_NAME, "Ana" + " ".repeat(1100) + "Ruiz").build());

        assertThat(blob.reason()).isEqualTo("title is larger than 1024 bytes");
        assertThat(blob.withheld()).isEqualTo(blob.reason());
        assertThat(padded.reason()).isEqualTo("displayName is larger than 1024 bytes");
        assertThat(padded.employeeId()).contains("p12");
    }

    @Test
    void theByteLimitNeverTurnsAwayAValueThatFitsTheCharacterLimit() {
        // 256 characters of three bytes each: 768 bytes
        Employee employee = accepted(entry().add(PersonField.DISPLAY_NAME, "€".repeat(256)).build());

        assertThat(employee.value(PersonField.DISPLAY_NAME)).contains("€".repeat(256));
    }

    @Test
    void ofTwoMobilesTheFirstValidNumberIsUsedAndTheEntryCarriesANote() {
        Normalisation.Accepted accepted = acceptedWithNotes(entry()
                .add(PersonField.MOBILE, "12")
                .add(PersonField.MOBILE, "0151 23456789")
                .build());

        assertThat(accepted.employee().value(PersonField.MOBILE)).contains("+4915123456789");
        assertThat(accepted.notes()).containsExactly("mobile has 2 values; the first valid one is used");
    }

    @Test
    void ofTwoValidWorkPhonesTheFirstIsUsedAndTheEntryCarriesANote() {
        Normalisation.Accepted accepted = acceptedWithNotes(entry()
                .add(PersonField.WORK_PHONE, "030 12345678")
                .add(PersonField.WORK_PHONE, "0151 23456789")
                .build());

        assertThat(accepted.employee().value(PersonField.WORK_PHONE)).contains("+493012345678");
        assertThat(accepted.notes()).containsExactly("workPhone has 2 values; the first valid one is used");
        assertThat(String.join(" ", accepted.notes())).doesNotContain("030").doesNotContain("0151")
                .doesNotContain("+49");
    }

    @Test
    void whenNoneOfSeveralMobilesIsValidTheEntryIsRejectedWithTheFirstOnesReason() {
        Rejection rejection = rejected(entry().add(PersonField.MOBILE, "12").add(PersonField.MOBILE, "n/a").build());

        assertThat(rejection.reason()).isEqualTo("mobile \"12\" is not a valid number for region DE");
        assertThat(rejection.withheld()).isEqualTo("mobile is not a valid number for region DE");
    }

    @Test
    void ofSeveralNamesTheFirstThatFitsIsUsedWithANote() {
        Normalisation.Accepted accepted = acceptedWithNotes(entry()
                .add(PersonField.DISPLAY_NAME, "x".repeat(300))
                .add(PersonField.DISPLAY_NAME, "Ana Ruiz")
                .build());

        assertThat(accepted.employee().value(PersonField.DISPLAY_NAME)).contains("Ana Ruiz");
        assertThat(accepted.notes()).containsExactly("displayName has 2 values; the first valid one is used");
    }

    @Test
    void oneValueOrTheSameValueTwiceNeedsNoNote() {
        assertThat(acceptedWithNotes(entry().add(PersonField.MOBILE, "0151 23456789").build()).notes()).isEmpty();
        assertThat(acceptedWithNotes(entry().add(PersonField.SURNAME, "Ruiz").add(PersonField.SURNAME, " Ruiz ")
                .add(PersonField.SURNAME, "").build()).notes()).isEmpty();
    }

    private static DirectoryEntry.Builder entry() {
        return DirectoryEntry.builder(DN).id("p12");
    }

    private Employee accepted(DirectoryEntry entry) {
        Normalisation result = normaliser.normalise(entry);
        assertThat(result).isInstanceOf(Normalisation.Accepted.class);
        return ((Normalisation.Accepted) result).employee();
    }

    private Normalisation.Accepted acceptedWithNotes(DirectoryEntry entry) {
        Normalisation result = normaliser.normalise(entry);
        assertThat(result).isInstanceOf(Normalisation.Accepted.class);
        return (Normalisation.Accepted) result;
    }

    private Rejection rejected(DirectoryEntry entry) {
        Normalisation result = normaliser.normalise(entry);
        assertThat(result).isInstanceOf(Normalisation.Rejected.class);
        return ((Normalisation.Rejected) result).rejection();
    }
}
