package org.roster.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs audit checkpoints with HMAC-SHA256 under a key Roster holds outside the database, so that
 * someone who can write to the database can't replace pruned history with a checkpoint of their own.
 * A signature names the key that made it ({@code <key id>:<hex>}, plain hex for {@code legacy}).
 *
 * <pre>{@code
 * CheckpointSigner signer = CheckpointSigner.withKeys("2026-12", keys);
 * String signature = signer.sign(prunedThroughId, lastHash, at);
 * signer.verify(prunedThroughId, lastHash, at, signature); // true
 * }</pre>
 */
public final class CheckpointSigner {

    private final String current;
    private final Map<String, SecretKeySpec> keys;

    private CheckpointSigner(String current, Map<String, SecretKeySpec> keys) {
        this.current = current;
        this.keys = keys;
    }

    /** The signer of the single key of id {@code legacy}. */
    public static CheckpointSigner withKey(byte[] key) {
        return withKeys(AuditKeyIds.LEGACY, Map.of(AuditKeyIds.LEGACY, key));
    }

    /** Signs with the key of id {@code current}, checks with any of {@code keys}. */
    public static CheckpointSigner withKeys(String current, Map<String, byte[]> keys) {
        return new CheckpointSigner(current, AuditKeyIds.ring(current, keys, key -> {
            if (key.length < AuditHmac.MIN_KEY_BYTES) {
                throw new IllegalArgumentException("an audit signing key needs at least " + AuditHmac.MIN_KEY_BYTES
                        + " bytes, not " + key.length);
            }
            return new SecretKeySpec(key.clone(), "HmacSHA256");
        }));
    }

    public String sign(long prunedThroughId, String lastHash, Instant at) {
        return AuditKeyIds.tagged(current, mac(keys.get(current), prunedThroughId, lastHash, at));
    }

    /** Whether the signature is the checkpoint's under the key it names; false also when that key isn't held. */
    public boolean verify(long prunedThroughId, String lastHash, Instant at, String signature) {
        SecretKeySpec key = keys.get(AuditKeyIds.keyOf(signature));
        return key != null && MessageDigest.isEqual(mac(key, prunedThroughId, lastHash, at)
                .getBytes(StandardCharsets.US_ASCII), AuditKeyIds.hexOf(signature).getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether this signer holds the key a signature names. */
    public boolean holdsKeyOf(String signature) {
        return keys.containsKey(AuditKeyIds.keyOf(signature));
    }

    /** The id of the key a signature names. */
    public static String keyOf(String signature) {
        return AuditKeyIds.keyOf(signature);
    }

    private static String mac(SecretKeySpec key, long prunedThroughId, String lastHash, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            String content = prunedThroughId + "\n" + lastHash + "\n" + at.toString();
            return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return "CheckpointSigner[" + current + ", key redacted]";
    }
}
