package org.roster.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import org.roster.audit.AnchorFinding;
import org.roster.audit.AnchorSigner;
import org.roster.audit.AuditAnchor;
import org.roster.audit.AuditAnchors;

/**
 * Anchors the end of the audit trail outside the database, and compares the trail with the newest
 * anchor. Anchor only after the work that wrote records has committed: an anchor naming a record
 * that was rolled back would make a whole trail look cut.
 *
 * <pre>{@code
 * JpaAnchoring anchoring = new JpaAnchoring(em, tx);
 * anchoring.anchor("roster-1", signer, anchors, clock.instant());
 * AnchorFinding finding = anchoring.compare(reading.newest());
 * }</pre>
 */
public final class JpaAnchoring {

    private final EntityManager em;
    private final Transactions tx;

    public JpaAnchoring(EntityManager em, Transactions tx) {
        this.em = em;
        this.tx = tx;
    }

    /**
     * Writes an anchor naming the trail's last committed record, unless the trail isn't sealed yet.
     *
     * @return the anchor written
     */
    public Optional<AuditAnchor> anchor(String server, AnchorSigner signer, AuditAnchors anchors, Instant at) {
        Optional<AuditAnchor> anchor = tx.inTransaction(() -> {
            AuditHeadEntity head = em.find(AuditHeadEntity.class, 1);
            return head.lastMac().map(mac -> signer.sign(server, head.lastId(), mac, at));
        });
        anchor.ifPresent(anchors::append);
        return anchor;
    }

    /** What the newest anchor says about the trail as the database holds it now. */
    public AnchorFinding compare(Optional<AuditAnchor> newest) {
        return tx.inTransaction(() -> {
            Long last = em.createQuery("select max(a.id) from AuditRecordEntity a", Long.class).getSingleResult();
            List<Long> pruned = em.createQuery("select max(c.prunedThroughId) from AuditCheckpointEntity c", Long.class)
                    .getResultList();
            long prunedThrough = pruned.isEmpty() || pruned.get(0) == null ? 0 : pruned.get(0);
            Optional<String> anchoredMac = newest.map(a -> em.find(AuditRecordEntity.class, a.lastId()))
                    .flatMap(AuditRecordEntity::mac);
            return AnchorFinding.of(newest, last == null ? 0 : last, prunedThrough, anchoredMac);
        });
    }
}
