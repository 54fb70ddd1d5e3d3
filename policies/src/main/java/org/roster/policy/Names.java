package org.roster.policy;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How names of directory objects are compared: DNs in lower case with the spaces around commas and
 * equals signs removed, so {@code CN=Finance, OU=Groups} and {@code cn=finance,ou=groups} match.
 *
 * <pre>{@code
 * Names.dn("CN=Finance, OU=Groups,DC=example,DC=org"); // "cn=finance,ou=groups,dc=example,dc=org"
 * }</pre>
 */
public final class Names {

    private Names() {
    }

    /** White space around the separators of a DN's parts. */
    private static final Pattern AROUND_SEPARATORS = Pattern.compile("\\s*([,=+])\\s*");

    /** The comparable form of a DN. */
    public static String dn(String dn) {
        String stripped = dn.strip();
        // without any white space (a DN as a directory returns it) there is nothing around a separator
        for (int i = 0; i < stripped.length(); i++) {
            if (Character.isWhitespace(stripped.charAt(i))) {
                return AROUND_SEPARATORS.matcher(stripped).replaceAll("$1").toLowerCase(Locale.ROOT);
            }
        }
        return stripped.toLowerCase(Locale.ROOT);
    }

    /** Whether {@code dn} is {@code base} or lies under it. */
    public static boolean isUnder(String dn, String base) {
        String d = dn(dn);
        String b = dn(base);
        return d.equals(b) || d.endsWith("," + b);
    }
}
