package org.roster.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where pruned audit history ended: the id and hash of the last pruned record, signed. */
@Entity
@Table(name = "audit_checkpoint")
public class AuditCheckpointEntity {

    @Id @Column(name = "pruned_through_id") private long prunedThroughId;
    @Column(name = "last_hash", length = 64, nullable = false) private String lastHash;
    @Column(name = "at", nullable = false) private Instant at;
    @Column(name = "pruned_count", nullable = false) private long prunedCount;
    @Column(name = "signature", length = 100, nullable = false) private String signature;

    protected AuditCheckpointEntity() {
    }

    AuditCheckpointEntity(long prunedThroughId, String lastHash, Instant at, long prunedCount, String signature) {
        this.prunedThroughId = prunedThroughId;
        this.lastHash = lastHash;
        this.at = at;
        this.prunedCount = prunedCount;
        this.signature = signature;
    }

    public long getPrunedThroughId() { return prunedThroughId; }
    public String getLastHash() { return lastHash; }
    public Instant getAt() { return at; }
    public long getPrunedCount() { return prunedCount; }
    public String getSignature() { return signature; }
}
