package org.roster.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.roster.audit.HashChain;
import org.roster.audit.RecordSeal;

/**
 * Seals a trail written before records carried seals, once: each record gets the seal it would
 * have got when it was written, under the head's lock, after its hash chain was checked. Sealing
 * says nothing about what happened to the records before; the check's outcome is returned so that
 * the act can be audited with it, and a hash chain that was broken stays broken.
 *
 * <p>A trail that was sealed before (some record carries a seal, or an anchor outside the database
 * names it) is never sealed again: someone who stripped the seals from records they rewrote would
 * otherwise have Roster seal their version.
 *
 * <pre>{@code
 * JpaAuditSealing.Outcome outcome = new JpaAuditSealing(em, tx).sealWrittenBefore(seal, anchored);
 * }</pre>
 */
public final class JpaAuditSealing {

    private static final int PAGE = 1000;

    private final EntityManager em;
    private final Transactions tx;

    public JpaAuditSealing(EntityManager em, Transactions tx) {
        this.em = em;
        this.tx = tx;
    }

    /**
     * What sealing did.
     *
     * @param sealed       how many records got their seal now
     * @param refused      how many records without a seal were left so, because the trail was sealed before
     * @param chainProblem the first broken link of the hash chain found while sealing, empty if none
     */
    public record Outcome(long sealed, long refused, String chainProblem) {
    }

    /**
     * Seals the records that have no seal, if the trail was never sealed.
     *
     * @param seal           the record seal
     * @param anchoredBefore whether a genuine anchor outside the database exists (so the trail was sealed before)
     */
    public Outcome sealWrittenBefore(RecordSeal seal, boolean anchoredBefore) {
        return tx.inTransaction(() -> {
            AuditHeadEntity head = em.find(AuditHeadEntity.class, 1, LockModeType.PESSIMISTIC_WRITE);
            if (head.lastMac().isPresent()) {
                return new Outcome(0, 0, "");
            }
            long unsealed = em.createQuery("select count(a) from AuditRecordEntity a where a.mac is null", Long.class)
                    .getSingleResult();
            boolean sealedBefore = anchoredBefore || !em.createQuery(
                    "select a.id from AuditRecordEntity a where a.mac is not null", Long.class)
                    .setMaxResults(1).getResultList().isEmpty();
            if (unsealed > 0 && sealedBefore) {
                return new Outcome(0, unsealed, "");
            }
            String problem = unsealed == 0 ? "" : sealPages(seal);
            head = em.find(AuditHeadEntity.class, 1);
            AuditRecordEntity last = em.find(AuditRecordEntity.class, head.lastId());
            head.sealed(last == null ? HashChain.GENESIS : last.mac().orElse(HashChain.GENESIS));
            return new Outcome(unsealed, 0, problem);
        });
    }

    /** Seals every record without a seal, oldest first, and returns the first broken link seen. */
    private String sealPages(RecordSeal seal) {
        List<AuditCheckpointEntity> checkpoints = em.createQuery(
                "select c from AuditCheckpointEntity c order by c.prunedThroughId desc", AuditCheckpointEntity.class)
                .setMaxResults(1).getResultList();
        long expectedId = checkpoints.isEmpty() ? 0 : checkpoints.get(0).getPrunedThroughId();
        String expectedPrev = checkpoints.isEmpty() ? HashChain.GENESIS : checkpoints.get(0).getLastHash();
        String problem = "";
        long after = expectedId;
        while (true) {
            List<AuditRecordEntity> page = em.createQuery(
                            "select a from AuditRecordEntity a where a.id > :after order by a.id", AuditRecordEntity.class)
                    .setParameter("after", after).setMaxResults(PAGE).getResultList();
            List<Long> ids = new ArrayList<>();
            List<String> macs = new ArrayList<>();
            for (AuditRecordEntity record : page) {
                if (problem.isEmpty()) {
                    problem = brokenLink(expectedId, expectedPrev, record);
                }
                if (record.mac().isEmpty()) {
                    ids.add(record.getId());
                    macs.add(seal.of(record.getPrevHash(), record.getId(), record.event()));
                }
                expectedId = record.getId();
                expectedPrev = record.getHash();
                after = record.getId();
            }
            em.clear();
            sealThroughTheOwner(ids, macs);
            if (page.size() < PAGE) {
                return problem;
            }
        }
    }

    /**
     * Writes the seals through the owner's function (V23): the application's role may add audit
     * records but not change them, and the function fills only seals that are missing.
     */
    private void sealThroughTheOwner(List<Long> ids, List<String> macs) {
        if (ids.isEmpty()) {
            return;
        }
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement call = connection.prepareStatement("select seal_audit_records(?, ?)")) {
            call.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            call.setArray(2, connection.createArrayOf("varchar", macs.toArray()));
            call.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("sealing the audit trail failed: " + e.getMessage(), e);
        }
    }

    private static String brokenLink(long previousId, String previousHash, AuditRecordEntity record) {
        if (record.getId() != previousId + 1) {
            return "record " + (previousId + 1) + " is missing: the chain jumps from " + previousId + " to "
                    + record.getId();
        }
        if (!record.getPrevHash().equals(previousHash)) {
            return "record " + record.getId() + " does not link to the hash of record " + previousId;
        }
        if (!HashChain.link(previousHash, record.getId(), record.event()).equals(record.getHash())) {
            return "record " + record.getId() + " was changed after it was written: its hash does not match";
        }
        return "";
    }
}
