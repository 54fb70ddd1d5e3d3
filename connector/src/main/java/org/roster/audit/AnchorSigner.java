package org.roster.audit;

import java.time.Instant;

/**
 * Signs and checks audit anchors with HMAC-SHA256 under a key derived from the audit key, so a
 * line someone adds to an anchor file can't pass for one Roster wrote.
 *
 * <pre>{@code
 * AnchorSigner signer = AnchorSigner.withAuditKey(keyBytes);
 * AuditAnchor anchor = signer.sign("roster-1", 4711, lastMac, clock.instant());
 * signer.genuine(anchor); // true
 * }</pre>
 */
public final class AnchorSigner {

    private static final String LABEL = "roster audit anchor v1";

    private final AuditHmac hmac;

    private AnchorSigner(AuditHmac hmac) {
        this.hmac = hmac;
    }

    public static AnchorSigner withAuditKey(byte[] auditKey) {
        return new AnchorSigner(AuditHmac.derived(auditKey, LABEL));
    }

    public AuditAnchor sign(String server, long lastId, String lastMac, Instant at) {
        AuditAnchor unsigned = new AuditAnchor(server, lastId, lastMac, at, "");
        return new AuditAnchor(server, lastId, lastMac, unsigned.at(), hmac.of(parts(unsigned)));
    }

    public boolean genuine(AuditAnchor anchor) {
        return hmac.matches(anchor.signature(), parts(anchor));
    }

    private static String[] parts(AuditAnchor anchor) {
        return new String[] {anchor.server(), Long.toString(anchor.lastId()), anchor.lastMac(), anchor.at().toString()};
    }

    @Override
    public String toString() {
        return "AnchorSigner[key redacted]";
    }
}
