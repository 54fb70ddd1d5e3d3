package org.roster.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What an employee chose in Roster's self-service: held by Roster, never written to the directory. */
@Entity
@Table(name = "self_service")
public class SelfServiceEntity {

    @Id @Column(name = "employee_id", length = 256) private String employeeId;
    @Column(name = "opted_out", nullable = false) private boolean optedOut;
    @Column(name = "opted_in", nullable = false) private boolean optedIn;
    @Column(name = "updated_at", nullable = false) private Instant updatedAt;

    protected SelfServiceEntity() {
    }

    public SelfServiceEntity(String employeeId) {
        this.employeeId = employeeId;
    }

    public void choose(boolean optedOut, boolean optedIn, Instant at) {
        this.optedOut = optedOut;
        this.optedIn = optedIn;
        this.updatedAt = at;
    }

    public String getEmployeeId() { return employeeId; }
    public boolean isOptedOut() { return optedOut; }
    public boolean isOptedIn() { return optedIn; }
    public Instant getUpdatedAt() { return updatedAt; }
}
