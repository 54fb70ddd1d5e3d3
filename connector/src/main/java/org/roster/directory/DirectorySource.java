package org.roster.directory;

import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A port: a directory Roster reads employees from (LDAP, Entra ID). Adapters translate their own
 * types into {@link DirectoryEntry}s at the edge; the core never sees them.
 *
 * <p>Reading streams: entries are handed to the consumer one by one as they arrive, so a directory
 * of any size is read in constant memory.
 *
 * <pre>{@code
 * DirectorySource.ReadSummary summary = source.readAll(entry -> pipeline.accept(entry));
 * if (!summary.complete()) {
 *     // plan no removals
 * }
 * }</pre>
 */
public interface DirectorySource {

    /**
     * Reads every entry in scope of the source, handing each to {@code sink}.
     *
     * @return how the read went; a read that stopped part-way returns {@code complete() == false}
     *         with the reason, after handing over the entries it did read
     */
    ReadSummary readAll(Consumer<DirectoryEntry> sink);

    /**
     * Reads only the entries changed since a watermark an earlier read returned (all of them when
     * {@code since} is null), handing each to {@code sink}. Deletions are not seen this way: a full
     * read ({@link #readAll}) now and then finds who is gone.
     *
     * @throws UnsupportedOperationException if the source can only be read in full
     */
    default ChangeRead readChanges(String since, Consumer<DirectoryEntry> sink) {
        throw new UnsupportedOperationException("this source can only be read in full");
    }

    /**
     * Reads every entry in scope, as {@link #readAll(Consumer)}, for a receiver that may already hold
     * entries exactly as the source hands them over: a source that can digest an entry's content as
     * it arrives asks the receiver before it maps the entry, and hands a held one on unmapped. By
     * default every entry is mapped and handed on without a content digest.
     */
    default ReadSummary readAll(Receiver receiver) {
        return readAll(entry -> receiver.entry(entry, null));
    }

    /** Reads the changes since a watermark, as {@link #readChanges(String, Consumer)}, for a {@link Receiver}. */
    default ChangeRead readChanges(String since, Receiver receiver) {
        return readChanges(since, entry -> receiver.entry(entry, null));
    }

    /**
     * What a read hands its entries to when the reader keeps what it last read: a directory read
     * again unchanged then costs a digest per entry, not a mapping. The content digest of an entry
     * covers everything its mapping depends on (the source's mapping settings, the entry's name and
     * every value as the source returned it), so equal digests mean the entry would map the same.
     *
     * <p>Entries arrive at {@link #entry} and {@link #held} in read order, on the reader's thread;
     * {@link #holds} may be asked on another thread, ahead of them.
     */
    interface Receiver {

        /** What {@link #holds} answers for an entry the receiver does not hold. */
        int NOT_HELD = -1;

        /**
         * Whether the receiver already holds the entry with this identity exactly as its content
         * digest says, so that it need not be mapped: a handle of at least 0 that {@link #held} gets
         * back if so, {@link #NOT_HELD} if not. Asked on the source's reading thread, before the
         * entry's turn: it must read only what stays fixed while the read runs.
         */
        int holds(String id, byte[] content);

        /**
         * An entry as mapped.
         *
         * @param content the digest of the entry's content as the source returned it; null when the
         *                source digests none (the receiver digests the mapped entry, if it wants one)
         */
        void entry(DirectoryEntry entry, byte[] content);

        /**
         * In place of {@link #entry}, an entry {@link #holds} said is held, with the handle it gave.
         * Should the receiver find at its turn that it needs the entry after all (a second entry
         * with the same identity), {@code mapped} maps it.
         */
        void held(int handle, byte[] content, Supplier<DirectoryEntry> mapped);
    }

    /** Whether the source can read only what changed ({@link #readChanges}). */
    default boolean tracksChanges() {
        return false;
    }

    /**
     * How a read of changes went, the watermark the next one starts from (the same as before when
     * nothing changed; saved only once the run's changes are planned), and the ids of employees the
     * source reported deleted (sources such as Graph's delta say so; LDAP searches can't).
     */
    record ChangeRead(ReadSummary summary, String watermark, Set<String> deleted) {
        public ChangeRead {
            deleted = Set.copyOf(deleted);
        }

        public ChangeRead(ReadSummary summary, String watermark) {
            this(summary, watermark, Set.of());
        }
    }

    /** Checks that the source can be reached and read, without reading entries. */
    void checkReachable() throws DirectoryUnavailableException;

    /**
     * How a read went.
     *
     * @param entries  how many entries were handed over
     * @param complete whether the whole source was read; only a complete read may remove anyone
     * @param problem  why the read is incomplete, empty when complete
     */
    record ReadSummary(long entries, boolean complete, String problem) {
        public static ReadSummary complete(long entries) {
            return new ReadSummary(entries, true, "");
        }

        public static ReadSummary incomplete(long entries, String problem) {
            return new ReadSummary(entries, false, problem);
        }
    }

    /** The source can't be reached or read; the message says what failed, without secrets. */
    final class DirectoryUnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        public DirectoryUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
