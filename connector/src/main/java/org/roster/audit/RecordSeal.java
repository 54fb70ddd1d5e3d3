package org.roster.audit;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The seal every audit record carries: an HMAC-SHA256 under a key derived from the audit key,
 * which lives outside the database, over the previous record's hash, the record's id and its
 * content. The plain hash chain shows a careless edit; the seal shows a careful one, since someone
 * who can write to the database can recompute hashes but not seals. Through the previous hash, a
 * record's seal vouches for every record before it too.
 *
 * <p>A seal names the audit key that made it ({@code <key id>:<hex>}, plain hex for the key of id
 * {@code legacy}); new seals are made with the first key, the others only check.
 *
 * <pre>{@code
 * RecordSeal seal = RecordSeal.withAuditKeys("2026-12", Map.of("2026-12", newKey, "legacy", oldKey));
 * String mac = seal.of(previousHash, id, event); // "2026-12:9f2c…"
 * seal.holds(previousHash, id, event, mac); // true
 * }</pre>
 */
public final class RecordSeal {

    /** Separates this key from the anchors' and from the checkpoints' (which use the audit key itself). */
    private static final String LABEL = "roster audit record seal v1";

    private final String current;
    private final Map<String, AuditHmac> hmacs;

    private RecordSeal(String current, Map<String, AuditHmac> hmacs) {
        this.current = current;
        this.hmacs = hmacs;
    }

    /** The seal of the single key of id {@code legacy}. */
    public static RecordSeal withAuditKey(byte[] auditKey) {
        return withAuditKeys(AuditKeyIds.LEGACY, Map.of(AuditKeyIds.LEGACY, auditKey));
    }

    /** Seals with the key of id {@code current}, checks with any of {@code keys}. */
    public static RecordSeal withAuditKeys(String current, Map<String, byte[]> keys) {
        return new RecordSeal(current, AuditKeyIds.ring(current, keys, key -> AuditHmac.derived(key, LABEL)));
    }

    public String of(String previousHash, long id, AuditEvent event) {
        return AuditKeyIds.tagged(current, hmacs.get(current).of(parts(previousHash, id, event)));
    }

    /** Whether the seal is this record's under the key it names; false also when that key isn't held. */
    public boolean holds(String previousHash, long id, AuditEvent event, String mac) {
        Objects.requireNonNull(mac, "mac");
        AuditHmac hmac = hmacs.get(AuditKeyIds.keyOf(mac));
        return hmac != null && hmac.matches(AuditKeyIds.hexOf(mac), parts(previousHash, id, event));
    }

    /** The id of the key that made a seal. */
    public static String keyOf(String mac) {
        return AuditKeyIds.keyOf(mac);
    }

    /** The id of the key new seals are made with. */
    public String currentKey() {
        return current;
    }

    /** The ids of the keys held, the sealing key first. */
    public Set<String> keys() {
        return hmacs.keySet();
    }

    private static String[] parts(String previousHash, long id, AuditEvent event) {
        return new String[] {previousHash, Long.toString(id), event.at().toString(), event.actor(), event.action(),
                event.subject(), event.detail()};
    }

    @Override
    public String toString() {
        return "RecordSeal[" + current + ", key redacted]";
    }
}
