package org.roster.app.runs;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.roster.sync.RunProgress;

/**
 * Runs as numbers for monitoring at {@code /metrics}: runs by outcome, entries read and rejected,
 * contacts added, updated and removed, changes delivered and refused, and run durations. A run is
 * counted by the server that finishes it (a run resumed after a crash, with all its counts). No label carries personal data.
 */
@ApplicationScoped
public class RunMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    void finished(RunProgress progress, String status) {
        registry.counter("roster.runs", new Tag("status", status)).inc();
        registry.counter("roster.entries.read").inc(progress.read.get());
        registry.counter("roster.entries.rejected").inc(progress.rejected.get());
        registry.counter("roster.contacts", new Tag("change", "added")).inc(progress.added.get());
        registry.counter("roster.contacts", new Tag("change", "updated")).inc(progress.updated.get());
        registry.counter("roster.contacts", new Tag("change", "removed")).inc(progress.removed.get());
        registry.counter("roster.deliveries", new Tag("outcome", "delivered")).inc(progress.delivered.get());
        registry.counter("roster.deliveries", new Tag("outcome", "failed")).inc(progress.failed.get());
        registry.timer("roster.run.duration").update(Duration.ofMillis(progress.elapsedMillis()));
    }

    void failed() {
        registry.counter("roster.runs", new Tag("status", "FAILED")).inc();
    }
}
