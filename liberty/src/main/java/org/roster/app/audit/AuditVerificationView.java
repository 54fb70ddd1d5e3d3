package org.roster.app.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.roster.audit.AnchorFinding;
import org.roster.audit.AnchorReading;
import org.roster.audit.AuditAnchor;
import org.roster.audit.AuditLog;

/**
 * A verification as the API answers it: the chain's own (every record's hash and seal, from the
 * latest checkpoint on) together with what the newest anchor outside the database says about the
 * trail's end. The anchor fields are absent until this or another server has written an anchor.
 *
 * @param intact          whether the chain holds and agrees with the newest anchor
 * @param records         how many records were checked
 * @param firstBrokenId   the first record that was changed, removed or replaced, or -1
 * @param problem         what is wrong, in words, empty when intact
 * @param anchoredThrough the record the newest anchor names
 * @param anchoredAt      when that anchor was written
 * @param anchoredBy      the server that wrote it
 * @param anchorWarnings  anchor lines that were ignored (forged, or torn by a crash), each with where it is
 * @param keys            the ids of the audit keys whose seals and signatures were checked
 * @param keysNotHeld     the ids of keys this server no longer holds whose records are vouched for by the
 *                        hash chain up to the record of the rotation, sealed with a key it holds
 */
public record AuditVerificationView(boolean intact, long records, long firstBrokenId, String problem,
                                    Long anchoredThrough, Instant anchoredAt, String anchoredBy,
                                    List<String> anchorWarnings, List<String> keys, List<String> keysNotHeld) {

    static AuditVerificationView of(AuditLog.Verification chain, AnchorReading reading, AnchorFinding finding) {
        String problem;
        long firstBroken;
        if (finding.holds()) {
            problem = chain.problem();
            firstBroken = chain.firstBrokenId();
        } else {
            problem = finding.problem() + (chain.intact() ? "" : " Also, " + chain.problem() + ".");
            firstBroken = chain.intact() ? finding.firstBrokenId() : chain.firstBrokenId();
        }
        Optional<AuditAnchor> anchor = reading.newest();
        return new AuditVerificationView(chain.intact() && finding.holds(), chain.records(), firstBroken, problem,
                anchor.map(AuditAnchor::lastId).orElse(null), anchor.map(AuditAnchor::at).orElse(null),
                anchor.map(AuditAnchor::server).orElse(null), reading.ignored(), chain.keys(), chain.keysNotHeld());
    }
}
