package org.roster.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened, as the audit trail records it: who did what to which subject, and a
 * detail sentence. Details name ids, rules and counts, never personal data such as names or numbers.
 *
 * <pre>{@code
 * new AuditEvent(clock.instant(), "compliance", "policy.approved", "policy:7", "approved version 3 of default");
 * }</pre>
 *
 * @param at      when
 * @param actor   the user, or {@code system} for what Roster did on its own
 * @param action  a dotted verb such as {@code run.started}, {@code entry.rejected}, {@code policy.published}
 * @param subject what it concerns: {@code run:12}, {@code employee:p42}, {@code policy:3}
 * @param detail  a sentence for a person reading the trail
 */
public record AuditEvent(Instant at, String actor, String action, String subject, String detail) {

    public AuditEvent {
        // databases keep microseconds at best; a hash over nanoseconds would not survive the round trip
        at = Objects.requireNonNull(at, "at").truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        detail = detail == null ? "" : detail;
    }

    /** The actor for what Roster does by itself (scheduled and start-up runs, their decisions). */
    public static final String SYSTEM = "system";
}
