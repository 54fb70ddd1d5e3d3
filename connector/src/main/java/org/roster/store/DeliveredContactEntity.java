package org.roster.store;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A contact as last delivered to a viewer: only the fields the policy released (as JSON), and their
 * fingerprint so an unchanged contact costs a string comparison.
 */
@Entity
@Table(name = "delivered_contact")
@IdClass(DeliveredContactEntity.Key.class)
public class DeliveredContactEntity {

    /** The composite key: viewer and contact. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String viewerId;
        private String contactId;

        public Key() {
        }

        public Key(String viewerId, String contactId) {
            this.viewerId = viewerId;
            this.contactId = contactId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(viewerId, k.viewerId) && Objects.equals(contactId, k.contactId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(viewerId, contactId);
        }
    }

    @Id @Column(name = "viewer_id", length = 256) private String viewerId;
    @Id @Column(name = "contact_id", length = 256) private String contactId;
    @Column(name = "fields", length = 4000, nullable = false) private String fields;
    @Column(name = "fingerprint", length = 32, nullable = false) private String fingerprint;
    @Column(name = "rule_id", length = 128, nullable = false) private String ruleId;
    @Column(name = "delivered_run", nullable = false) private long deliveredRun;
    @Column(name = "delivered_at", nullable = false) private Instant deliveredAt;

    protected DeliveredContactEntity() {
    }

    public String getViewerId() { return viewerId; }
    public String getContactId() { return contactId; }
    public String getFields() { return fields; }
    public String getFingerprint() { return fingerprint; }
    public String getRuleId() { return ruleId; }
    public long getDeliveredRun() { return deliveredRun; }
    public Instant getDeliveredAt() { return deliveredAt; }
}
