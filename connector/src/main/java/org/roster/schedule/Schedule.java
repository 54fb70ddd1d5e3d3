package org.roster.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

/**
 * When a source is synced on its own: every fixed interval, or at the times of a cron expression
 * (the five fields of Unix cron, in a time zone). Fire times that all servers missed (while they
 * were down) are not caught up one by one: the next fire time is the first one still ahead.
 *
 * <pre>{@code
 * Schedule every6h = Schedule.interval("PT6H");
 * Schedule nightly = Schedule.cron("30 2 * * 1-5", ZoneId.of("Europe/Berlin"));
 * Instant next = nightly.next(lastFireTime, now);
 * }</pre>
 */
public sealed interface Schedule {

    /** Shortest interval: a sync every few seconds would only load the directory. */
    Duration SHORTEST = Duration.ofSeconds(1);

    /** The first fire time after {@code previous} that is later than {@code now}. */
    Instant next(Instant previous, Instant now);

    /** How the schedule is written, for the API: an ISO-8601 duration or a cron expression. */
    String expression();

    /** Every {@code period}, in step with the first fire time. */
    record Interval(Duration period) implements Schedule {
        public Interval {
            Objects.requireNonNull(period, "period");
            if (period.compareTo(SHORTEST) < 0) {
                throw new IllegalArgumentException("a schedule's interval must be at least " + SHORTEST + ", not "
                        + period);
            }
        }

        @Override
        public Instant next(Instant previous, Instant now) {
            Instant next = previous.plus(period);
            if (!next.isAfter(now)) {
                // missed fire times are skipped, in step: previous + k * period, the first one after now
                long behind = Duration.between(next, now).toMillis() / period.toMillis() + 1;
                next = next.plus(period.multipliedBy(behind));
            }
            return next;
        }

        @Override
        public String expression() {
            return period.toString();
        }
    }

    /** At the times a five-field Unix cron expression names, in a time zone. */
    record Cron(String expression, ZoneId zone, ExecutionTime times) implements Schedule {
        @Override
        public Instant next(Instant previous, Instant now) {
            Instant after = previous.isAfter(now) ? previous : now;
            return times.nextExecution(after.atZone(zone)).map(ZonedDateTime::toInstant)
                    .orElseThrow(() -> new IllegalStateException("the cron expression " + expression
                            + " names no time after " + after));
        }
    }

    /** An interval written as an ISO-8601 duration, e.g. {@code PT6H}. */
    static Schedule interval(String duration) {
        try {
            return new Interval(Duration.parse(duration.strip()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + duration + "\" is not an ISO-8601 duration such as PT15M or PT6H",
                    e);
        }
    }

    /** A five-field Unix cron expression (minute hour day-of-month month day-of-week). */
    static Schedule cron(String expression, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        String text = expression.strip();
        try {
            var cron = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX)).parse(text);
            cron.validate();
            return new Cron(text, zone, ExecutionTime.forCron(cron));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + expression + "\" is not a cron expression of five fields "
                    + "(minute hour day-of-month month day-of-week), e.g. \"30 2 * * 1-5\": " + e.getMessage(), e);
        }
    }
}
