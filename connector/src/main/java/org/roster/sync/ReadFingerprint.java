package org.roster.sync;

import java.security.MessageDigest;
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
 * <p>Two steps, because the choices are known only once the entry's identity is: a
 * {@link #under basis} digests what was read, {@link #of} adds the choices.
 *
 * <pre>{@code
 * ReadFingerprint.Basis digests = ReadFingerprint.under(basis);   // once per read
 * byte[] read = digests.entry(entry);
 * String fingerprint = ReadFingerprint.of(read, Person.SelfService.NONE);
 * }</pre>
 */
public final class ReadFingerprint {


    private ReadFingerprint() {
    }

    /**
     * Digests entries under one basis (the policy and normaliser settings), hashing the basis once:
     * a full read digests every entry. Not thread-safe: one per read.
     */
    public static Basis under(String basis) {
        MessageDigest sha = Sha256.digest();
        Sha256.value(sha, basis);
        Sha256.part(sha);
        return new Basis(sha);
    }

    /** Entries' digests under one basis. */
    public static final class Basis {
        private final MessageDigest primed;

        private Basis(MessageDigest primed) {
            this.primed = primed;
        }

        /** The digest of an entry as read, under this basis. */
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
        Sha256.value(sha, entry.reference());
        Sha256.part(sha);
        entry.ids().forEach(id -> Sha256.value(sha, id));
        // in a fixed field order: the entry's own map has none
        for (PersonField field : PersonField.values()) {
            java.util.List<String> values = entry.values().get(field);
            if (values != null) {
                Sha256.part(sha);
                Sha256.value(sha, field.policyName());
                values.forEach(value -> Sha256.value(sha, value));
            }
        }
        Sha256.part(sha);
        entry.groups().forEach(group -> Sha256.value(sha, group));
        Sha256.part(sha);
        entry.problems().forEach(problem -> Sha256.value(sha, problem));
        return sha.digest();
    }

    /** The read fingerprint: the entry's digest with the employee's self-service choices. */
    public static String of(byte[] entryDigest, Person.SelfService choices) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytesOf(entryDigest, choices));
    }

    /** The 16 bytes {@link #of} encodes. */
    static byte[] bytesOf(byte[] entryDigest, Person.SelfService choices) {
        MessageDigest sha = Sha256.digest();
        sha.update(entryDigest);
        sha.update((byte) (choices.optedOut() ? 'o' : '-'));
        sha.update((byte) (choices.optedIn() ? 'i' : '-'));
        // 128 bits are plenty to tell one entry's versions apart
        return java.util.Arrays.copyOf(sha.digest(), 16);
    }
}
