package org.roster.store;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An idempotency key applied to an employee's Telegram account. */
@Entity
@Table(name = "telegram_key")
@IdClass(TelegramKeyEntity.Key.class)
public class TelegramKeyEntity {

    /** The primary key: the account's employee and the key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String viewerId;
        private String idempotencyKey;

        public Key() {
        }

        public Key(String viewerId, String idempotencyKey) {
            this.viewerId = viewerId;
            this.idempotencyKey = idempotencyKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.viewerId.equals(viewerId) && k.idempotencyKey.equals(idempotencyKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(viewerId, idempotencyKey);
        }
    }

    @Id @Column(name = "viewer_id", length = 256) private String viewerId;
    @Id @Column(name = "idempotency_key", length = 128) private String idempotencyKey;
    @Column(name = "at", nullable = false) private Instant at;

    protected TelegramKeyEntity() {
    }

    public TelegramKeyEntity(String viewerId, String idempotencyKey, Instant at) {
        this.viewerId = viewerId;
        this.idempotencyKey = idempotencyKey;
        this.at = at;
    }
}
