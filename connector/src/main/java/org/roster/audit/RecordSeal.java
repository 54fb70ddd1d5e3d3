package org.roster.audit;

import java.util.Objects;

/**
 * The seal every audit record carries: an HMAC-SHA256 under a key derived from the audit key,
 * which lives outside the database, over the previous record's hash, the record's id and its
 * content. The plain hash chain shows a careless edit; the seal shows a careful one, since someone
 * who can write to the database can recompute hashes but not seals. Through the previous hash, a
 * record's seal vouches for every record before it too.
 *
 * <pre>{@code
 * RecordSeal seal = RecordSeal.withAuditKey(keyBytes);
 * String mac = seal.of(previousHash, id, event);
 * seal.holds(previousHash, id, event, mac); // true
 * }</pre>
 */
public final class RecordSeal {

    /** Separates this key from the anchors' and from the checkpoints' (which use the audit key itself). */
    private static final String LABEL = "roster audit record seal v1";

    private final AuditHmac hmac;

    private RecordSeal(AuditHmac hmac) {
        this.hmac = hmac;
    }

    public static RecordSeal withAuditKey(byte[] auditKey) {
        return new RecordSeal(AuditHmac.derived(auditKey, LABEL));
    }

    public String of(String previousHash, long id, AuditEvent event) {
        return hmac.of(previousHash, Long.toString(id), event.at().toString(), event.actor(), event.action(),
                event.subject(), event.detail());
    }

    public boolean holds(String previousHash, long id, AuditEvent event, String mac) {
        Objects.requireNonNull(mac, "mac");
        return hmac.matches(mac, previousHash, Long.toString(id), event.at().toString(), event.actor(),
                event.action(), event.subject(), event.detail());
    }

    @Override
    public String toString() {
        return "RecordSeal[key redacted]";
    }
}
