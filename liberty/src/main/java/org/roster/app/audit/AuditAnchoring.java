package org.roster.app.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.roster.app.config.RosterSettings;
import org.roster.audit.AnchorFinding;
import org.roster.audit.AnchorReading;
import org.roster.audit.AuditAnchors;
import org.roster.audit.AuditEvent;
import org.roster.store.FileAuditAnchors;
import org.roster.store.JpaAnchoring;
import org.roster.store.JpaAuditKeyRotation;
import org.roster.store.JpaAuditSealing;
import org.roster.sync.RunLines;

/**
 * Keeps the end of the audit trail anchored outside the database: after every admin action that
 * succeeded and at the end of every run, this server appends a signed anchor (the last record's id
 * and seal) to its own file in {@code roster.audit.anchors}; verification reads every server's
 * file there. At the first start after the upgrade that introduced seals, it seals the records
 * written before.
 */
@ApplicationScoped
public class AuditAnchoring {

    private static final Logger LOG = Logger.getLogger(AuditAnchoring.class.getName());

    @Inject
    JpaAnchoring anchoring;

    @Inject
    JpaAuditSealing sealing;

    @Inject
    JpaAuditKeyRotation rotation;

    @Inject
    AuditTrail trail;

    @Inject
    AuditKeys keys;

    @Inject
    RosterSettings settings;

    @Inject @ConfigProperty(name = "roster.audit.anchors", defaultValue = "audit-anchors")
    String folder;

    private final Clock clock = Clock.systemUTC();

    private AuditAnchors anchors() {
        return new FileAuditAnchors(Path.of(folder), settings.serverId());
    }

    /**
     * Anchors the trail's last committed record. Call it only after the work that wrote records has
     * committed. A failure to write the anchor doesn't undo what was done; it is logged as severe,
     * since until the next anchor the end of the trail is not protected.
     */
    public void anchor() {
        try {
            anchoring.anchor(settings.serverId(), keys.anchorSigner(), anchors(), clock.instant());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, RunLines.prefix()
                    + "the audit trail's end could not be anchored outside the database", e);
        }
    }

    /** Every server's anchors, their signatures checked. */
    AnchorReading read() {
        try (Stream<AuditAnchors.Line> lines = anchors().lines()) {
            return AnchorReading.of(lines, keys.anchorSigner());
        }
    }

    /** What the newest genuine anchor says about the trail in the database. */
    AnchorFinding compare(AnchorReading reading) {
        return anchoring.compare(reading.newest());
    }

    /**
     * Seals the records written before records carried seals, once, audits that it did (with what
     * their hash chain looked like), and anchors the sealed trail. A trail that was sealed before is
     * never sealed again: records found without a seal in it stay so, and verification names them.
     */
    public void sealWrittenBefore() {
        boolean anchored = read().newest().isPresent();
        JpaAuditSealing.Outcome outcome = sealing.sealWrittenBefore(keys.seal(), anchored);
        if (outcome.sealed() > 0) {
            String chain = outcome.chainProblem().isEmpty() ? "their hash chain was intact"
                    : "their hash chain was already broken: " + outcome.chainProblem();
            LOG.info(() -> "Sealed " + outcome.sealed() + " audit records written before records carried seals; "
                    + chain);
            trail.log().append(List.of(new AuditEvent(clock.instant(), AuditEvent.SYSTEM, "audit.sealed", "audit",
                    "sealed " + outcome.sealed() + " records written before records carried seals; when they "
                            + "were sealed, " + chain)));
        } else if (outcome.refused() > 0) {
            LOG.severe(() -> outcome.refused() + " audit records carry no seal although the trail was sealed "
                    + "before; they stay unsealed, and verification names them");
            trail.log().append(List.of(new AuditEvent(clock.instant(), AuditEvent.SYSTEM, "audit.seal-refused", "audit",
                    "found " + outcome.refused() + " records without a seal in a trail that was sealed before; "
                            + "they were not sealed")));
        }
        anchor();
    }

    /**
     * Records a change of the audit key, once, when the trail's last record was sealed with another
     * key than the first of {@code roster.audit.signing-keys} ({@link JpaAuditKeyRotation}), and
     * anchors the trail under the new key. Call it at start, before anything else is audited.
     */
    public void rotate() {
        JpaAuditKeyRotation.Outcome outcome = rotation.rotate(trail.log(), keys.seal(), keys.signer(),
                clock.instant());
        if (outcome instanceof JpaAuditKeyRotation.Rotated rotated) {
            LOG.info(() -> "The audit key " + rotated.oldKey() + " was replaced by " + rotated.newKey()
                    + "; record " + rotated.lastOldId() + " is the last sealed with " + rotated.oldKey()
                    + ". Once every server holds the new key, the old one can be removed.");
            anchor();
        } else if (outcome instanceof JpaAuditKeyRotation.Refused refused) {
            LOG.severe(() -> "The audit key " + refused.oldKey() + " was not replaced by " + refused.newKey()
                    + " in the trail's records: the trail does not verify (" + refused.problem() + "). Keep "
                    + refused.oldKey() + " configured; verification names the broken record.");
            trail.log().append(List.of(new AuditEvent(clock.instant(), AuditEvent.SYSTEM, "audit.key-rotation-refused",
                    "audit", "the audit key " + refused.newKey() + " did not vouch for the records sealed with "
                            + refused.oldKey() + ": the trail did not verify")));
            anchor();
        }
    }
}
