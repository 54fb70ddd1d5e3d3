package org.roster.source.ldap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;

/**
 * Runs a search on a thread of its own, at most a bounded number of entries ahead of the caller,
 * who gets every entry on its own thread: the directory server sends, and the search thread
 * decodes and maps, the next entries while the caller normalises and stores the last ones. Entries
 * cross in chunks of up to {@value #CHUNK}, and a page's last chunk as soon as the page ends. The
 * first chunks are smaller (one entry, then two, four and so on): the caller starts on the first
 * entry as soon as it is read, rather than once the first {@value #CHUNK} are. Memory holds at
 * most about {@code ahead} entries, however large the directory.
 *
 * <pre>{@code
 * Paged paged = ReadAhead.read(1_000, threads,
 *         (each, goOn) -> pages(connection, filter, entry -> each.accept(toDirectoryEntry(entry)), goOn),
 *         sink);
 * }</pre>
 *
 * <p>If the caller's handling of an entry fails, the search stops after its current page, the
 * entries read ahead are dropped, and the failure is thrown once the search thread has let go of
 * the connection.
 */
final class ReadAhead {

    /**
     * A search that hands each entry on (as read, or already mapped), and reads more pages while
     * {@code goOn} says so.
     */
    @FunctionalInterface
    interface Search<R, T> {
        R run(Consumer<T> each, BooleanSupplier goOn) throws LDAPException;
    }

    /** The threads reads ahead run on, when the caller names none: daemons, one per read. */
    static final ThreadFactory DAEMONS = work -> {
        Thread thread = new Thread(work, "roster-ldap-read-ahead");
        thread.setDaemon(true);
        return thread;
    };

    /** What the search thread puts last: its result, or why it failed. */
    private record End(Object result, Throwable failure) {
    }

    private ReadAhead() {
    }

    /**
     * Entries handed over at once: the threads meet once per chunk rather than once per entry, which
     * on a busy machine is a wake-up and often a context switch each.
     */
    static final int CHUNK = 64;

    @SuppressWarnings("unchecked")
    static <R, T> R read(int ahead, ThreadFactory threads, Search<R, T> search, Consumer<T> each)
            throws LDAPException {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(Math.max(1, ahead / CHUNK));
        AtomicBoolean stopped = new AtomicBoolean();
        Thread reader = threads.newThread(() -> {
            End end;
            Chunk chunk = new Chunk();
            try {
                R result = search.run(entry -> {
                    if (!stopped.get()) {
                        chunk.entries.add(entry);
                        if (chunk.entries.size() >= chunk.size) {
                            chunk.handOver(queue);
                        }
                    }
                }, () -> {
                    // between pages, while the server prepares the next, the caller gets what there is
                    if (!stopped.get()) {
                        chunk.handOver(queue);
                    }
                    return !stopped.get();
                });
                end = new End(result, null);
            } catch (LDAPException | RuntimeException | Error e) {
                end = new End(null, e);
            }
            if (!Thread.currentThread().isInterrupted()) {
                // interrupted, the caller has gone and waits for nothing; otherwise it gets what was
                // read, even before a failure
                if (!stopped.get()) {
                    chunk.handOver(queue);
                }
                put(queue, end);
            }
        });
        reader.start();
        End end;
        try {
            while (true) {
                Object item = queue.take();
                if (item instanceof End last) {
                    end = last;
                    break;
                }
                for (Object entry : (List<Object>) item) {
                    each.accept((T) entry);
                }
            }
        } catch (RuntimeException | Error e) {
            stopped.set(true);
            drainUntilEnd(queue);
            throw e;
        } catch (InterruptedException e) {
            stopped.set(true);
            queue.clear();
            reader.interrupt();
            Thread.currentThread().interrupt();
            throw new LDAPException(ResultCode.LOCAL_ERROR, "the read was interrupted", e);
        }
        if (end.failure() instanceof LDAPException e) {
            throw e;
        }
        if (end.failure() instanceof RuntimeException e) {
            throw e;
        }
        if (end.failure() instanceof Error e) {
            throw e;
        }
        return (R) end.result();
    }

    /** Takes what the stopped search still hands over, until its end: then it holds no connection. */
    private static void drainUntilEnd(BlockingQueue<Object> queue) {
        boolean interrupted = false;
        while (true) {
            try {
                if (queue.take() instanceof End) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The entries the search thread gathers until it hands them over. */
    private static final class Chunk {
        /** How many entries this chunk holds once full: doubled with each chunk handed over, up to {@value #CHUNK}. */
        private int size = 1;
        private List<Object> entries = new ArrayList<>(size);

        /** Puts the entries on the queue, if there are any, and starts a new chunk. */
        void handOver(BlockingQueue<Object> queue) {
            if (!entries.isEmpty()) {
                put(queue, entries);
                size = Math.min(CHUNK, size * 2);
                entries = new ArrayList<>(size);
            }
        }
    }

    private static void put(BlockingQueue<Object> queue, Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            // the caller was interrupted and cleared the queue: nobody waits for this item
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the read ahead was interrupted", e);
        }
    }
}
