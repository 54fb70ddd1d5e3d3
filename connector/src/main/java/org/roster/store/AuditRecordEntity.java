package org.roster.store;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.roster.audit.AuditEvent;
import org.roster.records.AuditRecord;

/**
 * One record of the hash-chained audit trail, with its seal (HMAC-SHA256 under a key outside the
 * database). Rows are only ever inserted; a record written before records were sealed gets its
 * seal once, when the trail is first sealed.
 */
@Entity
@Table(name = "audit_record")
public class AuditRecordEntity {

    @Id @Column(name = "id") private long id;
    @Column(name = "at", nullable = false) private Instant at;
    @Column(name = "actor", length = 256, nullable = false) private String actor;
    @Column(name = "action", length = 64, nullable = false) private String action;
    @Column(name = "subject", length = 512, nullable = false) private String subject;
    @Column(name = "detail", length = 2000, nullable = false) private String detail;
    @Column(name = "prev_hash", length = 64, nullable = false) private String prevHash;
    @Column(name = "hash", length = 64, nullable = false) private String hash;
    @Column(name = "mac", length = 100) private String mac;

    protected AuditRecordEntity() {
    }

    AuditRecordEntity(long id, AuditEvent event, String prevHash, String hash, String mac) {
        this.id = id;
        this.at = event.at();
        this.actor = event.actor();
        this.action = event.action();
        this.subject = event.subject();
        this.detail = event.detail();
        this.prevHash = prevHash;
        this.hash = hash;
        this.mac = mac;
    }

    public AuditEvent event() {
        return new AuditEvent(at, actor, action, subject, detail);
    }

    /** The record as the trail's readers see it. */
    public AuditRecord record() {
        return new AuditRecord(id, event(), prevHash, hash);
    }

    public long getId() { return id; }
    public Instant getAt() { return at; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public String getSubject() { return subject; }
    public String getDetail() { return detail; }
    public String getPrevHash() { return prevHash; }
    public String getHash() { return hash; }

    /** The record's seal, if it has one (records written before the upgrade that sealed the trail have none). */
    public Optional<String> mac() { return Optional.ofNullable(mac); }
}
