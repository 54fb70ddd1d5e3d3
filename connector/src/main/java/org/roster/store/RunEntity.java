package org.roster.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.roster.sync.RunProgress;

/** One sync run: how it was started, where it is, its counts and how it ended. */
@Entity
@Table(name = "sync_run")
public class RunEntity {

    /** How a run stands; INCOMPLETE means the directory read stopped early, so nothing was removed. */
    public enum Status { QUEUED, RUNNING, COMPLETED, INCOMPLETE, FAILED, AWAITING_APPROVAL, APPROVED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sync_run_seq")
    @SequenceGenerator(name = "sync_run_seq", sequenceName = "sync_run_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "trigger_kind", length = 32, nullable = false) private String trigger;
    @Column(name = "dry_run", nullable = false) private boolean dryRun;
    @Column(name = "status", length = 32, nullable = false)
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "stage", length = 16, nullable = false) private String stage;
    @Column(name = "progress", nullable = false) private int progress;
    @Column(name = "policy_name", length = 128, nullable = false) private String policyName;
    @Column(name = "platform", length = 32, nullable = false) private String platform;
    @Column(name = "started_at", nullable = false) private Instant startedAt;
    @Column(name = "finished_at") private Instant finishedAt;
    @Column(name = "source_complete") private Boolean sourceComplete;
    @Column(name = "error", length = 2000) private String error;
    @Column(name = "read_count", nullable = false) private long read;
    @Column(name = "rejected_count", nullable = false) private long rejected;
    @Column(name = "in_scope_count", nullable = false) private long inScope;
    @Column(name = "excluded_count", nullable = false) private long excluded;
    @Column(name = "gone_count", nullable = false) private long gone;
    @Column(name = "added_count", nullable = false) private long added;
    @Column(name = "updated_count", nullable = false) private long updated;
    @Column(name = "removed_count", nullable = false) private long removed;
    @Column(name = "delivered_count", nullable = false) private long delivered;
    @Column(name = "failed_count", nullable = false) private long failed;
    @Column(name = "removal_limit") private Long removalLimit;
    @Column(name = "decided_by", length = 256) private String decidedBy;
    /** Who started the run: a user, or {@code system}; null for runs from before it was kept. */
    @Column(name = "started_by", length = 256) private String startedBy;
    @Column(name = "owner", length = 256) private String owner;
    @Column(name = "heartbeat_at") private Instant heartbeatAt;
    /** The epoch of the run's lease: it grows when another server takes the run over or it is handed back. */
    @Column(name = "epoch", nullable = false) private long epoch;
    /** The time a schedule fired this run for; null for runs started otherwise. */
    @Column(name = "scheduled_for") private Instant scheduledFor;
    @Column(name = "read_mode", length = 16, nullable = false) private String readMode = "full";
    @Column(name = "watermark", columnDefinition = "text") private String watermark;

    protected RunEntity() {
    }

    public RunEntity(String trigger, boolean dryRun, String policyName, String platform, Instant startedAt) {
        this.trigger = trigger;
        this.dryRun = dryRun;
        this.policyName = policyName;
        this.platform = platform;
        this.startedAt = startedAt;
        this.status = Status.QUEUED;
        this.stage = RunProgress.Stage.QUEUED.name();
    }

    public void finish(Status status, Boolean sourceComplete, String error, Instant at) {
        this.status = status;
        this.sourceComplete = sourceComplete;
        this.error = error == null || error.isEmpty() ? null
                : error.length() > 2000 ? error.substring(0, 2000) : error;
        this.finishedAt = at;
        if (status == Status.COMPLETED || status == Status.INCOMPLETE) {
            this.progress = 100;
            this.stage = RunProgress.Stage.DONE.name();
        }
    }

    /**
     * An admin decided about a run that was awaiting approval: approved, it goes on to deliver its
     * plan; rejected, it ends and its plan is dropped.
     */
    public void decide(boolean approved, String admin, String note, Instant at) {
        this.status = approved ? Status.RUNNING : Status.REJECTED;
        this.decidedBy = admin;
        this.error = note;
        this.finishedAt = approved ? null : at;
        this.heartbeatAt = at;
    }

    /** This server carries the run from now on. */
    public void claim(String server, Instant at) {
        this.owner = server;
        this.heartbeatAt = at;
        if (status == Status.QUEUED) {
            status = Status.RUNNING;
        }
    }

    /** The run's counts so far, for a run that goes on where it stopped. */
    public RunProgress resumeProgress() {
        RunProgress p = new RunProgress(read);
        p.read.set(read);
        p.rejected.set(rejected);
        p.inScope.set(inScope);
        p.excluded.set(excluded);
        p.gone.set(gone);
        p.added.set(added);
        p.updated.set(updated);
        p.removed.set(removed);
        p.delivered.set(delivered);
        p.failed.set(failed);
        if (sourceComplete != null) {
            p.sourceComplete(sourceComplete);
        }
        p.watermarks(Watermarks.parse(watermark));
        p.stage(RunProgress.Stage.valueOf(stage));
        return p;
    }

    /** Who started the run, so that someone else decides about its removals (four eyes). */
    public void startedBy(String actor) {
        this.startedBy = actor;
    }

    public String getStartedBy() { return startedBy; }

    public void scheduledFor(Instant at) {
        this.scheduledFor = at;
    }

    public Instant getScheduledFor() { return scheduledFor; }

    /** Whether the run reads everything ({@code full}) or only what changed ({@code incremental}). */
    public void readMode(String mode) {
        this.readMode = mode;
    }

    public String getReadMode() { return readMode; }
    public String getWatermark() { return watermark; }
    public String getOwner() { return owner; }
    public Instant getHeartbeatAt() { return heartbeatAt; }
    public long getEpoch() { return epoch; }

    public long getDelivered() { return delivered; }
    public long getFailed() { return failed; }
    public Long getRemovalLimit() { return removalLimit; }
    public String getDecidedBy() { return decidedBy; }
    public Long getId() { return id; }
    public String getTrigger() { return trigger; }
    public boolean isDryRun() { return dryRun; }
    public Status getStatus() { return status; }
    public String getStage() { return stage; }
    public int getProgress() { return progress; }
    public String getPolicyName() { return policyName; }
    public String getPlatform() { return platform; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public Boolean getSourceComplete() { return sourceComplete; }
    public String getError() { return error; }
    public long getRead() { return read; }
    public long getRejected() { return rejected; }
    public long getInScope() { return inScope; }
    public long getExcluded() { return excluded; }
    public long getGone() { return gone; }
    public long getAdded() { return added; }
    public long getUpdated() { return updated; }
    public long getRemoved() { return removed; }
}
