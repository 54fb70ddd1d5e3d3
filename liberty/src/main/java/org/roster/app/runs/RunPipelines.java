package org.roster.app.runs;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.roster.app.audit.AuditTrail;
import org.roster.app.config.RosterSettings;
import org.roster.app.config.TransactionalWork;
import org.roster.app.platforms.TelegramService;
import org.roster.app.sources.DirectorySources;
import org.roster.app.sources.SourceCatalog;
import org.roster.app.sources.SourceDefinition;
import org.roster.policy.PersonField;
import org.roster.policy.Policy;
import org.roster.policy.PolicyEvaluator;
import org.roster.records.Runs;
import org.roster.store.JpaRunLog;
import org.roster.store.JpaRunStores;
import org.roster.sync.ContactPlatform;
import org.roster.sync.Lease;
import org.roster.sync.MergeKey;
import org.roster.sync.StateStore;
import org.roster.sync.SyncPipeline;

/**
 * The pipeline a run reads, plans and delivers with: over the enabled sources, asking them only for
 * what the policy uses, each read in full or only for its changes since the last safely planned run.
 *
 * <pre>{@code
 * RunPipelines.Prepared prepared = pipelines.prepare(policy, store, lease, runId);
 * prepared.pipeline().run(runId, false, progress, guard, prepared.mode());
 * }</pre>
 */
@ApplicationScoped
public class RunPipelines {

    /** Where a read's batches are stored while the run's thread reads on. */
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory writerThreads;

    @Inject
    TransactionalWork tx;

    @Inject
    RosterSettings settings;

    @Inject
    SourceCatalog catalog;

    @Inject
    DirectorySources sources;

    @Inject
    TelegramService telegram;

    @Inject
    AuditTrail trail;

    @Inject
    Runs runs;

    @Inject
    JpaRunStores stores;

    @Inject
    RunCarrying carrying;

    private final Clock clock = Clock.systemUTC();

    /** Where contacts go: employees' Telegram accounts, or the configured record. */
    ContactPlatform platform() {
        return settings.telegramDelivery() ? telegram.platform() : settings.platform();
    }

    /** A run's pipeline, and how its only source reads (in full when several are merged). */
    record Prepared(SyncPipeline pipeline, SyncPipeline.ReadMode mode) {
    }

    /**
     * The pipeline over the enabled sources: one source merged by identity is read as it is; several
     * (or a merge by a field) are merged in precedence order by {@code roster.source.merge-key}.
     *
     * @param runId the run whose read modes are decided, or null for a pipeline that only delivers
     */
    Prepared prepare(Policy policy, StateStore store, Lease lease, Long runId) {
        List<SourceDefinition> enabled = catalog.enabled();
        if (enabled.isEmpty()) {
            throw new IllegalStateException("There is no directory source to read: configure one (roster.source.*) "
                    + "or add one (POST /api/sources).");
        }
        // ask the directories only for what the policy uses
        Set<PersonField> needed = EnumSet.copyOf(policy.referencedFields());
        MergeKey key = settings.mergeKey();
        Map<String, SyncPipeline.ReadMode> modes = readModes(runId, enabled, stores.runLog().carrying(lease));
        long pause = settings.deliveryPauseMillis();
        List<SyncPipeline.Source> sources = new ArrayList<>();
        for (SourceDefinition definition : enabled) {
            Set<PersonField> fields = EnumSet.copyOf(needed);
            if (!definition.settings().getOrDefault("region-by-location", "").isBlank()) {
                // the office location decides how a national number is read
                fields.add(PersonField.LOCATION);
            }
            key.field().ifPresent(fields::add);
            Optional<String> groups = policy.usesGroups() ? Optional.of(definition.settings()
                    .getOrDefault("group-attribute", "memberOf")) : Optional.empty();
            sources.add(new SyncPipeline.Source(definition.id(), definition.precedence(),
                    this.sources.reader(definition, fields, groups),
                    definition.normaliser(settings.defaultRegion(), ""), modes.get(definition.id())));
        }
        SyncPipeline pipeline;
        SyncPipeline.ReadMode mode = SyncPipeline.ReadMode.FULL;
        if (sources.size() == 1 && key.byId()) {
            SyncPipeline.Source only = sources.get(0);
            pipeline = new SyncPipeline(only.reader(), only.normaliser(), new PolicyEvaluator(policy), store,
                    platform(), trail.log(), clock).keepingWatermarkAs(only.id());
            mode = only.mode();
        } else {
            pipeline = SyncPipeline.merging(sources, key, stores.sourceRecords(),
                    new PolicyEvaluator(policy), store, platform(), trail.log(), clock);
        }
        if (writerThreads != null) {
            pipeline.writingOn(writerThreads);
        }
        return new Prepared(pipeline.delivering(settings.deliveryBatchSize(), () -> pace(pause))
                .handingBackWhen(carrying::stopping), mode);
    }

    /**
     * Paces the platform: a pause between delivery batches, as configured. The container interrupts
     * the runs' threads when the server stops: the run is then handed back before its next batch,
     * rather than failing that batch's deliveries on an interrupted thread.
     */
    private void pace(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                carrying.stop();
            }
        }
    }

    /**
     * The watermarks of the last safely planned run (it completed, or is delivering a complete
     * plan), by source; none when a full read is due ({@code roster.source.full-read-every}): a full
     * read is how leavers are found.
     */
    private Map<String, String> lastWatermarks(long runId) {
        return tx.inTransaction(() -> runs.lastSafeWatermarks(runId, settings.fullReadEvery(), clock.instant()));
    }

    /**
     * How each source reads in this run: only its changes when it tracks them and the last safely
     * planned run left it a watermark, else in full. Null {@code runId}: every source in full (the
     * pipeline only delivers).
     */
    private Map<String, SyncPipeline.ReadMode> readModes(Long runId, List<SourceDefinition> sources,
                                                                   JpaRunLog runLog) {
        Map<String, String> watermarks = runId == null ? Map.of()
                : lastWatermarks(runId);
        Map<String, SyncPipeline.ReadMode> modes = new HashMap<>();
        for (SourceDefinition source : sources) {
            String since = watermarks.get(source.id());
            modes.put(source.id(), since != null && source.tracksChanges() ? SyncPipeline.ReadMode.changesSince(since)
                    : SyncPipeline.ReadMode.FULL);
        }
        if (runId != null) {
            boolean incremental = modes.values().stream().anyMatch(SyncPipeline.ReadMode::incremental);
            runLog.readMode(runId, incremental ? "incremental" : "full");
        }
        return modes;
    }
}
