package org.roster.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
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
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
        actor = shortened(Objects.requireNonNull(actor, "actor"), MAX_ACTOR);
        Objects.requireNonNull(action, "action");
        subject = shortened(Objects.requireNonNull(subject, "subject"), MAX_SUBJECT);
        detail = shortened(detail == null ? "" : detail, MAX_DETAIL);
    }

    /** The longest actor the trail keeps, in characters (audit_record.actor). */
    public static final int MAX_ACTOR = 256;

    /** The longest subject the trail keeps, in characters (audit_record.subject). */
    public static final int MAX_SUBJECT = 512;

    /** The longest detail the trail keeps, in characters (audit_record.detail). */
    public static final int MAX_DETAIL = 2000;

    /**
     * The value as it fits in {@code limit} characters (Unicode code points, as the database counts
     * them): unchanged when it fits, else its beginning and a marker such as
     * {@code … [shortened: 5,321 characters]} naming its full length.
     */
    static String shortened(String value, int limit) {
        int length = value.codePointCount(0, value.length());
        if (length <= limit) {
            return value;
        }
        String marker = String.format(Locale.ROOT, "… [shortened: %,d characters]", length);
        int keep = limit - marker.codePointCount(0, marker.length());
        return value.substring(0, value.offsetByCodePoints(0, keep)) + marker;
    }

    /** The actor for what Roster does by itself (scheduled and start-up runs, their decisions). */
    public static final String SYSTEM = "system";
}
