package org.roster.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A password an employee made for their address book client: its label and a keyed digest of it
 * ({@code lookup}) only. Rows made before digests keep a salted PBKDF2 {@code hash} until their
 * first successful use.
 */
@Entity
@Table(name = "app_password")
public class AppPasswordEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id") private Long id;
    @Column(name = "employee_id", length = 256, nullable = false) private String employeeId;
    @Column(name = "label", length = 128, nullable = false) private String label;
    @Column(name = "hash", length = 256) private String hash;
    @Column(name = "lookup", length = 64, unique = true) private String lookup;
    @Column(name = "created_at", nullable = false) private Instant createdAt;
    @Column(name = "last_used_at") private Instant lastUsedAt;

    protected AppPasswordEntity() {
    }

    public AppPasswordEntity(String employeeId, String label, String lookup, Instant now) {
        this.employeeId = employeeId;
        this.label = label;
        this.lookup = lookup;
        this.createdAt = now;
    }

    /** A row made before keyed digests, verified the old way once: from now on it is found by its digest. */
    public void upgraded(String lookup) {
        this.lookup = lookup;
        this.hash = null;
    }

    public void used(Instant now) {
        this.lastUsedAt = now;
    }

    public Long getId() { return id; }
    public String getEmployeeId() { return employeeId; }
    public String getLabel() { return label; }
    public String getHash() { return hash; }
    public String getLookup() { return lookup; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastUsedAt() { return lastUsedAt; }
}
