package org.roster.records;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A port: the policy versions, from draft through approval to publication. Each change joins the
 * caller's transaction, so a step commits with its audit record or not at all; the checks a step
 * needs (four eyes, only an approved version is published) are the caller's, made on the version
 * found in the same transaction.
 *
 * <pre>{@code
 * PolicyVersion draft = versions.draft(policy.name(), text, author, clock.instant(), null);
 * versions.approve(draft.id(), approver, clock.instant());
 * versions.supersedePublished();
 * versions.publish(draft.id(), publisher, clock.instant());
 * }</pre>
 */
public interface PolicyVersions {

    /** Every version, newest first, at most {@code limit} of them: the history. */
    List<PolicyVersion> newestFirst(int limit);

    /** The version of this id, if there is one. */
    Optional<PolicyVersion> find(long id);

    /** The published version with the highest id: the one runs use. */
    Optional<PolicyVersion> active();

    /**
     * Writes a new draft and returns it with its id.
     *
     * @param note why it exists, or null
     */
    PolicyVersion draft(String name, String text, String author, Instant at, String note);

    /** Marks the version approved by {@code approver}, and returns it so. */
    PolicyVersion approve(long id, String approver, Instant at);

    /** Marks every published version superseded: the next one published replaces them. */
    void supersedePublished();

    /** Marks the version published by {@code publisher}, and returns it so. */
    PolicyVersion publish(long id, String publisher, Instant at);
}
