package org.roster.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs audit checkpoints with HMAC-SHA256 under a key Roster holds outside the database, so that
 * someone who can write to the database can't replace pruned history with a checkpoint of their own.
 *
 * <pre>{@code
 * CheckpointSigner signer = CheckpointSigner.withKey(keyBytes);
 * String signature = signer.sign(prunedThroughId, lastHash, at);
 * signer.verify(prunedThroughId, lastHash, at, signature); // true
 * }</pre>
 */
public final class CheckpointSigner {

    private final SecretKeySpec key;

    private CheckpointSigner(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("an audit signing key needs at least 32 bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public static CheckpointSigner withKey(byte[] key) {
        return new CheckpointSigner(key);
    }

    public String sign(long prunedThroughId, String lastHash, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            String content = prunedThroughId + "\n" + lastHash + "\n" + at.toString();
            return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    public boolean verify(long prunedThroughId, String lastHash, Instant at, String signature) {
        return MessageDigest.isEqual(sign(prunedThroughId, lastHash, at).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "CheckpointSigner[key redacted]";
    }
}
