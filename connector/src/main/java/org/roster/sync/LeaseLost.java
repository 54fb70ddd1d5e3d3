package org.roster.sync;

import java.util.Optional;

/**
 * A write of a run found that its carrier no longer holds the run's lease: another server took the
 * run over (this one had been quiet for too long) or this server handed it back. The write and the
 * unit of work around it are undone, and the carrier stops. An expected event, not an error: the
 * exception carries no stack trace.
 */
public final class LeaseLost extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Lease lease;

    public LeaseLost(Lease lease) {
        super("Run " + lease.runId() + " is no longer carried by this server: its lease at epoch " + lease.epoch()
                + " passed to another server, so this server stopped without writing to the run again.",
                null, false, false);
        this.lease = lease;
    }

    public Lease lease() {
        return lease;
    }

    /** The lease lost that this failure comes from, if it does (a writer thread may wrap it). */
    public static Optional<LeaseLost> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LeaseLost lost) {
                return Optional.of(lost);
            }
        }
        return Optional.empty();
    }
}
