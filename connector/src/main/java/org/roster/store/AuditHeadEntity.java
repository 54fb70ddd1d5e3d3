package org.roster.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The end of the audit chain: the last id and hash. Appenders lock this single row, so records
 * are chained in one order even with several servers on one database.
 */
@Entity
@Table(name = "audit_head")
public class AuditHeadEntity {

    @Id @Column(name = "id") private int id;
    @Column(name = "last_id", nullable = false) private long lastId;
    @Column(name = "last_hash", length = 64, nullable = false) private String lastHash;

    protected AuditHeadEntity() {
    }

    long lastId() { return lastId; }
    String lastHash() { return lastHash; }

    void advance(long id, String hash) {
        this.lastId = id;
        this.lastHash = hash;
    }
}
