package org.roster.records;

import java.util.List;
import java.util.function.Consumer;

/**
 * A port: the audit trail as it is read, queried and exported. Writing and verifying it is the
 * trail's {@code AuditLog}'s.
 *
 * <pre>{@code
 * List<AuditRecord> page = records.newestFirst(AuditQuery.about("run:12"), 100);
 * records.forEachOldestFirst(query, 1000, record -> write(record));
 * }</pre>
 */
public interface AuditRecords {

    /** The records the query selects, newest first, at most {@code limit} of them. */
    List<AuditRecord> newestFirst(AuditQuery query, int limit);

    /**
     * Hands over every record the query selects, oldest first, reading {@code pageSize} at a time so
     * the whole trail is never in memory. Call it outside a transaction: what a page read is let go
     * of before the next is read.
     */
    void forEachOldestFirst(AuditQuery query, int pageSize, Consumer<AuditRecord> record);

    /** Whether a record of this action, subject and detail exists. */
    boolean contains(String action, String subject, String detail);
}
