package org.roster.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.roster.directory.DirectoryEntry;
import org.roster.policy.Person;
import org.roster.policy.PersonField;

/**
 * A digest of one entry exactly as its source handed it over (before any normalisation), of what
 * the entry was judged by (the policy and the normaliser's settings: the run's <em>basis</em>), and of
 * the employee's self-service choices. Equal read fingerprints mean normalising and deciding the
 * entry again would give what is stored, so a full run skips straight to "seen": a steady directory
 * costs a read and a hash per entry.
 *
 * <p>Two steps, because the choices are known only once the entry's identity is: {@link #entry}
 * digests what was read, {@link #of} adds the choices.
 *
 * <pre>{@code
 * byte[] read = ReadFingerprint.entry(basis, entry);
 * String fingerprint = ReadFingerprint.of(read, Person.SelfService.NONE);
 * }</pre>
 */
public final class ReadFingerprint {

    private static final byte FIELD = 0;
    private static final byte PART = 1;

    private ReadFingerprint() {
    }

    /** The digest of an entry as read, under a basis (the policy and normaliser settings). */
    public static byte[] entry(String basis, DirectoryEntry entry) {
        return under(basis).entry(entry);
    }

    /**
     * Digests entries under one basis, hashing the basis once: a full read digests every entry.
     * Not thread-safe: one per read.
     */
    public static Basis under(String basis) {
        MessageDigest sha = sha256();
        update(sha, basis);
        sha.update(PART);
        return new Basis(sha);
    }

    /** Entries' digests under one basis. */
    public static final class Basis {
        private final MessageDigest primed;

        private Basis(MessageDigest primed) {
            this.primed = primed;
        }

        /** The digest of an entry as read, as {@link ReadFingerprint#entry} gives it. */
        public byte[] entry(DirectoryEntry entry) {
            MessageDigest sha;
            try {
                sha = (MessageDigest) primed.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
            }
            return digest(sha, entry);
        }
    }

    private static byte[] digest(MessageDigest sha, DirectoryEntry entry) {
        update(sha, entry.reference());
        sha.update(PART);
        entry.ids().forEach(id -> update(sha, id));
        // in a fixed field order: the entry's own map has none
        for (PersonField field : PersonField.values()) {
            java.util.List<String> values = entry.values().get(field);
            if (values != null) {
                sha.update(PART);
                update(sha, field.policyName());
                values.forEach(value -> update(sha, value));
            }
        }
        sha.update(PART);
        entry.groups().forEach(group -> update(sha, group));
        sha.update(PART);
        entry.problems().forEach(problem -> update(sha, problem));
        return sha.digest();
    }

    /** The read fingerprint: the entry's digest with the employee's self-service choices. */
    public static String of(byte[] entryDigest, Person.SelfService choices) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytesOf(entryDigest, choices));
    }

    /** The 16 bytes {@link #of} encodes. */
    static byte[] bytesOf(byte[] entryDigest, Person.SelfService choices) {
        MessageDigest sha = sha256();
        sha.update(entryDigest);
        sha.update((byte) (choices.optedOut() ? 'o' : '-'));
        sha.update((byte) (choices.optedIn() ? 'i' : '-'));
        // 128 bits are plenty to tell one entry's versions apart
        return java.util.Arrays.copyOf(sha.digest(), 16);
    }

    private static void update(MessageDigest sha, String value) {
        sha.update(value.getBytes(StandardCharsets.UTF_8));
        sha.update(FIELD);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
