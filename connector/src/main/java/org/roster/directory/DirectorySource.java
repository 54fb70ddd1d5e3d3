package org.roster.directory;

import java.util.function.Consumer;

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

    /** Whether the source can read only what changed ({@link #readChanges}). */
    default boolean tracksChanges() {
        return false;
    }

    /**
     * How a read of changes went, the watermark the next one starts from (the same as before when
     * nothing changed; saved only once the run's changes are planned), and the ids of employees the
     * source reported deleted (sources such as Graph's delta say so; LDAP searches can't).
     */
    record ChangeRead(ReadSummary summary, String watermark, java.util.Set<String> deleted) {
        public ChangeRead {
            deleted = java.util.Set.copyOf(deleted);
        }

        public ChangeRead(ReadSummary summary, String watermark) {
            this(summary, watermark, java.util.Set.of());
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
