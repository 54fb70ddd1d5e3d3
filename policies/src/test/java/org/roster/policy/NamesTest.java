package org.roster.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class NamesTest {

    /** A DN as large as a policy may be, so the largest a person can hand Roster in one piece. */
    private static final int LARGE = 256 * 1024;

    @Test
    void aDnAsTheDirectoryReturnsItAndOneTypedWithSpacesCompareEqual() {
        assertThat(Names.dn("CN=Finance,OU=Groups,DC=example,DC=org"))
                .isEqualTo("cn=finance,ou=groups,dc=example,dc=org");
        assertThat(Names.dn("  CN = Finance ,\tOU=Groups, DC=example,DC=org "))
                .isEqualTo("cn=finance,ou=groups,dc=example,dc=org");
        assertThat(Names.dn("cn=Ana + uid=a1, ou=People")).isEqualTo("cn=ana+uid=a1,ou=people");
    }

    @Test
    void spacesInsideAValueStay() {
        assertThat(Names.dn("CN=Ana Ruiz Fernández,OU=People")).isEqualTo("cn=ana ruiz fernández,ou=people");
        assertThat(Names.dn("CN=Ana Ruiz , OU=People")).isEqualTo("cn=ana ruiz,ou=people");
        assertThat(Names.dn("CN=Ana \t Ruiz,OU=People")).isEqualTo("cn=ana \t ruiz,ou=people");
    }

    @Test
    void isUnderComparesComparableForms() {
        assertThat(Names.isUnder("uid=a1, OU=People,dc=example,dc=org", "ou=people, dc=example, dc=org")).isTrue();
        assertThat(Names.isUnder("uid=a1,ou=people2,dc=example,dc=org", "ou=people,dc=example,dc=org")).isFalse();
    }

    /** The expression Names used before its single pass: the reference for what the pass must give. */
    private static final Pattern AROUND_SEPARATORS = Pattern.compile("\\s*([,=+])\\s*");

    private static String byExpression(String dn) {
        return AROUND_SEPARATORS.matcher(dn.strip()).replaceAll("$1").toLowerCase(Locale.ROOT);
    }

    @Test
    void theSinglePassGivesWhatTheExpressionGaveForAnyShortDn() {
        // the characters that matter (separators, the spaces the expression knew, spaces it did not,
        // letters whose lower case is longer) and a few that don't
        char[] alphabet = {'a', 'B', 'É', 'İ', ' ', ' ', '\t', '\n', '\r', '\f', '\u000B', '\u00A0', '\u2003',
                '\u001C', ',', ',', '=', '=', '+', '\\', '"', '#'};
        Random random = new Random(22);
        for (int round = 0; round < 50_000; round++) {
            StringBuilder dn = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                dn.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = dn.toString();

            assertThat(Names.dn(text)).as("DN \"%s\"", text).isEqualTo(byExpression(text));
        }
    }

    @Test
    void aDnOfAQuarterMebibyteInAnAdversarialShapeIsNormalisedWithoutHanging() {
        String spacesThenAValue = "cn=a" + " ".repeat(LARGE) + "b";
        String spacesAroundSeparators = " , = + ".repeat(LARGE / 7);
        String separatorsAndSpacesAlternating = "= ".repeat(LARGE / 2) + "x";
        String manyShortRuns = "a  ".repeat(LARGE / 3) + ",";

        // a generous guard against hanging, not a measure of speed (the bench module's JMH hot spots measure it)
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertThat(Names.dn(spacesThenAValue)).isEqualTo("cn=a" + " ".repeat(LARGE) + "b");
            assertThat(Names.dn(spacesAroundSeparators)).isEqualTo(",=+".repeat(LARGE / 7));
            assertThat(Names.dn(separatorsAndSpacesAlternating)).isEqualTo("=".repeat(LARGE / 2) + "x");
            assertThat(Names.dn(manyShortRuns)).isEqualTo("a  ".repeat(LARGE / 3 - 1) + "a,");
        });
    }
}
