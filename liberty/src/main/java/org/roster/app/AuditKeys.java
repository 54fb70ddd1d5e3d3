package org.roster.app;

import java.nio.file.Path;
import java.util.Optional;

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

    private static final Path GENERATED = Path.of("keys", "audit-signing.key");

    @Inject @ConfigProperty(name = "roster.audit.signing-key")
    Optional<String> configured;

    private CheckpointSigner signer;

    synchronized CheckpointSigner signer() {
        if (signer == null) {
            signer = CheckpointSigner.withKey(KeyFiles.configuredOrGenerated(configured, "roster.audit.signing-key",
                    GENERATED));
        }
        return signer;
    }

}
