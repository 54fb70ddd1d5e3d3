package org.roster.sync;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live state of a run: its stage, counts and how far it has come. Updated by the pipeline's
 * thread, read by anyone (the API, the store).
 *
 * <pre>{@code
 * RunProgress progress = new RunProgress(2000);  // entries expected, from the last complete read
 * progress.stage(RunProgress.Stage.READING);
 * progress.percent();                             // 0..100
 * }</pre>
 */
public final class RunProgress {

    /** The stages of a run, in order. */
    public enum Stage { QUEUED, READING, PLANNING, DELIVERING, DONE }

    public final AtomicLong read = new AtomicLong();
    public final AtomicLong rejected = new AtomicLong();
    public final AtomicLong inScope = new AtomicLong();
    public final AtomicLong excluded = new AtomicLong();
    public final AtomicLong gone = new AtomicLong();
    public final AtomicLong added = new AtomicLong();
    public final AtomicLong updated = new AtomicLong();
    public final AtomicLong removed = new AtomicLong();
    /** Changes the platform accepted (or recorded). */
    public final AtomicLong delivered = new AtomicLong();
    /** Changes the platform refused; they are planned again at the next run. */
    public final AtomicLong failed = new AtomicLong();
    public final AtomicLong viewersPlanned = new AtomicLong();

    /** Whether the read covered the whole directory; null until the read has ended. */
    private volatile Boolean sourceComplete;
    private final long expectedEntries;
    private final long startedNanos = System.nanoTime();
    private volatile long viewersTotal;
    private volatile Stage stage = Stage.QUEUED;

    /** @param expectedEntries how many entries the read is expected to bring (0 when unknown) */
    public RunProgress(long expectedEntries) {
        this.expectedEntries = expectedEntries;
    }

    /** How many entries the read is expected to bring, from the last complete read; 0 when unknown. */
    public long expected() {
        return expectedEntries;
    }

    /** How long the run has taken so far. */
    public long elapsedMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    public Stage stage() {
        return stage;
    }

    public void stage(Stage stage) {
        this.stage = stage;
    }

    private volatile Map<String, String> watermarks = Map.of();

    /**
     * Where each source's next read of changes starts, by source id, once this run's plan is safe;
     * a source that does not track changes has none.
     */
    public Map<String, String> watermarks() {
        return watermarks;
    }

    public void watermarks(Map<String, String> bySource) {
        this.watermarks = Map.copyOf(bySource);
    }

    public Boolean sourceComplete() {
        return sourceComplete;
    }

    public void sourceComplete(boolean complete) {
        this.sourceComplete = complete;
    }

    /** Changes planned so far: adds, updates and removes. */
    public long planned() {
        return added.get() + updated.get() + removed.get();
    }

    public void viewersTotal(long total) {
        this.viewersTotal = total;
    }

    /**
     * How far the run has come, 0 to 100: reading counts for the first 40, planning for the next
     * 30, delivering for the last 30.
     */
    public int percent() {
        return switch (stage) {
            case QUEUED -> 0;
            case READING -> expectedEntries <= 0 ? 0 : (int) Math.min(39, read.get() * 40 / expectedEntries);
            case PLANNING -> 40 + (viewersTotal <= 0 ? 0 : (int) Math.min(29, viewersPlanned.get() * 30 / viewersTotal));
            case DELIVERING -> 70 + (planned() <= 0 ? 0
                    : (int) Math.min(29, (delivered.get() + failed.get()) * 30 / planned()));
            case DONE -> 100;
        };
    }
}
