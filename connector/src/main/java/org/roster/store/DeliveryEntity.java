package org.roster.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** The journal of deliveries: one row per change sent (or recorded) to a viewer in a run; written by {@link JpaOutbox#drain}. */
@Entity
@Table(name = "delivery")
public class DeliveryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delivery_seq")
    @SequenceGenerator(name = "delivery_seq", sequenceName = "delivery_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "run_id", nullable = false) private long runId;
    @Column(name = "viewer_id", length = 256, nullable = false) private String viewerId;
    @Column(name = "contact_id", length = 256, nullable = false) private String contactId;
    @Column(name = "action", length = 8, nullable = false) private String action;
    @Column(name = "created_at", nullable = false) private Instant createdAt;

    protected DeliveryEntity() {
    }
}
