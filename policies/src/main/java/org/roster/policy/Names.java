package org.roster.policy;

import java.util.Locale;

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

    /** The comparable form of a DN. */
    public static String dn(String dn) {
        return dn.strip().replaceAll("\\s*([,=+])\\s*", "$1").toLowerCase(Locale.ROOT);
    }

    /** Whether {@code dn} is {@code base} or lies under it. */
    public static boolean isUnder(String dn, String base) {
        String d = dn(dn);
        String b = dn(base);
        return d.equals(b) || d.endsWith("," + b);
    }
}
