package org.roster.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    private final PhoneNumbers de = PhoneNumbers.forRegion("DE");

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0151 23456789        | +4915123456789
            (0151) 2345-6789     | +4915123456789
            0151/23456789        | +4915123456789
            015123456789         | +4915123456789
            0151 2345 6789       | +4915123456789
            0151-2345-6789       | +4915123456789
            030 12345678         | +493012345678
            +49 151 23456789     | +4915123456789
            +49-151-2345-6789    | +4915123456789
            +4915123456789       | +4915123456789
            +49 (0)151 23456789  | +4915123456789
            0049 151 23456789    | +4915123456789
            """)
    void germanNumbersInEveryCommonStyleBecomeE164(String written, String e164) throws Exception {
        assertThat(de.toE164(written)).isEqualTo(e164);
    }

    @Test
    void strayWhiteSpaceAroundANumberIsIgnored() throws Exception {
        assertThat(de.toE164("  0151 23456789 ")).isEqualTo("+4915123456789");
        assertThat(de.toE164("\t+49 151 23456789\n")).isEqualTo("+4915123456789");
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            +43 664 1234567      | +436641234567
            0043 664 1234567     | +436641234567
            +33 6 12 34 56 78    | +33612345678
            +44 7400 123456      | +447400123456
            +1 650 253 0000      | +16502530000
            """)
    void aForeignNumberWrittenInternationallyKeepsItsCountry(String written, String e164) throws Exception {
        assertThat(de.toE164(written)).isEqualTo(e164);
    }

    @Test
    void aNationalNumberIsReadInTheConfiguredRegion() throws Exception {
        assertThat(PhoneNumbers.forRegion("AT").toE164("0664 1234567")).isEqualTo("+436641234567");
        assertThat(PhoneNumbers.forRegion("fr").toE164("06 12 34 56 78")).isEqualTo("+33612345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "+49 000", "0151 ABC", "0151 234"})
    void numberLikeTextThatIsNotAValidNumberIsRefusedNamingTheRegion(String written) {
        assertThatThrownBy(() -> de.toE164(written))
                .isInstanceOf(PhoneNumbers.InvalidPhoneNumberException.class)
                .hasMessage("is not a valid number for region DE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"n/a", "abc", "call reception", "", "   "})
    void textThatIsNoNumberAtAllIsRefused(String written) {
        assertThatThrownBy(() -> de.toE164(written))
                .isInstanceOf(PhoneNumbers.InvalidPhoneNumberException.class)
                .hasMessage("is not a phone number");
    }

    @Test
    void anInvalidForeignNumberIsRefusedNamingItsOwnCountry() {
        assertThatThrownBy(() -> de.toE164("+1 12"))
                .isInstanceOf(PhoneNumbers.InvalidPhoneNumberException.class)
                .hasMessage("is not a valid number for region US");
    }

    @Test
    void regionCodesAreReadCaseInsensitively() {
        assertThat(PhoneNumbers.forRegion(" de ").defaultRegion()).isEqualTo("DE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "Germany", "", "EU"})
    void anUnknownRegionIsRefused(String region) {
        assertThatThrownBy(() -> PhoneNumbers.forRegion(region))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + region + "\"")
                .hasMessageContaining("not a region with a phone numbering plan");
    }
}
