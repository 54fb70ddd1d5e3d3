package org.roster.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the anchors say, once each line's signature is checked: the newest genuine anchor of any
 * server, and the lines that were ignored, each with why. An ignored line means someone wrote to
 * the anchors (or a crash tore a line); it never counts.
 *
 * <pre>{@code
 * AnchorReading reading = AnchorReading.of(anchors.lines(), signer);
 * reading.newest().map(AuditAnchor::lastId);
 * }</pre>
 *
 * @param newest  the genuine anchor naming the latest record, if any
 * @param ignored a sentence per ignored line (at most {@value #REPORTED}, then how many more)
 */
public record AnchorReading(Optional<AuditAnchor> newest, List<String> ignored) {

    /** A flood of forged lines must not flood the answer. */
    static final int REPORTED = 20;

    public AnchorReading {
        ignored = List.copyOf(ignored);
    }

    public static AnchorReading of(Stream<AuditAnchors.Line> lines, AnchorSigner signer) {
        List<String> ignored = new ArrayList<>();
        long more = 0;
        Map<String, Long> notHeld = new TreeMap<>();
        AuditAnchor newest = null;
        for (AuditAnchors.Line line : (Iterable<AuditAnchors.Line>) lines::iterator) {
            String problem;
            if (line instanceof AuditAnchors.Read read && signer.genuine(read.anchor())) {
                if (newest == null || read.anchor().newerThan(newest)) {
                    newest = read.anchor();
                }
                continue;
            } else if (line instanceof AuditAnchors.Unreadable unreadable) {
                problem = unreadable.reason();
            } else if (line instanceof AuditAnchors.Read read && !signer.holdsKeyOf(read.anchor())) {
                // after a rotation the old key's anchors are many and expected: one sentence per key
                notHeld.merge(read.anchor().key(), 1L, Long::sum);
                continue;
            } else {
                problem = "its signature does not match Roster's key";
            }
            if (ignored.size() < REPORTED) {
                ignored.add(line.where() + " was ignored: " + problem + ".");
            } else {
                more++;
            }
        }
        notHeld.forEach((key, count) -> ignored.add(count + " anchor lines signed with key " + key
                + ", which this server does not hold, were not read."));
        if (more > 0) {
            ignored.add("and " + more + " more anchor lines were ignored.");
        }
        return new AnchorReading(Optional.ofNullable(newest), ignored);
    }
}
