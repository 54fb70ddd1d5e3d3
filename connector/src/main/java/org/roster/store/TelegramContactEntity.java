package org.roster.store;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** Where one colleague stands in one employee's Telegram account (see {@code TelegramLedger}). */
@Entity
@Table(name = "telegram_contact")
@IdClass(TelegramContactEntity.Key.class)
public class TelegramContactEntity {

    /** The primary key: the account's employee and the colleague. */
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
            return o instanceof Key k && k.viewerId.equals(viewerId) && k.contactId.equals(contactId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(viewerId, contactId);
        }
    }

    @Id @Column(name = "viewer_id", length = 256) private String viewerId;
    @Id @Column(name = "contact_id", length = 256) private String contactId;
    @Column(name = "state", length = 16, nullable = false) private String state;
    @Column(name = "intent", length = 8, nullable = false) private String intent;
    @Column(name = "user_id", nullable = false) private long userId;
    @Column(name = "phone", length = 64) private String phone;
    @Column(name = "first_name", length = 256) private String firstName;
    @Column(name = "last_name", length = 256) private String lastName;
    @Column(name = "reason", length = 512, nullable = false) private String reason;
    @Column(name = "at", nullable = false) private Instant at;

    protected TelegramContactEntity() {
    }

    public TelegramContactEntity(String viewerId, String contactId) {
        this.viewerId = viewerId;
        this.contactId = contactId;
    }

    /** Takes an entry's content; number and name only when given (null clears them). */
    public void set(String newState, String newIntent, long newUserId, String newPhone, String newFirstName,
                    String newLastName, String newReason, Instant when) {
        this.state = newState;
        this.intent = newIntent;
        this.userId = newUserId;
        this.phone = newPhone;
        this.firstName = newFirstName;
        this.lastName = newLastName;
        this.reason = newReason.length() > 512 ? newReason.substring(0, 512) : newReason;
        this.at = when;
    }

    public String getViewerId() { return viewerId; }
    public String getContactId() { return contactId; }
    public String getState() { return state; }
    public String getIntent() { return intent; }
    public long getUserId() { return userId; }
    public String getPhone() { return phone; }
    public String getFirstName() { return firstName; }
    public String getLastName() { return lastName; }
    public String getReason() { return reason; }
    public Instant getAt() { return at; }
}
