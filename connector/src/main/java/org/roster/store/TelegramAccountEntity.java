package org.roster.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An employee's linked Telegram account: the sealed key of its session database, where the
 * linking stands, and what the employee had before Roster (user ids, and keyed digests of numbers).
 */
@Entity
@Table(name = "telegram_account")
public class TelegramAccountEntity {

    @Id @Column(name = "employee_id", length = 256) private String employeeId;
    @Column(name = "session_key", columnDefinition = "text", nullable = false) private String sessionKey;
    @Column(name = "status", length = 32, nullable = false) private String status;
    @Column(name = "linked_at") private Instant linkedAt;
    @Column(name = "updated_at", nullable = false) private Instant updatedAt;
    @Column(name = "paused_until") private Instant pausedUntil;
    /** Null until the contacts the employee had before Roster were read. */
    @Column(name = "own_user_ids", columnDefinition = "text") private String ownUserIds;
    @Column(name = "own_numbers", columnDefinition = "text") private String ownNumbers;

    protected TelegramAccountEntity() {
    }

    public TelegramAccountEntity(String employeeId, String sealedSessionKey, Instant now) {
        this.employeeId = employeeId;
        this.sessionKey = sealedSessionKey;
        this.status = "STARTING";
        this.updatedAt = now;
    }

    public void status(String newStatus, Instant now) {
        if ("READY".equals(newStatus) && !"READY".equals(status)) {
            linkedAt = now;
        }
        this.status = newStatus;
        this.updatedAt = now;
    }

    public void pauseUntil(Instant until) {
        this.pausedUntil = until;
    }

    public void own(String userIdsJson, String numbersJson) {
        this.ownUserIds = userIdsJson;
        this.ownNumbers = numbersJson;
    }

    public String getEmployeeId() { return employeeId; }
    public String getSessionKey() { return sessionKey; }
    public String getStatus() { return status; }
    public Instant getLinkedAt() { return linkedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getPausedUntil() { return pausedUntil; }
    public String getOwnUserIds() { return ownUserIds; }
    public String getOwnNumbers() { return ownNumbers; }
}
