package org.roster.records;

import java.time.Instant;

/**
 * Which audit records a query selects; every filter is optional (null selects all).
 *
 * @param actor   who acted
 * @param action  what was done, such as {@code policy.published}
 * @param subject what it was done to, such as {@code run:12} or {@code employee:p42}
 * @param from    records at or after this instant
 * @param to      records before this instant
 * @param before  records with a lower id: the next page back
 */
public record AuditQuery(String actor, String action, String subject, Instant from, Instant to, Long before) {

    /** Every record about this subject. */
    public static AuditQuery about(String subject) {
        return new AuditQuery(null, null, subject, null, null, null);
    }
}
