package org.roster.sync;

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
 * <p>The thread is started when a second unit is submitted, the first one waiting until then: a
 * read whose store work is a single unit (a read of a few changes, stored in one batch once the
 * read is over) would gain nothing from it, and does that unit on the caller's thread when it
 * finishes, without a thread started, handed to and joined.
 *
 * <pre>{@code
 * try (WriteBehind behind = new WriteBehind(threads, 2)) {
 *     behind.submit(() -> store.saveEntries(runId, batch, rejections));
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
    /** The writer, once a second unit was submitted. */
    private Thread thread;
    /** The first unit, until a second one starts the writer (or the caller finishes). */
    private Runnable first;
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

    /** Queues a unit of work, waiting while the queue is full; throws an earlier unit's failure. */
    void submit(Runnable unit) {
        rethrow();
        if (thread == null) {
            if (first == null) {
                first = unit;
                return;
            }
            start();
            put(first);
            first = null;
        }
        put(unit);
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
    java.util.Optional<Throwable> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    /** Waits until everything submitted is done or skipped, and the thread (if one was started) has ended. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (thread == null) {
            // one unit at most, done here
            Runnable unit = first;
            first = null;
            if (unit != null) {
                runUnlessFailed(unit);
            }
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
