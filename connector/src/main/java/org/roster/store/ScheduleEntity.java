package org.roster.store;

import java.time.Instant;
import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.roster.schedule.Schedule;

/** A source's sync schedule and where it stands: its next fire time and the run it last started. */
@Entity
@Table(name = "schedule")
public class ScheduleEntity {

    @Id
    @Column(name = "source_id", length = 64) private String sourceId;
    @Column(name = "kind", length = 16, nullable = false) private String kind;
    @Column(name = "expression", length = 256, nullable = false) private String expression;
    @Column(name = "zone", length = 64, nullable = false) private String zone;
    @Column(name = "enabled", nullable = false) private boolean enabled;
    @Column(name = "next_fire_at", nullable = false) private Instant nextFireAt;
    @Column(name = "last_fired_at") private Instant lastFiredAt;
    @Column(name = "last_run_id") private Long lastRunId;
    @Column(name = "updated_by", length = 256, nullable = false) private String updatedBy;
    @Column(name = "updated_at", nullable = false) private Instant updatedAt;

    protected ScheduleEntity() {
    }

    public ScheduleEntity(String sourceId) {
        this.sourceId = sourceId;
    }

    /** Sets the schedule (enabling it); its first fire time is the schedule's next one from now. */
    public void set(Schedule schedule, ZoneId zone, String actor, Instant now) {
        this.kind = schedule instanceof Schedule.Cron ? "cron" : "interval";
        this.expression = schedule.expression();
        this.zone = zone.getId();
        this.enabled = true;
        this.nextFireAt = schedule.next(now, now);
        this.updatedBy = actor;
        this.updatedAt = now;
    }

    public void disable(String actor, Instant now) {
        this.enabled = false;
        this.updatedBy = actor;
        this.updatedAt = now;
    }

    /** The schedule fired for {@code due} (starting run {@code runId}, if it did); the next fire time follows. */
    public void fired(Instant due, Long runId, Instant now) {
        this.lastFiredAt = due;
        if (runId != null) {
            this.lastRunId = runId;
        }
        this.nextFireAt = schedule().next(due, now);
    }

    public Schedule schedule() {
        return "cron".equals(kind) ? Schedule.cron(expression, ZoneId.of(zone)) : Schedule.interval(expression);
    }

    public String getSourceId() { return sourceId; }
    public String getKind() { return kind; }
    public String getExpression() { return expression; }
    public String getZone() { return zone; }
    public boolean isEnabled() { return enabled; }
    public Instant getNextFireAt() { return nextFireAt; }
    public Instant getLastFiredAt() { return lastFiredAt; }
    public Long getLastRunId() { return lastRunId; }
    public String getUpdatedBy() { return updatedBy; }
    public Instant getUpdatedAt() { return updatedAt; }
}
