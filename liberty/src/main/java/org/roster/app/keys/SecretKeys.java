package org.roster.app.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.roster.app.config.RosterSettings;
import org.roster.store.SecretBox;

/**
 * The keys that keep Roster's secrets at rest: they seal sources' passwords, Telegram session keys
 * and the keys of the lookup digests ({@link SecretBox}, {@link DigestKeys}). Each key has an id;
 * {@code roster.secrets.keys} lists them as {@code id:base64} (32 bytes each), the first sealing new
 * values and the others opening what they sealed until a rotation ({@link KeyRotation}) has
 * re-sealed it. {@code roster.secrets.key}, the single key of before, is the key of id
 * {@value SecretBox#LEGACY}. Every server of one database needs the same keys.
 * The embedded default generates the legacy key under the server's {@code keys/} folder; with an
 * external database keys must be configured, since a key made on one server would leave the others
 * unable to open what it sealed.
 *
 * <pre>{@code
 * String sealed = keys.box().seal(bytes, "telegram_account:p1"); // "v2:<current key id>:…"
 * }</pre>
 */
@ApplicationScoped
public class SecretKeys {

    private static final Path GENERATED_KEY = Path.of("keys", "secrets.key");

    @Inject
    RosterSettings settings;

    @Inject @ConfigProperty(name = "roster.secrets.key")
    Optional<String> secretsKey;

    @Inject @ConfigProperty(name = "roster.secrets.keys")
    Optional<String> secretsKeys;

    private Map<String, byte[]> keys;
    private String current;
    private SecretBox box;

    /** The configured keys, in order: the sealing key first, then the others, the legacy key last. */
    private synchronized Map<String, byte[]> keys() {
        if (keys == null) {
            Map<String, byte[]> ring = parse(secretsKeys.orElse(""));
            boolean legacyConfigured = secretsKey.filter(k -> !k.isBlank()).isPresent();
            if (ring.isEmpty() && !legacyConfigured && !settings.embeddedDatabase()) {
                throw new IllegalStateException("Set roster.secrets.keys (id:base64 of 32 random bytes; the same on "
                        + "every server of the database) to keep secrets such as sources' passwords and Telegram "
                        + "sessions.");
            }
            // the generated file is the legacy key of an embedded server; once other keys are set it is
            // read only while it is still there, to open what it sealed until a rotation is done
            if (legacyConfigured || (settings.embeddedDatabase() && (ring.isEmpty() || Files.exists(GENERATED_KEY)))) {
                byte[] legacy = KeyFiles.configuredOrGenerated(secretsKey, "roster.secrets.key", GENERATED_KEY);
                if (ring.putIfAbsent(SecretBox.LEGACY, legacy) != null) {
                    throw new IllegalStateException("roster.secrets.keys names a key " + SecretBox.LEGACY
                            + ", which is the id of roster.secrets.key");
                }
            }
            current = ring.keySet().iterator().next();
            keys = ring;
        }
        return keys;
    }

    /** Reads {@code id:base64, id:base64, …}; the order is kept. */
    static Map<String, byte[]> parse(String configured) {
        return parse("roster.secrets.keys", configured);
    }

    /** Reads the setting {@code property}, written {@code id:base64, id:base64, …}; the order is kept. */
    public static Map<String, byte[]> parse(String property, String configured) {
        Map<String, byte[]> ring = new LinkedHashMap<>();
        for (String entry : configured.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon < 1) {
                throw new IllegalStateException(property + ": each key is written id:base64 (such as "
                        + "2026-12:…), separated by commas; one has no id");
            }
            String id = entry.substring(0, colon).strip();
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(property + ": the key " + id + " is not base64", e);
            }
            if (ring.put(id, key) != null) {
                throw new IllegalStateException(property + ": the key id " + id + " appears twice");
            }
        }
        return ring;
    }

    /** Seals and opens secrets. */
    public synchronized SecretBox box() {
        if (box == null) {
            Map<String, byte[]> ring = keys();
            try {
                box = SecretBox.withKeys(current, ring);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("roster.secrets.keys: " + e.getMessage(), e);
            }
        }
        return box;
    }

    /**
     * The key the lookup digests of an installation from before wrapped digest keys were made
     * under: the legacy key if configured, otherwise the sealing key ({@link DigestKeys}).
     */
    synchronized byte[] firstDigestSeed() {
        Map<String, byte[]> ring = keys();
        return ring.getOrDefault(SecretBox.LEGACY, ring.get(current)).clone();
    }
}
