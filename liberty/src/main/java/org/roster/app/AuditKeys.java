package org.roster.app;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.roster.audit.AnchorSigner;
import org.roster.audit.CheckpointSigner;
import org.roster.audit.RecordSeal;

/**
 * The audit key, and what it signs: checkpoints (with the key itself), records' seals and anchors
 * (each with a key derived from it under a label of its own). It lives outside the database: in
 * production it is configuration ({@code roster.audit.signing-key}, base64, at least 32 bytes,
 * write-only); the embedded default generates one in a file under the server's directory at first
 * start. Every server of one database needs the same key.
 */
@ApplicationScoped
public class AuditKeys {

    private static final Path GENERATED = Path.of("keys", "audit-signing.key");

    @Inject @ConfigProperty(name = "roster.audit.signing-key")
    Optional<String> configured;

    private CheckpointSigner signer;
    private RecordSeal seal;
    private AnchorSigner anchors;

    synchronized CheckpointSigner signer() {
        load();
        return signer;
    }

    synchronized RecordSeal seal() {
        load();
        return seal;
    }

    synchronized AnchorSigner anchorSigner() {
        load();
        return anchors;
    }

    private void load() {
        if (signer == null) {
            byte[] key = KeyFiles.configuredOrGenerated(configured, "roster.audit.signing-key", GENERATED);
            signer = CheckpointSigner.withKey(key);
            seal = RecordSeal.withAuditKey(key);
            anchors = AnchorSigner.withAuditKey(key);
            Arrays.fill(key, (byte) 0);
        }
    }
}
