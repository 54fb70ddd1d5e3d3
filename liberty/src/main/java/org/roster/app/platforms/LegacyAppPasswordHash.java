package org.roster.app.platforms;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The salted PBKDF2-HMAC-SHA256 hashes app passwords were kept as before they were found by a
 * keyed digest ({@link AppPasswordDigest}). A row that still has one is checked this way once; on
 * success it gets its digest and loses the hash.
 *
 * <pre>{@code
 * boolean ok = LegacyAppPasswordHash.matches(password.toCharArray(), row.hash());
 * }</pre>
 */
public final class LegacyAppPasswordHash {

    private static final String SCHEME = "pbkdf2-sha256";
    private static final int KEY_BITS = 256;

    private LegacyAppPasswordHash() {
    }

    /** A hash as the earlier versions stored it: {@code pbkdf2-sha256$iterations$salt$key}. */
    public static String hash(char[] password, byte[] salt, int iterations) {
        return SCHEME + "$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(derive(password, salt, iterations));
    }

    /** Whether the password is the one hashed; false for anything that is not such a hash. */
    static boolean matches(char[] password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        try {
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            byte[] actual = derive(password, Base64.getDecoder().decode(parts[2]), Integer.parseInt(parts[1]));
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException damaged) {
            return false;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this Java runtime", e);
        }
    }
}
