package org.roster.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How a record's hash is computed: SHA-256 over the previous record's hash and this record's
 * content, each field length-prefixed so no two different records can produce the same input.
 *
 * <pre>{@code
 * String hash = HashChain.link(previousHash, id, event);
 * }</pre>
 */
public final class HashChain {

    /** The "previous hash" of the very first record. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    public static String link(String previousHash, long id, AuditEvent event) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {previousHash, Long.toString(id), event.at().toString(), event.actor(),
                    event.action(), event.subject(), event.detail()}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
