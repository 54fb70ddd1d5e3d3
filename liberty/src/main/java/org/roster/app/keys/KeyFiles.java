package org.roster.app.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Keys that live outside the database: in production a base64 configuration value (write-only);
 * in the embedded default a file of random bytes generated under the server's directory at first
 * start, readable by its owner only.
 *
 * <pre>{@code
 * byte[] key = KeyFiles.configuredOrGenerated(configured, "roster.secrets.key", Path.of("keys", "secrets.key"));
 * }</pre>
 */
public final class KeyFiles {

    private static final Logger LOG = Logger.getLogger(KeyFiles.class.getName());
    private static final int GENERATED_BYTES = 32;

    private KeyFiles() {
    }

    public static byte[] configuredOrGenerated(Optional<String> configured, String setting, Path file) {
        return configured.filter(k -> !k.isBlank()).map(k -> decode(k, setting)).orElseGet(() -> generated(file, setting));
    }

    private static byte[] decode(String base64, String setting) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not base64", e);
        }
    }

    private static synchronized byte[] generated(Path file, String setting) {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[GENERATED_BYTES];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(file.getParent());
                Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // the file system has no POSIX permissions: the directory's protection applies
                }
                LOG.warning(() -> "Generated a key in " + file.toAbsolutePath() + "; in production set " + setting
                        + " instead");
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("can't read or create the key " + file.toAbsolutePath(), e);
        }
    }
}
