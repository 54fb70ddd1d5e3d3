package org.roster.records;

import java.util.Objects;

import org.roster.audit.AuditEvent;

/**
 * One record of the audit trail as it is stored: the event, its place in the trail and the hashes
 * that chain it to the record before.
 *
 * @param id       its place in the trail, from 1
 * @param event    what was done, by whom, to what, when
 * @param prevHash the hash of the record before (the chain's start for the first)
 * @param hash     this record's hash, covering the event and {@code prevHash}
 */
public record AuditRecord(long id, AuditEvent event, String prevHash, String hash) {

    public AuditRecord {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
    }
}
