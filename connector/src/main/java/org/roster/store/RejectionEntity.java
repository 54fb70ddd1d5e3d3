package org.roster.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** An entry a run could not accept, with the reason. */
@Entity
@Table(name = "run_rejection")
public class RejectionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "run_rejection_seq")
    @SequenceGenerator(name = "run_rejection_seq", sequenceName = "run_rejection_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "run_id", nullable = false) private long runId;
    @Column(name = "reference", length = 1024, nullable = false) private String reference;
    @Column(name = "employee_id", length = 256) private String employeeId;
    @Column(name = "reason", length = 1024, nullable = false) private String reason;

    protected RejectionEntity() {
    }

    RejectionEntity(long runId, String reference, String employeeId, String reason) {
        this.runId = runId;
        this.reference = clip(reference);
        this.employeeId = employeeId;
        this.reason = clip(reason);
    }

    /** Text cut to the 1024 characters a reference or a reason column holds. */
    static String clip(String text) {
        return text.length() > 1024 ? text.substring(0, 1024) : text;
    }

    public Long getId() { return id; }
    public long getRunId() { return runId; }
    public String getReference() { return reference; }
    public String getEmployeeId() { return employeeId; }
    public String getReason() { return reason; }
}
