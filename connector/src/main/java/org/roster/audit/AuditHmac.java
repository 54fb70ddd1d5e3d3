package org.roster.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 as the audit trail uses it: keys derived from the one audit key under a label per
 * purpose, so a record's seal can never be passed off as an anchor's signature or a checkpoint's,
 * and every field length-prefixed, so no two different inputs share their bytes.
 */
final class AuditHmac {

    /** The shortest audit key accepted: HMAC-SHA256 gains nothing from more, and loses from less. */
    static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;

    private AuditHmac(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The key for one purpose: HMAC-SHA256 of the label under the audit key. */
    static AuditHmac derived(byte[] auditKey, String label) {
        if (auditKey.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("an audit signing key needs at least " + MIN_KEY_BYTES
                    + " bytes, not " + auditKey.length);
        }
        return new AuditHmac(new AuditHmac(auditKey.clone()).raw(label.getBytes(StandardCharsets.UTF_8)));
    }

    /** The MAC over the parts, each written as its length, a colon and its UTF-8 bytes; in hex. */
    String of(String... parts) {
        Mac mac = mac();
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            mac.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) ':');
            mac.update(bytes);
        }
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** Whether {@code expected} is the MAC over the parts, compared in constant time. */
    boolean matches(String expected, String... parts) {
        return MessageDigest.isEqual(of(parts).getBytes(StandardCharsets.US_ASCII),
                expected.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] raw(byte[] input) {
        return mac().doFinal(input);
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return "AuditHmac[key redacted]";
    }
}
