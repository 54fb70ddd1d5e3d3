package org.roster.audit;

import java.time.Instant;
import java.util.Map;

/**
 * Signs and checks audit anchors with HMAC-SHA256 under a key derived from the audit key, so a
 * line someone adds to an anchor file can't pass for one Roster wrote. The signature names the key
 * that made it ({@code <key id>:<hex>}, plain hex for {@code legacy}).
 *
 * <pre>{@code
 * AnchorSigner signer = AnchorSigner.withAuditKeys("2026-12", keys);
 * AuditAnchor anchor = signer.sign("roster-1", 4711, lastMac, clock.instant());
 * signer.genuine(anchor); // true
 * }</pre>
 */
public final class AnchorSigner {

    private static final String LABEL = "roster audit anchor v1";

    private final String current;
    private final Map<String, AuditHmac> hmacs;

    private AnchorSigner(String current, Map<String, AuditHmac> hmacs) {
        this.current = current;
        this.hmacs = hmacs;
    }

    /** The signer of the single key of id {@code legacy}. */
    public static AnchorSigner withAuditKey(byte[] auditKey) {
        return withAuditKeys(AuditKeyIds.LEGACY, Map.of(AuditKeyIds.LEGACY, auditKey));
    }

    /** Signs with the key of id {@code current}, checks with any of {@code keys}. */
    public static AnchorSigner withAuditKeys(String current, Map<String, byte[]> keys) {
        return new AnchorSigner(current, AuditKeyIds.ring(current, keys, key -> AuditHmac.derived(key, LABEL)));
    }

    public AuditAnchor sign(String server, long lastId, String lastMac, Instant at) {
        AuditAnchor unsigned = new AuditAnchor(server, lastId, lastMac, at, "");
        return new AuditAnchor(server, lastId, lastMac, unsigned.at(),
                AuditKeyIds.tagged(current, hmacs.get(current).of(parts(unsigned))));
    }

    /** Whether the anchor's signature holds under the key it names; false also when that key isn't held. */
    public boolean genuine(AuditAnchor anchor) {
        AuditHmac hmac = hmacs.get(anchor.key());
        return hmac != null && hmac.matches(AuditKeyIds.hexOf(anchor.signature()), parts(anchor));
    }

    /** Whether this signer holds the key an anchor names. */
    public boolean holdsKeyOf(AuditAnchor anchor) {
        return hmacs.containsKey(anchor.key());
    }

    private static String[] parts(AuditAnchor anchor) {
        return new String[] {anchor.server(), Long.toString(anchor.lastId()), anchor.lastMac(), anchor.at().toString()};
    }

    @Override
    public String toString() {
        return "AnchorSigner[" + current + ", key redacted]";
    }
}
