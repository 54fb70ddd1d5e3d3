package org.roster.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.UnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.roster.store.SecretBox;

/**
 * The key that keeps Roster's secrets at rest ({@code roster.secrets.key}, 32 bytes, base64; the
 * same on every server of one database): it seals sources' passwords and Telegram session keys
 * ({@link SecretBox}), and keys the digests of numbers Roster must recognise without keeping them and
 * of app passwords.
 * The embedded default generates one under the server's {@code keys/} folder; with an external
 * database it must be configured, since a key made on one server would leave the others unable
 * to open what it sealed.
 *
 * <pre>{@code
 * String sealed = keys.box().seal(bytes, "telegram_account:p1");
 * String digest = keys.numberDigest().apply("4915112345678");
 * }</pre>
 */
@ApplicationScoped
public class SecretKeys {

    private static final Path GENERATED_KEY = Path.of("keys", "secrets.key");

    @Inject
    RosterSettings settings;

    @Inject @ConfigProperty(name = "roster.secrets.key")
    Optional<String> secretsKey;

    private byte[] key;
    private SecretBox box;

    private synchronized byte[] key() {
        if (key == null) {
            if (secretsKey.filter(k -> !k.isBlank()).isEmpty() && !settings.embeddedDatabase()) {
                throw new IllegalStateException("Set roster.secrets.key (32 random bytes, base64; the same on every "
                        + "server of the database) to keep secrets such as sources' passwords and Telegram sessions.");
            }
            key = KeyFiles.configuredOrGenerated(secretsKey, "roster.secrets.key", GENERATED_KEY);
        }
        return key;
    }

    /** Seals and opens secrets. */
    public synchronized SecretBox box() {
        if (box == null) {
            try {
                box = new SecretBox(key());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("roster.secrets.key: " + e.getMessage(), e);
            }
        }
        return box;
    }

    /**
     * A keyed digest (HMAC-SHA256 under a key derived for this purpose) of a phone number's digits:
     * equal numbers give equal digests, and the digests give away no number without the key.
     */
    public UnaryOperator<String> numberDigest() {
        byte[] derived = hmac(key(), "roster/telephone-number-digest/v1".getBytes(StandardCharsets.UTF_8));
        return digits -> HexFormat.of().formatHex(hmac(derived, digits.getBytes(StandardCharsets.UTF_8)));
    }

    /** The key app passwords are found by ({@link AppPasswordDigest}), derived for that purpose alone. */
    public AppPasswordDigest appPasswordDigest() {
        return new AppPasswordDigest(hmac(key(), "roster/app-password-lookup/v1".getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this Java runtime", e);
        }
    }
}
