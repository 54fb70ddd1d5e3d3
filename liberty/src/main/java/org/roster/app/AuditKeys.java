package org.roster.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.roster.audit.CheckpointSigner;

/**
 * The key that signs audit checkpoints. It lives outside the database: in production it is
 * configuration ({@code roster.audit.signing-key}, base64, at least 32 bytes, write-only); the
 * embedded default generates one in a file under the server's directory at first start.
 */
@ApplicationScoped
public class AuditKeys {

    private static final Logger LOG = Logger.getLogger(AuditKeys.class.getName());
    private static final Path GENERATED = Path.of("keys", "audit-signing.key");

    @Inject @ConfigProperty(name = "roster.audit.signing-key")
    Optional<String> configured;

    private CheckpointSigner signer;

    synchronized CheckpointSigner signer() {
        if (signer == null) {
            signer = CheckpointSigner.withKey(configured.filter(k -> !k.isBlank()).map(AuditKeys::decode)
                    .orElseGet(AuditKeys::generatedKey));
        }
        return signer;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("roster.audit.signing-key is not base64", e);
        }
    }

    private static byte[] generatedKey() {
        try {
            if (!Files.exists(GENERATED)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(GENERATED.getParent());
                Files.writeString(GENERATED, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
                LOG.warning(() -> "Generated an audit signing key in " + GENERATED.toAbsolutePath()
                        + "; in production set roster.audit.signing-key instead");
            }
            return decode(Files.readString(GENERATED, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("can't read or create the audit signing key " + GENERATED.toAbsolutePath(), e);
        }
    }
}
