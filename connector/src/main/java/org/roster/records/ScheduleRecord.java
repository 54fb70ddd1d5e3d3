package org.roster.records;

import java.time.Instant;
import java.util.Objects;

/**
 * A source's schedule as it is kept: an interval or a cron expression, and where it stands.
 *
 * @param kind       {@code interval} or {@code cron}
 * @param zone       the zone a cron expression is read in
 * @param nextFireAt when it fires next, kept also while it is switched off
 */
public record ScheduleRecord(String source, String kind, String expression, String zone, boolean enabled,
                             Instant nextFireAt, Instant lastFiredAt, Long lastRunId, String updatedBy,
                             Instant updatedAt) {

    public ScheduleRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(expression, "expression");
    }
}
