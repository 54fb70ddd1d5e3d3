package org.roster.policy;

import java.util.Locale;

/**
 * How names of directory objects are compared: DNs in lower case with the spaces around commas,
 * equals signs and plus signs removed, so {@code CN=Finance, OU=Groups} and
 * {@code cn=finance,ou=groups} match.
 *
 * <pre>{@code
 * Names.dn("CN=Finance, OU=Groups,DC=example,DC=org"); // "cn=finance,ou=groups,dc=example,dc=org"
 * }</pre>
 */
public final class Names {

    private Names() {
    }

    /**
     * The comparable form of a DN. One pass over the text, so a DN of any length, however its
     * spaces and separators are arranged, costs time in proportion to its length (a DN comes from
     * a directory or a policy, neither of which Roster controls).
     */
    public static String dn(String dn) {
        String stripped = dn.strip();
        StringBuilder out = null;
        int i = 0;
        int n = stripped.length();
        while (i < n) {
            char c = stripped.charAt(i);
            if (!isSpace(c)) {
                if (out != null) {
                    out.append(c);
                }
                i++;
                continue;
            }
            int end = i;
            while (end < n && isSpace(stripped.charAt(end))) {
                end++;
            }
            // a run of white space next to a separator goes; inside a value it stays as it is
            boolean aroundSeparator = (i > 0 && isSeparator(stripped.charAt(i - 1)))
                    || (end < n && isSeparator(stripped.charAt(end)));
            if (aroundSeparator && out == null) {
                out = new StringBuilder(n).append(stripped, 0, i);
            }
            if (!aroundSeparator && out != null) {
                out.append(stripped, i, end);
            }
            i = end;
        }
        return (out == null ? stripped : out.toString()).toLowerCase(Locale.ROOT);
    }

    /** Whether {@code dn} is {@code base} or lies under it. */
    public static boolean isUnder(String dn, String base) {
        String d = dn(dn);
        String b = dn(base);
        return d.equals(b) || d.endsWith("," + b);
    }

    private static boolean isSeparator(char c) {
        return c == ',' || c == '=' || c == '+';
    }

    /** White space as a DN's text has it between its parts: the ASCII spaces, tabs and line breaks. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
