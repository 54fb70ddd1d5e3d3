package org.roster.app.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.roster.app.keys.KeyFiles;
import org.roster.app.keys.SecretKeys;
import org.roster.audit.AnchorSigner;
import org.roster.audit.CheckpointSigner;
import org.roster.audit.RecordSeal;

/**
 * The audit keys, and what they sign: checkpoints (with the key itself), records' seals and anchors
 * (each with a key derived from it under a label of its own). Each key has an id, and every seal
 * and signature names the key that made it. They live outside the database:
 * {@code roster.audit.signing-keys} lists them as {@code id:base64} (at least 32 bytes each), the
 * first signing and the others only verifying; {@code roster.audit.signing-key}, the single key of
 * before, is the key of id {@code legacy}, and the embedded default generates that one in a file
 * under the server's directory at first start. Every server of one database needs the same keys.
 * A new first key is a rotation ({@link AuditAnchoring#rotate}).
 */
@ApplicationScoped
public class AuditKeys {

    private static final Path GENERATED = Path.of("keys", "audit-signing.key");
    private static final String LEGACY = "legacy";

    @Inject @ConfigProperty(name = "roster.audit.signing-key")
    Optional<String> configured;

    @Inject @ConfigProperty(name = "roster.audit.signing-keys")
    Optional<String> configuredKeys;

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
            Map<String, byte[]> ring = SecretKeys.parse("roster.audit.signing-keys", configuredKeys.orElse(""));
            boolean legacyConfigured = configured.filter(k -> !k.isBlank()).isPresent();
            // the generated file is the legacy key; once other keys are set it is read only while it is
            // still there, so that it can be removed after a rotation
            if (ring.isEmpty() || legacyConfigured || Files.exists(GENERATED)) {
                byte[] legacy = KeyFiles.configuredOrGenerated(configured, "roster.audit.signing-key", GENERATED);
                if (ring.putIfAbsent(LEGACY, legacy) != null) {
                    throw new IllegalStateException("roster.audit.signing-keys names a key " + LEGACY
                            + ", which is the id of roster.audit.signing-key");
                }
            }
            String current = ring.keySet().iterator().next();
            try {
                signer = CheckpointSigner.withKeys(current, ring);
                seal = RecordSeal.withAuditKeys(current, ring);
                anchors = AnchorSigner.withAuditKeys(current, ring);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("roster.audit.signing-keys: " + e.getMessage(), e);
            } finally {
                ring.values().forEach(key -> Arrays.fill(key, (byte) 0));
            }
        }
    }
}
