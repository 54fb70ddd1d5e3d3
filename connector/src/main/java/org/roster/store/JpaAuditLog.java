package org.roster.store;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.roster.audit.AuditEvent;
import org.roster.audit.AuditLog;
import org.roster.audit.HashChain;

/**
 * The {@link AuditLog} on Jakarta Persistence: records are inserted under a lock on the chain's
 * head row, and verified page by page so the whole trail is never in memory.
 *
 * <pre>{@code
 * AuditLog audit = new JpaAuditLog(entityManager, transactions);
 * }</pre>
 */
public final class JpaAuditLog implements AuditLog {

    private static final int PAGE = 1000;

    private final EntityManager em;
    private final Transactions tx;

    public JpaAuditLog(EntityManager em, Transactions tx) {
        this.em = em;
        this.tx = tx;
    }

    @Override
    public void append(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        tx.inTransaction(() -> {
            AuditHeadEntity head = em.find(AuditHeadEntity.class, 1, LockModeType.PESSIMISTIC_WRITE);
            long id = head.lastId();
            String hash = head.lastHash();
            for (AuditEvent event : events) {
                id++;
                String next = HashChain.link(hash, id, event);
                em.persist(new AuditRecordEntity(id, event, hash, next));
                hash = next;
            }
            head.advance(id, hash);
        });
    }

    @Override
    public Verification verify() {
        String expectedPrev = HashChain.GENESIS;
        long expectedId = 0;
        long checked = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<AuditRecordEntity> page = tx.inTransaction(() -> em.createQuery(
                            "select a from AuditRecordEntity a where a.id > :after order by a.id", AuditRecordEntity.class)
                    .setParameter("after", from).setMaxResults(PAGE).getResultList());
            for (AuditRecordEntity record : page) {
                checked++;
                if (record.getId() != expectedId + 1) {
                    return new Verification(false, checked, record.getId(), "record " + (expectedId + 1)
                            + " is missing: the chain jumps from " + expectedId + " to " + record.getId());
                }
                if (!record.getPrevHash().equals(expectedPrev)) {
                    return new Verification(false, checked, record.getId(),
                            "record " + record.getId() + " does not link to the hash of record " + expectedId);
                }
                if (!HashChain.link(expectedPrev, record.getId(), record.event()).equals(record.getHash())) {
                    return new Verification(false, checked, record.getId(),
                            "record " + record.getId() + " was changed after it was written: its hash does not match");
                }
                expectedPrev = record.getHash();
                expectedId = record.getId();
            }
            if (page.size() < PAGE) {
                break;
            }
            after = expectedId;
        }
        String end = expectedPrev;
        long endId = expectedId;
        AuditHeadEntity head = tx.inTransaction(() -> em.find(AuditHeadEntity.class, 1));
        if (head.lastId() != endId || !head.lastHash().equals(end)) {
            return new Verification(false, checked, endId + 1, "the trail ends at record " + endId
                    + " but " + head.lastId() + " records were written: the last records were deleted");
        }
        return new Verification(true, checked, -1, "");
    }
}
