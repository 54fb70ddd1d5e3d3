package org.roster.sync;

import java.util.concurrent.atomic.AtomicLong;

/**
 * When a run's progress is saved while it reads: at most twice a second, often enough for a live
 * percentage on the Runs page, rarely enough that a large read does not pay a transaction per
 * batch. The reading thread and the store's writer thread both ask, so the clock is shared.
 */
final class ProgressSaves {

    private static final long EVERY_NANOS = 500_000_000L;

    private final RunLog runs;
    /** When progress was last saved ({@link System#nanoTime}). */
    private final AtomicLong savedAt = new AtomicLong(System.nanoTime());

    ProgressSaves(RunLog runs) {
        this.runs = runs;
    }

    /** Whether the run's progress is due to be saved; true for one caller only. */
    boolean due() {
        long now = System.nanoTime();
        long saved = savedAt.get();
        return now - saved >= EVERY_NANOS && savedAt.compareAndSet(saved, now);
    }

    /** Saves the run's progress when it is due. */
    void nowAndThen(long runId, RunProgress progress) {
        if (due()) {
            runs.saveProgress(runId, progress);
        }
    }
}
