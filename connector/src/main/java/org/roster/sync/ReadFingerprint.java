package org.roster.sync;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

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
         * arrived ({@link org.roster.directory.DirectorySource.Receiver}): the content digest with
         * the basis's hash laid over it (exclusive or), which costs no second hash of every entry.
         * A source either gives content digests for all its entries or for none, so its
         * fingerprints are always of one kind.
         */
        public byte[] content(byte[] contentDigest) {
            byte[] digest = new byte[basis.length];
            for (int i = 0; i < digest.length; i++) {
                digest[i] = (byte) (contentDigest[i] ^ basis[i]);
            }
            return digest;
        }
    }

    private static byte[] digest(MessageDigest sha, DirectoryEntry entry) {
        Sha256.part(sha);
        Sha256.value(sha, entry.reference());
        Sha256.part(sha);
        entry.ids().forEach(id -> Sha256.value(sha, id));
        // in a fixed field order: the entry's own map has none
        for (PersonField field : PersonField.values()) {
            List<String> values = entry.values().get(field);
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

    /**
     * The 16 bytes {@link #of} encodes: the digest's first 16 with the mask of the choices laid over
     * them. The digests are SHA-256 values, so the four masks keep each choice's fingerprints apart
     * without hashing again.
     */
    static byte[] bytesOf(byte[] entryDigest, Person.SelfService choices) {
        byte[] mask = MASKS[choice(choices.optedOut(), choices.optedIn())];
        byte[] bytes = new byte[16];
        for (int i = 0; i < 16; i++) {
            bytes[i] = (byte) (entryDigest[i] ^ mask[i]);
        }
        return bytes;
    }

    /** The first or (from 8) second half of {@link #bytesOf} as a number, without making the bytes. */
    static long half(byte[] entryDigest, boolean optedOut, boolean optedIn, int from) {
        byte[] mask = MASKS[choice(optedOut, optedIn)];
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = (value << 8) | ((entryDigest[i] ^ mask[i]) & 0xFF);
        }
        return value;
    }

    private static int choice(boolean optedOut, boolean optedIn) {
        return (optedOut ? 2 : 0) | (optedIn ? 1 : 0);
    }

    /** One mask per combination of choices: none, opted in, opted out, both. */
    private static final byte[][] MASKS = new byte[4][];

    static {
        for (int c = 0; c < 4; c++) {
            MessageDigest sha = Sha256.digest();
            Sha256.value(sha, "roster read fingerprint; opted out " + ((c & 2) != 0) + "; opted in " + ((c & 1) != 0));
            MASKS[c] = Arrays.copyOf(sha.digest(), 16);
        }
    }
}
