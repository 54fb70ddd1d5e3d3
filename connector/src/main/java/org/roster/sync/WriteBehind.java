package org.roster.sync;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;

/**
 * The store's work during a read, done in order on a thread of its own while the reading thread
 * goes on normalising: a read costs about the larger of reading and storing, not their sum. At
 * most a few units of work wait, so memory stays bounded and a slow store slows the read down.
 * After a unit fails, the rest is skipped and the next {@link #submit} or {@link #finish} throws
 * that failure; nothing is written after it, as if the reading thread had written and failed.
 *
 * <p>The thread is started by the first unit submitted. Once the caller says the read is
 * {@link #ending}, units submitted while no thread was started are done on the caller's thread,
 * there and then: a read whose store work all comes at its end (a read of a few changes, stored
 * in one batch) would gain nothing from a thread, and starts, hands to and joins none.
 *
 * <pre>{@code
 * try (WriteBehind behind = new WriteBehind(threads, 2)) {
 *     behind.submit(() -> store.saveEntries(runId, batch, rejections));
 *     behind.ending();
 *     behind.submit(() -> store.saveEntries(runId, lastBatch, lastRejections));
 *     behind.finish();
 * }
 * }</pre>
 */
final class WriteBehind implements AutoCloseable {

    /** A plain daemon thread: where no container provides threads (tools, tests, the bench). */
    static final ThreadFactory DAEMONS = work -> {
        Thread thread = new Thread(work, "roster-store-writer");
        thread.setDaemon(true);
        return thread;
    };

    private static final Runnable END = () -> {
    };

    private final ThreadFactory threads;
    private final BlockingQueue<Runnable> waiting;
    /** The writer, once a unit was submitted before the read was ending. */
    private Thread thread;
    /** Whether the read is ending: with no writer started, units are done on the caller's thread. */
    private boolean ending;
    private volatile Throwable failure;
    private boolean closed;

    /**
     * @param waiting how many units may wait while one is being done
     */
    WriteBehind(ThreadFactory threads, int waiting) {
        this.threads = threads;
        this.waiting = new ArrayBlockingQueue<>(waiting);
    }

    private void work() {
        while (true) {
            Runnable unit;
            try {
                unit = waiting.take();
            } catch (InterruptedException e) {
                // only the end, queued by close, ends this thread: what was submitted is done or skipped
                continue;
            }
            if (unit == END) {
                return;
            }
            runUnlessFailed(unit);
        }
    }

    private void runUnlessFailed(Runnable unit) {
        if (failure == null) {
            try {
                unit.run();
            } catch (Throwable t) {
                failure = t;
            }
        }
    }

    /**
     * Queues a unit of work, waiting while the queue is full, or does it here once the read is
     * ending and no writer was started; throws an earlier unit's failure.
     */
    void submit(Runnable unit) {
        rethrow();
        if (thread == null) {
            if (ending) {
                runUnlessFailed(unit);
                return;
            }
            start();
        }
        put(unit);
    }

    /**
     * The read is over but for its last units: those submitted from now on are done on the
     * caller's thread if no writer was started, in the order submitted as ever.
     */
    void ending() {
        ending = true;
    }

    private void start() {
        thread = threads.newThread(this::work);
        if (thread == null) {
            throw new IllegalStateException("no thread was given to write the read's batches on");
        }
        thread.start();
    }

    /** Waits until everything submitted is done; throws the failure of the first unit that failed. */
    void finish() {
        close();
        rethrow();
    }

    /** The failure of the first unit that failed, if any did. */
    Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** Waits until everything submitted is done or skipped, and the thread (if one was started) has ended. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (thread == null) {
            // nothing was queued: whatever was submitted is done
            return;
        }
        put(END);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                // the store must not be written to after the read has returned: wait on
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(Runnable unit) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    waiting.put(unit);
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void rethrow() {
        Throwable t = failure;
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException("storing the read's entries failed", t);
        }
    }
}
