package org.roster.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Where the audit trail ended at a moment, written outside the database: the last record's id and
 * seal, when, by which server, signed with a key derived from the audit key. A trail shorter than
 * an anchor says, or one whose anchored record carries another seal, was cut or replaced.
 *
 * <pre>{@code
 * AuditAnchor anchor = signer.sign("roster-1", 4711, lastMac, clock.instant());
 * }</pre>
 *
 * @param server    the server that wrote it
 * @param lastId    the id of the last record then ({@code 0} for an empty trail)
 * @param lastMac   that record's seal
 * @param at        when
 * @param signature the HMAC-SHA256 over the other fields, led by the id of the key that made it
 *                  ({@code <key id>:<hex>}, plain hex for {@code legacy})
 */
public record AuditAnchor(String server, long lastId, String lastMac, Instant at, String signature) {

    public AuditAnchor {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(lastMac, "lastMac");
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
        Objects.requireNonNull(signature, "signature");
        if (lastId < 0) {
            throw new IllegalArgumentException("an anchor's last id can't be negative: " + lastId);
        }
    }

    /** The id of the audit key that signed it. */
    public String key() {
        return AuditKeyIds.keyOf(signature);
    }

    /** The signature without its key id, as the anchor files write it beside {@code "key"}. */
    public String signatureHex() {
        return AuditKeyIds.hexOf(signature);
    }

    /** The signature of an anchor read back from its key id and MAC. */
    public static String signature(String key, String hex) {
        return AuditKeyIds.tagged(key, hex);
    }

    /** Whether this anchor says more than the other: a later record, or the same one at a later time. */
    public boolean newerThan(AuditAnchor other) {
        return lastId != other.lastId ? lastId > other.lastId : at.isAfter(other.at);
    }
}
