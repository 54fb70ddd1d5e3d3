package org.roster.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One planned change in the durable outbox: written once when the run plans it, delivered at least
 * once, applied once (its idempotency key is derived from its id), and kept as the run's record of
 * what it did.
 */
@Entity
@Table(name = "outbox")
public class OutboxEntity {

    /** Where a change stands. */
    public enum State { PENDING, DELIVERED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_seq")
    @SequenceGenerator(name = "outbox_seq", sequenceName = "outbox_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "run_id", nullable = false) private long runId;
    @Column(name = "viewer_id", length = 256, nullable = false) private String viewerId;
    @Column(name = "contact_id", length = 256, nullable = false) private String contactId;
    @Column(name = "action", length = 8, nullable = false) private String action;
    /** The released fields as JSON, for adds and updates. */
    @Column(name = "fields", length = 4000) private String fields;
    @Column(name = "rule_id", length = 128) private String ruleId;
    @Column(name = "state", length = 16, nullable = false)
    @Enumerated(EnumType.STRING)
    private State state;
    @Column(name = "attempts", nullable = false) private int attempts;
    @Column(name = "last_error", length = 1000) private String lastError;
    @Column(name = "created_at", nullable = false) private Instant createdAt;
    @Column(name = "delivered_at") private Instant deliveredAt;

    protected OutboxEntity() {
    }

    /** The key a platform uses to apply this change once, however often it is delivered. */
    public String idempotencyKey() {
        return idempotencyKey(runId, id);
    }

    /** The key of the run's change with this outbox id. */
    static String idempotencyKey(long runId, long id) {
        return "run-" + runId + "/change-" + id;
    }

    public Long getId() { return id; }
    public long getRunId() { return runId; }
    public String getViewerId() { return viewerId; }
    public String getContactId() { return contactId; }
    public String getAction() { return action; }
    public String getFields() { return fields; }
    public String getRuleId() { return ruleId; }
    public State getState() { return state; }
    public String getLastError() { return lastError; }
}
