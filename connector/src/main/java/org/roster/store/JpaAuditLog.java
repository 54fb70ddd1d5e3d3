package org.roster.store;

import java.time.Clock;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.roster.audit.AuditEvent;
import org.roster.audit.AuditLog;
import org.roster.audit.CheckpointSigner;
import org.roster.audit.HashChain;
import org.roster.audit.RecordSeal;

/**
 * The {@link AuditLog} on Jakarta Persistence: records are inserted under a lock on the chain's
 * head row, each with its hash and its seal, and verified page by page so the whole trail is never
 * in memory.
 *
 * <pre>{@code
 * AuditLog audit = new JpaAuditLog(entityManager, transactions, checkpointSigner, recordSeal, clock);
 * }</pre>
 */
public final class JpaAuditLog implements AuditLog {

    private static final int PAGE = 1000;

    private final EntityManager em;
    private final Transactions tx;
    private final CheckpointSigner signer;
    private final RecordSeal seal;
    private final Clock clock;

    public JpaAuditLog(EntityManager em, Transactions tx, CheckpointSigner signer, RecordSeal seal,
                       Clock clock) {
        this.em = em;
        this.tx = tx;
        this.signer = signer;
        this.seal = seal;
        this.clock = clock;
    }

    /**
     * Prunes through the database function {@code prune_audit_records}: the application's role may
     * not delete audit records itself. The function runs as the schema's owner, refuses a cutoff
     * younger than the minimum retention the owner set, and writes the checkpoint signed here (the
     * key never reaches the database).
     */
    @Override
    public long prune(Instant cutoff) {
        return tx.inTransaction(() -> {
            // appenders wait while the chain's start moves
            em.find(AuditHeadEntity.class, 1, LockModeType.PESSIMISTIC_WRITE);
            List<AuditRecordEntity> last = em.createQuery("select a from AuditRecordEntity a where a.at < :cutoff "
                            + "order by a.id desc", AuditRecordEntity.class)
                    .setParameter("cutoff", cutoff).setMaxResults(1).getResultList();
            if (last.isEmpty()) {
                return 0L;
            }
            AuditRecordEntity through = last.get(0);
            Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Object deleted = em.createNativeQuery("select prune_audit_records(cast(?1 as timestamptz), ?2, ?3, "
                            + "cast(?4 as timestamptz), ?5)")
                    .setParameter(1, Timestamp.from(cutoff))
                    .setParameter(2, through.getId())
                    .setParameter(3, through.getHash())
                    .setParameter(4, Timestamp.from(at))
                    .setParameter(5, signer.sign(through.getId(), through.getHash(), at))
                    .getSingleResult();
            return ((Number) deleted).longValue();
        });
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
            String mac = null;
            for (AuditEvent event : events) {
                id++;
                String next = HashChain.link(hash, id, event);
                mac = seal.of(hash, id, event);
                em.persist(new AuditRecordEntity(id, event, hash, next, mac));
                hash = next;
            }
            head.advance(id, hash, mac);
        });
    }

    /**
     * Checks every record's link and seal. A record sealed with a key this server no longer holds (the
     * audit key was rotated and the old one removed) is checked by its hash chain only, and counts
     * once the record of the rotation ({@link JpaAuditKeyRotation}), sealed with a key it holds,
     * follows: that seal covers the previous record's hash, which through the chain covers every
     * record before, and it was written only after the trail verified with the old key.
     */
    @Override
    public Verification verify() {
        String expectedPrev = HashChain.GENESIS;
        long expectedId = 0;
        long checked = 0;
        Set<String> used = new LinkedHashSet<>();
        Set<String> notHeld = new LinkedHashSet<>();
        List<AuditCheckpointEntity> checkpoints = tx.inTransaction(() -> em.createQuery(
                "select c from AuditCheckpointEntity c order by c.prunedThroughId desc", AuditCheckpointEntity.class)
                .setMaxResults(1).getResultList());
        if (!checkpoints.isEmpty()) {
            AuditCheckpointEntity checkpoint = checkpoints.get(0);
            String key = CheckpointSigner.keyOf(checkpoint.getSignature());
            if (!signer.holdsKeyOf(checkpoint.getSignature())) {
                return new Verification(false, 0, checkpoint.getPrunedThroughId(), "the checkpoint after record "
                        + checkpoint.getPrunedThroughId() + " is signed with key " + key
                        + ", which this server does not hold", List.copyOf(used), List.of());
            }
            if (!signer.verify(checkpoint.getPrunedThroughId(), checkpoint.getLastHash(), checkpoint.getAt(),
                    checkpoint.getSignature())) {
                return new Verification(false, 0, checkpoint.getPrunedThroughId(), "the checkpoint after record "
                        + checkpoint.getPrunedThroughId() + " is not signed by Roster's key: pruned history was forged",
                        List.copyOf(used), List.of());
            }
            used.add(key);
            expectedPrev = checkpoint.getLastHash();
            expectedId = checkpoint.getPrunedThroughId();
        }
        // the first record since the last one sealed with a held key whose own key is not held
        long unvouchedId = -1;
        String unvouchedKey = "";
        long after = expectedId;
        while (true) {
            long from = after;
            List<AuditRecordEntity> page = tx.inTransaction(() -> em.createQuery(
                            "select a from AuditRecordEntity a where a.id > :after order by a.id", AuditRecordEntity.class)
                    .setParameter("after", from).setMaxResults(PAGE).getResultList());
            for (AuditRecordEntity record : page) {
                checked++;
                if (record.getId() != expectedId + 1) {
                    return new Verification(false, checked, record.getId(), "record " + (expectedId + 1)
                            + " is missing: the chain jumps from " + expectedId + " to " + record.getId(),
                            List.copyOf(used), List.copyOf(notHeld));
                }
                if (!record.getPrevHash().equals(expectedPrev)) {
                    return new Verification(false, checked, record.getId(),
                            "record " + record.getId() + " does not link to the hash of record " + expectedId,
                            List.copyOf(used), List.copyOf(notHeld));
                }
                Optional<String> key = record.mac().map(RecordSeal::keyOf);
                if (key.isPresent() && !seal.keys().contains(key.get())) {
                    if (unvouchedId < 0) {
                        unvouchedId = record.getId();
                        unvouchedKey = key.get();
                    }
                } else {
                    String unsealed = RecordSeals.problem(seal, expectedPrev, record);
                    if (!unsealed.isEmpty()) {
                        return new Verification(false, checked, record.getId(), unsealed, List.copyOf(used),
                                List.copyOf(notHeld));
                    }
                    used.add(key.orElseThrow());
                    if (unvouchedId >= 0 && !JpaAuditKeyRotation.ACTION.equals(record.event().action())) {
                        return new Verification(false, checked, unvouchedId, notHeldProblem(unvouchedId, unvouchedKey),
                                List.copyOf(used), List.copyOf(notHeld));
                    }
                    if (unvouchedId >= 0) {
                        notHeld.add(unvouchedKey);
                        unvouchedId = -1;
                    }
                }
                if (!HashChain.link(expectedPrev, record.getId(), record.event()).equals(record.getHash())) {
                    return new Verification(false, checked, record.getId(),
                            "record " + record.getId() + " was changed after it was written: its hash does not match",
                            List.copyOf(used), List.copyOf(notHeld));
                }
                expectedPrev = record.getHash();
                expectedId = record.getId();
            }
            if (page.size() < PAGE) {
                break;
            }
            after = expectedId;
        }
        if (unvouchedId >= 0) {
            return new Verification(false, checked, unvouchedId, notHeldProblem(unvouchedId, unvouchedKey),
                    List.copyOf(used), List.copyOf(notHeld));
        }
        String end = expectedPrev;
        long endId = expectedId;
        AuditHeadEntity head = tx.inTransaction(() -> em.find(AuditHeadEntity.class, 1));
        if (head.lastId() != endId || !head.lastHash().equals(end)) {
            return new Verification(false, checked, endId + 1, "the trail ends at record " + endId
                    + " but " + head.lastId() + " records were written: the last records were deleted",
                    List.copyOf(used), List.copyOf(notHeld));
        }
        return new Verification(true, checked, -1, "", List.copyOf(used), List.copyOf(notHeld));
    }

    private static String notHeldProblem(long id, String key) {
        return "record " + id + " is sealed with key " + key + ", which this server does not hold, and no record of "
                + "a rotation sealed with a key it holds vouches for it";
    }
}
