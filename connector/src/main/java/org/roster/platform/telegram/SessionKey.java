package org.roster.platform.telegram;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The key TDLib encrypts one account's local session database with ({@code database_encryption_key}).
 * The caller keeps it, sealed, and hands the same key every time the session directory is opened.
 * Its {@code toString} never shows the bytes.
 *
 * <pre>{@code
 * SessionKey key = SessionKey.generate();   // at enrolment; store key.bytes() sealed
 * SessionKey same = SessionKey.of(unsealedBytes);
 * }</pre>
 */
public final class SessionKey {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;

    private SessionKey(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("a session key can't be empty: Roster encrypts every Telegram session");
        }
        this.bytes = bytes.clone();
    }

    public static SessionKey of(byte[] bytes) {
        return new SessionKey(bytes);
    }

    /** A new random 32-byte key. */
    public static SessionKey generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new SessionKey(bytes);
    }

    /** A copy of the key's bytes, to seal and store; the caller should clear it after use. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The key as TDLib's JSON carries bytes: base64. */
    String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionKey k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SessionKey[redacted]";
    }
}
