package org.roster.app.platforms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How an app password is found: by an HMAC-SHA256 of it under a server key. App passwords are
 * random 120-bit tokens, too many to guess, so a slow, salted hash adds nothing but cost to every
 * guess; a keyed digest lets one indexed query find the password's row, costs microseconds per
 * guess, and gives nothing away without the key (which is in the database only sealed under the
 * secrets key; the digest keys hand it out).
 *
 * <pre>{@code
 * AppPasswordDigest digest = digestKeys.appPasswordDigest();
 * String lookup = digest.of(password);           // 64 hex digits, stored and indexed
 * boolean same = AppPasswordDigest.same(lookup, row.lookup());
 * }</pre>
 */
public final class AppPasswordDigest {

    private final SecretKeySpec key;

    public AppPasswordDigest(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the app password key must have at least 32 bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The digest of a password as stored: lower-case hex. */
    String of(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this Java runtime", e);
        }
    }

    /** Whether two digests are equal, in time that does not depend on where they differ. */
    static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII),
                b.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "AppPasswordDigest[key redacted]";
    }
}
