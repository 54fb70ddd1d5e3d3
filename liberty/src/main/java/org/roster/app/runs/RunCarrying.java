package org.roster.app.runs;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.roster.app.config.RosterSettings;
import org.roster.store.JpaRunStores;
import org.roster.sync.HandedBack;
import org.roster.sync.Lease;
import org.roster.sync.LeaseLost;
import org.roster.sync.RunLines;

/**
 * The runs this server carries, each on the runs' executor under its lease, and their hand-back
 * when the server stops: a run this server lost, or handed back, is left to the server that
 * carries it now.
 *
 * <pre>{@code
 * carrying.carry(lease, () -> deliverTheRest(lease));
 * carrying.handBackAll(); // the server stops
 * }</pre>
 */
@ApplicationScoped
public class RunCarrying {

    private static final Logger LOG = Logger.getLogger(RunCarrying.class.getName());
    /** How long a stopping server waits for a delivery batch in progress before handing its run back anyway. */
    private static final Duration BATCH_WAIT = Duration.ofSeconds(30);

    @Resource(lookup = "concurrent/rosterRuns")
    ManagedExecutorService executor;

    @Inject
    RosterSettings settings;

    @Inject
    JpaRunStores stores;

    /** The runs this server carries, by id: the lease of each, and when its carrier ended. */
    private final Map<Long, Carrier> carried = new ConcurrentHashMap<>();
    /** Set once the server stops (its schedule poll has stopped): no run is taken over, delivering runs are handed back. */
    private volatile boolean stopping;

    /** A run this server carries: its lease, completed when the carrier's work has ended. */
    private record Carrier(Lease lease, CompletableFuture<Void> ended) {
    }

    /** Whether the server is stopping: it takes no run over, and its delivering runs are handed back. */
    boolean stopping() {
        return stopping;
    }

    /** The server stops (its runs' threads were interrupted): runs are handed back before their next batch. */
    void stop() {
        stopping = true;
    }

    /** Whether this server carries the run. */
    boolean carries(long runId) {
        return carried.containsKey(runId);
    }

    /**
     * Carries a run on the runs' executor under its lease, and ends the carrying however the work
     * ends: a run this server lost, or handed back, is left to the server that carries it now.
     */
    void carry(Lease lease, Runnable work) {
        Carrier carrier = new Carrier(lease, new CompletableFuture<>());
        carried.put(lease.runId(), carrier);
        if (stopping) {
            // started as the server began to stop (a schedule's poll still under way): handBackAll may
            // have looked before this run was carried, so it is handed back here, at once
            carried.remove(lease.runId(), carrier);
            carrier.ended().complete(null);
            handBack(lease, "it was started as the server began to stop");
            return;
        }
        try {
            executor.submit(() -> {
                try {
                    RunLines.during(lease.runId(), work);
                } catch (LeaseLost lost) {
                    // expected when this server was quiet too long: one plain line, no stack trace
                    LOG.info(lost.getMessage());
                } catch (HandedBack handedBack) {
                    handBack(lease, "its last batch is delivered and recorded");
                } finally {
                    carried.remove(lease.runId(), carrier);
                    carrier.ended().complete(null);
                }
            });
        } catch (RuntimeException e) {
            // the executor refused the run (the server is going down): leave it to another server now
            carried.remove(lease.runId(), carrier);
            carrier.ended().complete(null);
            handBack(lease, "this server could not take it on");
            throw e;
        }
    }

    /** Hands a run back, so that another server takes it over at its next look. */
    private void handBack(Lease lease, String state) {
        if (stores.runLog().release(lease)) {
            LOG.info(() -> "Run " + lease.runId() + " was handed back as " + settings.serverId() + " stops (" + state
                    + "); another server takes it over at its next look, or this one when it starts again.");
        }
    }

    /**
     * The server stops: it claims no more work, lets each delivering run finish the batch it is on
     * and stop there (for at most {@link #BATCH_WAIT}), and hands every run it carries back at once,
     * rather than leaving them to be taken over after {@code roster.run.stale-after}. A run still
     * reading or planning is handed back as it is: its lease is gone, so its next write stops it,
     * and the server that takes it over plans afresh.
     */
    public void handBackAll() {
        stopping = true;
        long deadline = System.nanoTime() + BATCH_WAIT.toNanos();
        for (Carrier carrier : carried.values()) {
            try {
                carrier.ended().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // still reading or planning, or its batch takes long: handed back below as it is
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        carried.values().forEach(carrier -> handBack(carrier.lease(), "it was reading or planning, or its batch "
                + "took longer than " + BATCH_WAIT.toSeconds() + " s"));
    }
}
