package org.roster.records;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.roster.schedule.Schedule;

/**
 * A port: when each source is synced on its own, and which fire times are due. Every method works
 * in the caller's unit of work; a due schedule is claimed so that one server fires it.
 *
 * <pre>{@code
 * Optional<Instant> fireTime = schedules.claimDue("corp", now);
 * fireTime.ifPresent(at -> schedules.fired("corp", at, runs.start(...), now));
 * }</pre>
 */
public interface Schedules {

    /** Every source's schedule, by source id. */
    List<ScheduleRecord> all();

    /** The source's schedule, if it has one. */
    Optional<ScheduleRecord> find(String source);

    /** Gives a source that has no schedule this one; a source that has one keeps it. */
    boolean seed(String source, Schedule schedule, ZoneId zone, String actor, Instant at);

    /** Sets the source's schedule, switched on, with its next fire time from {@code at}. */
    ScheduleRecord set(String source, Schedule schedule, ZoneId zone, String actor, Instant at);

    /** Switches the source's schedule off, keeping it; empty when the source has none. */
    Optional<ScheduleRecord> disable(String source, String actor, Instant at);

    /** The sources whose schedule is on and due at {@code now}. */
    List<String> due(Instant now);

    /**
     * Claims the source's schedule if it is still on and due, passing over it when another server
     * holds it, until the caller's unit of work ends.
     *
     * @return the fire time claimed, or empty
     */
    Optional<Instant> claimDue(String source, Instant now);

    /** The claimed fire time started this run: the schedule moves on to its next fire time. */
    ScheduleRecord fired(String source, Instant fireTime, long runId, Instant now);
}
