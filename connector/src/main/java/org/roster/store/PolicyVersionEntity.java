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

/** One version of a policy, from draft to published (and superseded), with who did each step. */
@Entity
@Table(name = "policy_version")
public class PolicyVersionEntity {

    /** Where a version stands. Only an approved version can be published. */
    public enum Status { DRAFT, APPROVED, PUBLISHED, SUPERSEDED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "policy_version_seq")
    @SequenceGenerator(name = "policy_version_seq", sequenceName = "policy_version_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "name", length = 128, nullable = false) private String name;
    @Column(name = "text", length = 262144, nullable = false) private String text;
    @Column(name = "status", length = 16, nullable = false) @Enumerated(EnumType.STRING) private Status status;
    @Column(name = "author", length = 256, nullable = false) private String author;
    @Column(name = "created_at", nullable = false) private Instant createdAt;
    @Column(name = "approved_by", length = 256) private String approvedBy;
    @Column(name = "approved_at") private Instant approvedAt;
    @Column(name = "published_by", length = 256) private String publishedBy;
    @Column(name = "published_at") private Instant publishedAt;
    @Column(name = "note", length = 512) private String note;

    protected PolicyVersionEntity() {
    }

    public PolicyVersionEntity(String name, String text, String author, Instant at, String note) {
        this.name = name;
        this.text = text;
        this.author = author;
        this.createdAt = at;
        this.status = Status.DRAFT;
        this.note = note;
    }

    public void approve(String approver, Instant at) {
        this.status = Status.APPROVED;
        this.approvedBy = approver;
        this.approvedAt = at;
    }

    public void publish(String publisher, Instant at) {
        this.status = Status.PUBLISHED;
        this.publishedBy = publisher;
        this.publishedAt = at;
    }

    public void supersede() {
        this.status = Status.SUPERSEDED;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getText() { return text; }
    public Status getStatus() { return status; }
    public String getAuthor() { return author; }
    public Instant getCreatedAt() { return createdAt; }
    public String getApprovedBy() { return approvedBy; }
    public Instant getApprovedAt() { return approvedAt; }
    public String getPublishedBy() { return publishedBy; }
    public Instant getPublishedAt() { return publishedAt; }
    public String getNote() { return note; }
}
