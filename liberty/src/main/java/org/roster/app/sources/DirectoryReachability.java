package org.roster.app.sources;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.roster.app.config.RosterSettings;
import org.roster.directory.DirectorySource;

/**
 * Whether the enabled directory sources can be reached, asked in the background every
 * {@code roster.directory.check-every} and kept: the status endpoint and the
 * {@code roster_directory_reachable} gauge read the last answer, so a probe never waits for (or
 * loads) the directory. It is not part of readiness: Roster serves its pages, API and address
 * books from its database while the directory is away, and only runs need the directory.
 */
@ApplicationScoped
public class DirectoryReachability {

    private static final Logger LOG = Logger.getLogger(DirectoryReachability.class.getName());

    /** The last answer: every enabled source reachable or not, each source's state, and when. */
    public record Status(boolean reachable, Optional<Instant> checkedAt, Map<String, String> sources) {
        public Status {
            Objects.requireNonNull(checkedAt, "checkedAt");
            sources = Map.copyOf(sources);
        }

        static final Status NOT_YET_CHECKED = new Status(false, Optional.empty(), Map.of());
    }

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    RosterSettings settings;

    @Inject
    SourceCatalog catalog;

    @Inject
    DirectorySources sources;

    private final Clock clock = Clock.systemUTC();
    private volatile Status last = Status.NOT_YET_CHECKED;
    private ScheduledFuture<?> checking;

    /** Registers the gauge and starts asking: at once, then every {@code roster.directory.check-every}. */
    public void start() {
        registry.gauge("roster.directory.reachable", this, reachability -> reachability.last.reachable() ? 1 : 0);
        long every = settings.directoryCheckEvery().toMillis();
        checking = executor.scheduleWithFixedDelay(this::check, 0, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    public void stop() {
        if (checking != null) {
            checking.cancel(false);
        }
    }

    /** The last answer; never asks the directory. */
    public Status status() {
        return last;
    }

    void check() {
        Map<String, String> states = new LinkedHashMap<>();
        boolean reachable = true;
        try {
            var enabled = catalog.enabled();
            if (enabled.isEmpty()) {
                reachable = false;
                states.put("error", "no source is configured or enabled");
            }
            for (SourceDefinition source : enabled) {
                try {
                    sources.reader(source, null, Optional.empty()).checkReachable();
                    states.put(source.id(), "up");
                } catch (DirectorySource.DirectoryUnavailableException | IllegalArgumentException
                         | IllegalStateException e) {
                    reachable = false;
                    states.put(source.id(), e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            // the catalog lives in the database: a database away is readiness's news, not the directory's
            reachable = false;
            states.put("error", "the enabled sources could not be read (" + e.getClass().getSimpleName() + ")");
        }
        Status previous = last;
        last = new Status(reachable, Optional.of(clock.instant()), states);
        // said once when it changes (or is away at the first look), not at every check
        if (previous.checkedAt().isEmpty() ? !reachable : previous.reachable() != reachable) {
            boolean now = reachable;
            LOG.info(() -> now ? "The directory can be reached again" : "The directory can't be reached: " + states);
        }
    }
}
