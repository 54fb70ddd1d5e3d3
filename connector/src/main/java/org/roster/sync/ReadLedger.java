package org.roster.sync;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

import org.roster.policy.Person;

/**
 * What a full run knows, while it reads, about the directory as last stored: for each active
 * employee their read fingerprint, whether they receive contacts and their self-service choices;
 * and which of them this read has met. It lets an entry read again unchanged be counted and marked
 * seen without touching the database, and finds who is gone at the end of a complete read.
 *
 * <p>It holds ids and 128-bit fingerprints only (about 80 bytes an employee, some 8 MB for 100,000),
 * in open-addressed arrays rather than a map of objects; the entries themselves stream past.
 *
 * <pre>{@code
 * ReadLedger ledger = ReadLedger.load(store);
 * int slot = ledger.find("p000042");
 * if (slot >= 0 && ledger.matches(slot, ReadFingerprint.bytesOf(digest, ledger.choices(slot)))) {
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

    private String[] ids = new String[1024];
    private long[] high = new long[1024];
    private long[] low = new long[1024];
    private byte[] flags = new byte[1024];
    private int size;

    /** The ledger of every employee the store holds as active now. */
    static ReadLedger load(StateStore store) {
        ReadLedger ledger = new ReadLedger();
        store.forEachStoredRead(PAGE, ledger::add);
        return ledger;
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
        if (!read.readFingerprint().isEmpty()) {
            byte[] bytes = Base64.getUrlDecoder().decode(read.readFingerprint());
            high[slot] = bits(bytes, 0);
            low[slot] = bits(bytes, 8);
            f |= HAS_FINGERPRINT;
        }
        flags[slot] = f;
    }

    /** The employee's slot, or -1 when the store held no such active employee and this read met none. */
    int find(String id) {
        int mask = ids.length - 1;
        for (int i = spread(id.hashCode()) & mask; ids[i] != null; i = (i + 1) & mask) {
            if (ids[i].equals(id)) {
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

    /** Records that this read met the employee, whether the store held them or not. */
    void seen(String id) {
        int slot = find(id);
        seen(slot >= 0 ? slot : insert(id), false);
    }

    /** The employees the store held as active that this read did not meet, in batches. */
    void forEachUnseen(int batchSize, Consumer<List<String>> batch) {
        List<String> unseen = new ArrayList<>(batchSize);
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != null && (flags[i] & (STORED | SEEN)) == STORED) {
                unseen.add(ids[i]);
                if (unseen.size() == batchSize) {
                    batch.accept(List.copyOf(unseen));
                    unseen.clear();
                }
            }
        }
        if (!unseen.isEmpty()) {
            batch.accept(List.copyOf(unseen));
        }
    }

    private int insert(String id) {
        if ((size + 1) * 4 > ids.length * 3) {
            grow();
        }
        int mask = ids.length - 1;
        int i = spread(id.hashCode()) & mask;
        while (ids[i] != null) {
            if (ids[i].equals(id)) {
                return i;
            }
            i = (i + 1) & mask;
        }
        ids[i] = id;
        size++;
        return i;
    }

    private void grow() {
        String[] oldIds = ids;
        long[] oldHigh = high;
        long[] oldLow = low;
        byte[] oldFlags = flags;
        int capacity = oldIds.length * 2;
        ids = new String[capacity];
        high = new long[capacity];
        low = new long[capacity];
        flags = new byte[capacity];
        int mask = capacity - 1;
        for (int j = 0; j < oldIds.length; j++) {
            if (oldIds[j] != null) {
                int i = spread(oldIds[j].hashCode()) & mask;
                while (ids[i] != null) {
                    i = (i + 1) & mask;
                }
                ids[i] = oldIds[j];
                high[i] = oldHigh[j];
                low[i] = oldLow[j];
                flags[i] = oldFlags[j];
            }
        }
    }

    private static int spread(int hash) {
        // ids such as p000001, p000002 differ in their last characters: mix them into the low bits
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static long bits(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        return value;
    }
}
