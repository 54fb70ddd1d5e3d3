package org.roster.app.security;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The four-eyes rule's one question: are two actors the same person? Names are compared after
 * Unicode compatibility normalisation (NFKC) and case folding, so {@code ADMIN}, {@code admin}
 * and a full-width {@code ａｄｍｉｎ} are one person, as most identity providers treat them.
 *
 * <pre>{@code
 * FourEyes.samePerson("Admin", "ADMIN"); // true
 * }</pre>
 */
public final class FourEyes {

    private FourEyes() {
    }

    /** Whether the two names are the same person; an unknown name (null) is nobody's. */
    public static boolean samePerson(String one, String other) {
        return one != null && other != null && folded(one).equals(folded(other));
    }

    /**
     * The name as compared: NFKC, then full case folding. Java has no case-folding call; upper
     * then lower case in the root locale folds as Unicode's full folding does for names (ß and SS
     * alike), and a second NFKC keeps the result normalised.
     */
    static String folded(String name) {
        String compatible = Normalizer.normalize(name.strip(), Normalizer.Form.NFKC);
        return Normalizer.normalize(compatible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
    }
}
