package org.roster.store;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The end of the audit chain: the last id, hash and seal (no seal yet: the trail was written before
 * records were sealed, and is sealed at the next start). Appenders lock this single row, so
 * records are chained in one order even with several servers on one database.
 */
@Entity
@Table(name = "audit_head")
public class AuditHeadEntity {

    @Id @Column(name = "id") private int id;
    @Column(name = "last_id", nullable = false) private long lastId;
    @Column(name = "last_hash", length = 64, nullable = false) private String lastHash;
    @Column(name = "last_mac", length = 100) private String lastMac;

    protected AuditHeadEntity() {
    }

    long lastId() { return lastId; }
    String lastHash() { return lastHash; }
    Optional<String> lastMac() { return Optional.ofNullable(lastMac); }

    void advance(long id, String hash, String mac) {
        this.lastId = id;
        this.lastHash = hash;
        this.lastMac = mac;
    }

    /** Marks the trail as sealed through its last record. */
    void sealed(String mac) {
        this.lastMac = mac;
    }
}
