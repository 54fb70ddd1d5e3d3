package org.roster.sync;

/**
 * The identities a read has sent to the store, kept as their string hashes only: four bytes each in
 * an open-addressed table, so that a first sync of a million employees remembers them in 8 MiB.
 * A "maybe" is all it answers: two identities may share a hash, and then a lookup in the store
 * that was not needed is made; a "no" is certain.
 */
final class MetIdentities {

    private int[] table = new int[1024];
    /** Whether a hash of 0 (the table's mark for an empty place) was added. */
    private boolean zero;
    private int size;

    void add(String id) {
        int hash = id.hashCode();
        if (hash == 0) {
            zero = true;
            return;
        }
        if ((size + 1) * 2 > table.length) {
            grow();
        }
        if (place(table, hash)) {
            size++;
        }
    }

    /** False when no identity with this one's hash was added; true when one may have been. */
    boolean mayHold(String id) {
        int hash = id.hashCode();
        if (hash == 0) {
            return zero;
        }
        int mask = table.length - 1;
        for (int i = ReadLedger.spread(hash) & mask; table[i] != 0; i = (i + 1) & mask) {
            if (table[i] == hash) {
                return true;
            }
        }
        return false;
    }

    /** Puts the hash in the table unless it is there; whether it was not. */
    private static boolean place(int[] table, int hash) {
        int mask = table.length - 1;
        int i = ReadLedger.spread(hash) & mask;
        for (; table[i] != 0; i = (i + 1) & mask) {
            if (table[i] == hash) {
                return false;
            }
        }
        table[i] = hash;
        return true;
    }

    private void grow() {
        int[] larger = new int[table.length * 2];
        for (int hash : table) {
            if (hash != 0) {
                place(larger, hash);
            }
        }
        table = larger;
    }
}
