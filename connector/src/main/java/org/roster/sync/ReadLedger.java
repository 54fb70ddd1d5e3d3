package org.roster.sync;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

import org.roster.directory.DirectorySource;
import org.roster.policy.Person;

/**
 * What a full run knows, while it reads, about the directory as last stored: for each active
 * employee their read fingerprint, whether they receive contacts and their self-service choices;
 * what entries were last rejected as; and which of them this read has met. It lets an entry read again unchanged be counted and marked
 * seen without touching the database, and finds who is gone at the end of a complete read.
 *
 * <p>It holds ids and 128-bit fingerprints only (about 120 bytes an employee with the id's string,
 * some 12 MB for 100,000), in open-addressed arrays at most half full rather than a map of objects;
 * the entries themselves stream past.
 *
 * <pre>{@code
 * ReadLedger ledger = ReadLedger.load(store, 100_000);
 * int slot = ledger.find("p000042");
 * if (slot >= 0 && ledger.readAs(slot, digest)) {
 *     ledger.seen(slot, true);
 * }
 * }</pre>
 */
final class ReadLedger {

    private static final int PAGE = 10_000;
    private static final byte RECEIVES = 1;
    private static final byte SEEN = 2;
    /** Seen by the ledger alone: the database does not know this run has read the employee. */
    private static final byte UNCHANGED = 4;
    private static final byte OPTED_OUT = 8;
    private static final byte OPTED_IN = 16;
    /** Active in the store when the run began (not met first by this read). */
    private static final byte STORED = 32;
    private static final byte HAS_FINGERPRINT = 64;
    /** Rejected when last read as a fingerprint this ledger holds ({@link StateStore#rememberRejected}). */
    private static final int REJECTED_READ = 0x80;

    private String[] ids;
    /** Each slot's id's hash, so that a probe compares ints and follows no reference to a string. */
    private int[] hashes;
    private long[] high;
    private long[] low;
    private byte[] flags;
    private int size;
    /** What slots with {@link #REJECTED_READ} were rejected as; made when the first such slot is. */
    private long[] rejectedHigh;
    private long[] rejectedLow;

    private ReadLedger(int expected) {
        // at most half full: linear probing then takes about two probes to find an id or its absence
        int capacity = Integer.highestOneBit(Math.max(512, expected) * 2 - 1) * 2;
        ids = new String[capacity];
        hashes = new int[capacity];
        high = new long[capacity];
        low = new long[capacity];
        flags = new byte[capacity];
    }

    /**
     * The ledger of every employee the store holds as active now.
     *
     * @param expected about how many there are (the last complete read's count), so that the table
     *                 is made once at its size; more or fewer only cost a resize or some memory
     */
    static ReadLedger load(StoredReads store, long expected) {
        ReadLedger ledger = new ReadLedger((int) Math.min(Math.max(0, expected), 1 << 28));
        store.forEachStoredRead(PAGE, ledger::add);
        store.forEachRejectedRead(ledger::addRejected);
        return ledger;
    }

    private void addRejected(String employeeId, String readFingerprint) {
        int slot = insert(employeeId);
        if (rejectedHigh == null) {
            rejectedHigh = new long[ids.length];
            rejectedLow = new long[ids.length];
        }
        if (decode(readFingerprint, rejectedHigh, rejectedLow, slot)) {
            flags[slot] |= (byte) REJECTED_READ;
        }
    }

    private void add(StateStore.StoredRead read) {
        int slot = insert(read.employeeId());
        byte f = STORED;
        if (read.receives()) {
            f |= RECEIVES;
        }
        if (read.choices().optedOut()) {
            f |= OPTED_OUT;
        }
        if (read.choices().optedIn()) {
            f |= OPTED_IN;
        }
        if (decode(read.readFingerprint(), high, low, slot)) {
            f |= HAS_FINGERPRINT;
        }
        flags[slot] = f;
    }

    /** The employee's slot, or -1 when the store held no such active employee. */
    int find(String id) {
        int mask = ids.length - 1;
        int hash = spread(id.hashCode());
        for (int i = hash & mask; ids[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == hash && ids[i].equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the stored read fingerprint of the slot's employee has these bytes ({@link ReadFingerprint#bytesOf}). */
    boolean matches(int slot, byte[] fingerprint) {
        return (flags[slot] & HAS_FINGERPRINT) != 0 && high[slot] == bits(fingerprint, 0)
                && low[slot] == bits(fingerprint, 8);
    }

    /**
     * Whether the slot's employee was last read as this entry digest says, with the choices stored
     * for them: {@link #matches} without making the fingerprint's bytes.
     */
    boolean readAs(int slot, byte[] entryDigest) {
        byte f = flags[slot];
        boolean out = (f & OPTED_OUT) != 0;
        boolean in = (f & OPTED_IN) != 0;
        return (f & HAS_FINGERPRINT) != 0 && high[slot] == ReadFingerprint.half(entryDigest, out, in, 0)
                && low[slot] == ReadFingerprint.half(entryDigest, out, in, 8);
    }

    /**
     * Whether the entry with the slot's identity was rejected when last read as this entry digest
     * says (rejections do not depend on self-service choices): reading it again, it would be
     * rejected the same way.
     */
    boolean rejectedAs(int slot, byte[] entryDigest) {
        return (flags[slot] & REJECTED_READ) != 0 && rejectedHigh[slot] == ReadFingerprint.half(entryDigest, false,
                false, 0) && rejectedLow[slot] == ReadFingerprint.half(entryDigest, false, false, 8);
    }

    boolean isSeen(int slot) {
        return (flags[slot] & SEEN) != 0;
    }

    /** Seen by this read unchanged, which only the ledger knows. */
    boolean isSeenUnchanged(int slot) {
        return (flags[slot] & UNCHANGED) != 0;
    }

    boolean receives(int slot) {
        return (flags[slot] & RECEIVES) != 0;
    }

    /** The employee's self-service choices as stored when the run began. */
    Person.SelfService choices(int slot) {
        return new Person.SelfService((flags[slot] & OPTED_OUT) != 0, (flags[slot] & OPTED_IN) != 0);
    }

    /** Records that this read met the slot's employee; {@code unchanged} when only the ledger knows it. */
    void seen(int slot, boolean unchanged) {
        flags[slot] = (byte) ((flags[slot] & ~UNCHANGED) | SEEN | (unchanged ? UNCHANGED : 0));
    }

    /**
     * Records that this read met the employee. One the store did not hold is not recorded: the
     * table stays as loaded, so that {@link Holding} may read it from the source's thread.
     */
    void seen(String id) {
        int slot = find(id);
        if (slot >= 0) {
            seen(slot, false);
        }
    }

    /**
     * The source's side of the ledger, asked on the source's reading thread whether an entry is held
     * unchanged ({@link org.roster.directory.DirectorySource.Receiver#holds}). It reads only what
     * stays fixed during the read (ids, fingerprints, choices), and keeps its own record of what it
     * said is held: a second entry with the same identity is never held, so it reaches the run mapped
     * and is rejected as a duplicate there. One per read.
     */
    Holding holding() {
        return new Holding();
    }

    final class Holding {
        private final BitSet held = new BitSet();

        private Holding() {
        }

        /**
         * Whether the employee with this id was last read as this digest says (stored so, or
         * rejected so), and this is the first time it is said: a handle naming the slot and which
         * of the two ({@link ReadLedger#slotOf}, {@link ReadLedger#rejectedAgain}), or
         * {@link org.roster.directory.DirectorySource.Receiver#NOT_HELD}.
         */
        int holds(String id, byte[] digest) {
            int slot = find(id);
            if (slot < 0 || held.get(slot)) {
                return DirectorySource.Receiver.NOT_HELD;
            }
            int handle;
            if (readAs(slot, digest)) {
                handle = slot << 1;
            } else if (rejectedAs(slot, digest)) {
                handle = slot << 1 | 1;
            } else {
                return DirectorySource.Receiver.NOT_HELD;
            }
            held.set(slot);
            return handle;
        }
    }

    /** The slot a {@link Holding#holds} handle names. */
    static int slotOf(int handle) {
        return handle >>> 1;
    }

    /** Whether a {@link Holding#holds} handle says the entry was rejected so, rather than stored so. */
    static boolean rejectedAgain(int handle) {
        return (handle & 1) != 0;
    }

    /** The id of the slot's employee. */
    String id(int slot) {
        return ids[slot];
    }

    /** The identities last rejected as read that this read did not meet, in batches. */
    void forEachUnseenRejected(int batchSize, Consumer<List<String>> batch) {
        forEachIdWhose(f -> (f & REJECTED_READ) != 0 && (f & SEEN) == 0, batchSize, batch);
    }

    /** The employees the store held as active that this read did not meet, in batches. */
    void forEachUnseen(int batchSize, Consumer<List<String>> batch) {
        forEachIdWhose(f -> (f & (STORED | SEEN)) == STORED, batchSize, batch);
    }

    /** The ids of the slots whose flags pass the test, in batches. */
    private void forEachIdWhose(IntPredicate flagged, int batchSize, Consumer<List<String>> batch) {
        List<String> found = new ArrayList<>(batchSize);
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != null && flagged.test(flags[i])) {
                found.add(ids[i]);
                if (found.size() == batchSize) {
                    batch.accept(List.copyOf(found));
                    found.clear();
                }
            }
        }
        if (!found.isEmpty()) {
            batch.accept(List.copyOf(found));
        }
    }

    private int insert(String id) {
        if ((size + 1) * 2 > ids.length) {
            grow();
        }
        int mask = ids.length - 1;
        int hash = spread(id.hashCode());
        int i = hash & mask;
        while (ids[i] != null) {
            if (hashes[i] == hash && ids[i].equals(id)) {
                return i;
            }
            i = (i + 1) & mask;
        }
        ids[i] = id;
        hashes[i] = hash;
        size++;
        return i;
    }

    private void grow() {
        String[] oldIds = ids;
        int[] oldHashes = hashes;
        long[] oldHigh = high;
        long[] oldLow = low;
        byte[] oldFlags = flags;
        long[] oldRejectedHigh = rejectedHigh;
        long[] oldRejectedLow = rejectedLow;
        int capacity = oldIds.length * 2;
        ids = new String[capacity];
        hashes = new int[capacity];
        high = new long[capacity];
        low = new long[capacity];
        flags = new byte[capacity];
        rejectedHigh = oldRejectedHigh == null ? null : new long[capacity];
        rejectedLow = oldRejectedLow == null ? null : new long[capacity];
        int mask = capacity - 1;
        for (int j = 0; j < oldIds.length; j++) {
            if (oldIds[j] != null) {
                int i = oldHashes[j] & mask;
                while (ids[i] != null) {
                    i = (i + 1) & mask;
                }
                ids[i] = oldIds[j];
                hashes[i] = oldHashes[j];
                high[i] = oldHigh[j];
                low[i] = oldLow[j];
                flags[i] = oldFlags[j];
                if (oldRejectedHigh != null) {
                    rejectedHigh[i] = oldRejectedHigh[j];
                    rejectedLow[i] = oldRejectedLow[j];
                }
            }
        }
    }

    /** A string hash spread over the low bits an open-addressed table indexes by. */
    static int spread(int hash) {
        // ids such as p000001, p000002 differ in their last characters: mix them into the low bits
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /**
     * Decodes a stored fingerprint (22 characters of unpadded base64url: 128 bits and 4 zeros) into
     * the slot's two halves, without a decoder's garbage: a full run loads one per employee.
     * Anything else (none yet, or an older form) is no fingerprint.
     */
    private static boolean decode(String fingerprint, long[] high, long[] low, int slot) {
        if (fingerprint.length() != 22) {
            return false;
        }
        long h = 0;
        long l = 0;
        for (int i = 0; i < 22; i++) {
            int sextet = sextet(fingerprint.charAt(i));
            if (sextet < 0) {
                return false;
            }
            // the last character holds the last 2 bits, then the 4 zeros
            int bits = i < 21 ? 6 : 2;
            h = (h << bits) | (l >>> (64 - bits));
            l = (l << bits) | (i < 21 ? sextet : sextet >>> 4);
        }
        high[slot] = h;
        low[slot] = l;
        return true;
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : c == '_' ? 63 : -1;
    }

    private static long bits(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        return value;
    }
}
