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
     * a full read digests every entry, each digest starting from the basis's own. Not thread-safe:
     * one per thread of a read.
     */
    public static Basis under(String basis) {
        MessageDigest sha = Sha256.digest();
        Sha256.value(sha, basis);
        return new Basis(sha.digest(), sha);
    }

    /** Entries' digests under one basis. */
    public static final class Basis {
        private final byte[] basis;
        /** Used for one digest after another: reused, never shared between threads. */
        private final MessageDigest sha;

        private Basis(byte[] basis, MessageDigest sha) {
            this.basis = basis;
            this.sha = sha;
        }

        /** The digest of an entry as read, under this basis. */
        public byte[] entry(DirectoryEntry entry) {
            sha.update(basis);
            return digest(sha, entry);
        }

        /**
         * The digest, under this basis, of an entry whose source digested its content as it
         * arrived ({@link org.roster.directory.DirectorySource.Receiver}): a source either gives
         * content digests for all its entries or for none, so its fingerprints are always of one kind.
         */
        public byte[] content(byte[] contentDigest) {
            sha.update(basis);
            sha.update(CONTENT);
            sha.update(contentDigest);
            return sha.digest();
        }
    }

    /**
     * A digest per thread for {@link #bytesOf}, which both sides of a read call for every entry:
     * looking SHA-256 up or cloning it each time costs more than hashing 34 bytes.
     */
    private static final ThreadLocal<MessageDigest> SHORT = ThreadLocal.withInitial(Sha256::digest);

    /** Marks the digest of a content digest, setting it apart from the digest of a mapped entry. */
    private static final byte CONTENT = 2;

    private static byte[] digest(MessageDigest sha, DirectoryEntry entry) {
        Sha256.part(sha);
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
        MessageDigest sha = SHORT.get();
        sha.update(entryDigest);
        sha.update((byte) (choices.optedOut() ? 'o' : '-'));
        sha.update((byte) (choices.optedIn() ? 'i' : '-'));
        // 128 bits are plenty to tell one entry's versions apart
        return java.util.Arrays.copyOf(sha.digest(), 16);
    }
}
