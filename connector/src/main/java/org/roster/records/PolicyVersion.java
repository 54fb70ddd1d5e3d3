package org.roster.records;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a policy as it stands, from draft to published (and superseded), with who took
 * each step and when. The steps not taken yet are null.
 *
 * @param id          the version's number, which restoring and the audit trail name
 * @param name        the policy's name, as its text declares it
 * @param text        the policy text, as written
 * @param status      where the version stands
 * @param author      who wrote it (or the system, for the version configured at first start)
 * @param createdAt   when it was written
 * @param approvedBy  who approved it
 * @param approvedAt  when
 * @param publishedBy who published it
 * @param publishedAt when
 * @param note        why it exists, where that is not its text (a restored version names the one it restores)
 */
public record PolicyVersion(long id, String name, String text, Status status, String author, Instant createdAt,
                            String approvedBy, Instant approvedAt, String publishedBy, Instant publishedAt,
                            String note) {

    /** Where a version stands. Only an approved version can be published. */
    public enum Status { DRAFT, APPROVED, PUBLISHED, SUPERSEDED }

    public PolicyVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
