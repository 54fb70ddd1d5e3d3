package org.roster.sync;

/**
 * Names the run in every line logged while it runs: the run's thread is marked for its duration,
 * and each log line that can be written during a run starts with {@link #prefix()}, so the lines
 * of one run can be picked out of the server's log (plain or JSON) by {@code run 42: }. Lines
 * that already know their run write the same prefix through {@link #of(long)}.
 *
 * <pre>{@code
 * RunLines.during(42, () -> pipeline.run(42, false, progress, guard, mode));
 * LOG.warning(() -> RunLines.prefix() + "the read stopped after 120 entries");   // "run 42: the read ..."
 * }</pre>
 */
public final class RunLines {

    private static final ThreadLocal<Long> CURRENT = new ThreadLocal<>();

    private RunLines() {
    }

    /** Does {@code work} on this thread as run {@code runId}'s, then unmarks the thread. */
    public static void during(long runId, Runnable work) {
        Long outer = CURRENT.get();
        CURRENT.set(runId);
        try {
            work.run();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** {@code "run 42: "} on a thread doing run 42's work, else nothing. */
    public static String prefix() {
        Long current = CURRENT.get();
        return current == null ? "" : of(current);
    }

    /** {@code "run 42: "}: how a line about run 42 starts. */
    public static String of(long runId) {
        return "run " + runId + ": ";
    }
}
