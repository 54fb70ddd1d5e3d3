package org.roster.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.roster.audit.AuditEvent;
import org.roster.audit.AuditLog;
import org.roster.audit.CheckpointSigner;
import org.roster.audit.HashChain;
import org.roster.audit.RecordSeal;

/**
 * Moves the audit trail to a new audit key without touching its history: when the trail's last
 * record is sealed with another key than the one that seals now, the trail is verified with the
 * keys held (the old one included), and a record {@value #ACTION} sealed with the new key is added,
 * naming the old key and the last record it sealed. Its seal covers that record's hash, so once
 * the old key is removed it vouches, through the hash chain, for every record before it; the newest
 * checkpoint is signed again with the new key for the same reason. A trail that does not verify is
 * not vouched for.
 *
 * <pre>{@code
 * JpaAuditKeyRotation.Outcome outcome = new JpaAuditKeyRotation(em, tx).rotate(audit, seal, signer, clock.instant());
 * }</pre>
 */
public final class JpaAuditKeyRotation {

    /** The action of the record that marks the change of the audit key. */
    public static final String ACTION = "audit.key-rotated";

    private final EntityManager em;
    private final Transactions tx;

    public JpaAuditKeyRotation(EntityManager em, Transactions tx) {
        this.em = em;
        this.tx = tx;
    }

    /** What a rotation did. */
    public sealed interface Outcome {
    }

    /** The trail is sealed with the current key already (or holds nothing sealed yet). */
    public record Current() implements Outcome {
    }

    /**
     * The change is recorded.
     *
     * @param oldKey              the key that sealed the last record before
     * @param newKey              the key that seals from now on
     * @param lastOldId           the last record sealed with the old key
     * @param checkpointSignedAgain whether the newest checkpoint was signed again with the new key
     */
    public record Rotated(String oldKey, String newKey, long lastOldId, boolean checkpointSignedAgain)
            implements Outcome {
    }

    /** The trail did not verify with the keys held, so the new key did not vouch for it. */
    public record Refused(String oldKey, String newKey, String problem) implements Outcome {
    }

    /**
     * Records the change of key if the trail's last record was sealed with another key.
     *
     * @param audit  the trail, to verify it with every key held before the new key vouches for it
     * @param seal   the record seal, sealing with the new key
     * @param signer the checkpoint signer, signing with the new key
     */
    public Outcome rotate(AuditLog audit, RecordSeal seal, CheckpointSigner signer, Instant at) {
        String newKey = seal.currentKey();
        AuditHeadEntity start = tx.inTransaction(() -> em.find(AuditHeadEntity.class, 1));
        if (!sealedWithAnother(start, newKey)) {
            return new Current();
        }
        String oldKey = RecordSeal.keyOf(start.lastMac().orElseThrow());
        AuditLog.Verification verification = audit.verify();
        if (!verification.intact()) {
            return new Refused(oldKey, newKey, verification.problem());
        }
        long verifiedThrough = start.lastId();
        return tx.inTransaction(() -> {
            AuditHeadEntity head = em.find(AuditHeadEntity.class, 1, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(head);
            if (!sealedWithAnother(head, newKey) || head.lastId() != verifiedThrough) {
                // another server rotated meanwhile, or wrote records this verification did not see
                return new Current();
            }
            boolean signedAgain = signCheckpointAgain(signer, newKey);
            String lastMac = head.lastMac().orElseThrow();
            AuditEvent event = new AuditEvent(at, AuditEvent.SYSTEM, ACTION, "audit", "the audit key " + oldKey
                    + " was replaced by " + newKey + "; record " + head.lastId() + " is the last sealed with "
                    + oldKey + " (seal " + lastMac + "), and the trail through it verified"
                    + (signedAgain ? "; the newest checkpoint is now signed with " + newKey : ""));
            long id = head.lastId() + 1;
            String hash = HashChain.link(head.lastHash(), id, event);
            String mac = seal.of(head.lastHash(), id, event);
            em.persist(new AuditRecordEntity(id, event, head.lastHash(), hash, mac));
            head.advance(id, hash, mac);
            return new Rotated(oldKey, newKey, id - 1, signedAgain);
        });
    }

    private static boolean sealedWithAnother(AuditHeadEntity head, String key) {
        return head.lastId() > 0 && head.lastMac().filter(mac -> !HashChain.GENESIS.equals(mac))
                .filter(mac -> !RecordSeal.keyOf(mac).equals(key)).isPresent();
    }

    /** Signs the newest checkpoint with the new key through the owner's function (V29), if another signed it. */
    private boolean signCheckpointAgain(CheckpointSigner signer, String newKey) {
        List<AuditCheckpointEntity> newest = em.createQuery(
                "select c from AuditCheckpointEntity c order by c.prunedThroughId desc", AuditCheckpointEntity.class)
                .setMaxResults(1).getResultList();
        if (newest.isEmpty() || CheckpointSigner.keyOf(newest.get(0).getSignature()).equals(newKey)) {
            return false;
        }
        AuditCheckpointEntity checkpoint = newest.get(0);
        String signature = signer.sign(checkpoint.getPrunedThroughId(), checkpoint.getLastHash(), checkpoint.getAt());
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement call = connection.prepareStatement("select sign_audit_checkpoint_again(?, ?, ?)")) {
            call.setLong(1, checkpoint.getPrunedThroughId());
            call.setString(2, checkpoint.getSignature());
            call.setString(3, signature);
            call.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("signing the audit checkpoint again failed: " + e.getMessage(), e);
        }
        return true;
    }
}
