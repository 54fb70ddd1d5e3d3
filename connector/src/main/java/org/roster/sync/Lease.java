package org.roster.sync;

/**
 * The lease under which a server carries a run: the run, and the epoch at which this server took
 * it. Taking a run over or handing it back raises its epoch, and every write of the run names the
 * epoch its carrier holds, so a carrier that was paused while another took over writes nothing.
 *
 * <pre>{@code
 * Lease lease = new Lease(7, 3);  // run 7, carried since its epoch became 3
 * }</pre>
 *
 * @param runId the run carried
 * @param epoch the run's epoch when this carrier took it; it only grows
 */
public record Lease(long runId, long epoch) {

    public Lease {
        if (epoch < 0) {
            throw new IllegalArgumentException("a lease's epoch is 0 or more, not " + epoch);
        }
    }
}
