package org.roster.audit;

import java.util.stream.Stream;

/**
 * A port: the append-only place outside the database where audit anchors are kept, one stream of
 * lines per server. Every server's anchors are read back, so any of them can tell that the trail
 * in the shared database was cut.
 *
 * <pre>{@code
 * anchors.append(signer.sign(serverId, lastId, lastMac, clock.instant()));
 * try (Stream<AuditAnchors.Line> lines = anchors.lines()) {
 *     AnchorReading reading = AnchorReading.of(lines, signer);
 * }
 * }</pre>
 */
public interface AuditAnchors {

    /** Appends the anchor and returns once it is on durable storage. */
    void append(AuditAnchor anchor);

    /** Every line of every server's anchors, in no particular order; the stream must be closed. */
    Stream<Line> lines();

    /** One line as it was found. */
    sealed interface Line {

        /** Where it is, for a person: a file name and line number. */
        String where();
    }

    /** A line that reads as an anchor (its signature is not checked yet). */
    record Read(String where, AuditAnchor anchor) implements Line {
    }

    /** A line that doesn't: torn by a crash, or not written by Roster. */
    record Unreadable(String where, String reason) implements Line {
    }
}
