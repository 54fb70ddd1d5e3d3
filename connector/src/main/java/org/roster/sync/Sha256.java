package org.roster.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The framing the change-detection digests share: values as UTF-8, each closed by a zero byte, and
 * parts (a field, a list) opened by a one byte, so that no two different sequences of values digest
 * alike.
 *
 * <pre>{@code
 * MessageDigest sha = Sha256.digest();
 * Sha256.part(sha);
 * Sha256.value(sha, employee.id());
 * }</pre>
 */
final class Sha256 {

    private static final byte VALUE_END = 0;
    private static final byte PART = 1;

    private Sha256() {
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A digest with nothing in it yet, cloned: looking the algorithm up costs more than hashing a few bytes. */
    private static final MessageDigest EMPTY = digest();

    /** A fresh SHA-256 digest, as {@link #digest()} but cloned from an empty one. */
    static MessageDigest fresh() {
        try {
            return (MessageDigest) EMPTY.clone();
        } catch (CloneNotSupportedException e) {
            return digest();
        }
    }

    static void value(MessageDigest sha, String value) {
        sha.update(value.getBytes(StandardCharsets.UTF_8));
        sha.update(VALUE_END);
    }

    static void part(MessageDigest sha) {
        sha.update(PART);
    }
}
