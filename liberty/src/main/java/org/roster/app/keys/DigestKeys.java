package org.roster.app.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.UnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.roster.app.config.TransactionalWork;
import org.roster.app.platforms.AppPasswordDigest;
import org.roster.records.SealedDigestKeys;

/**
 * The keys of the digests Roster looks things up by without keeping them: app passwords
 * ({@link AppPasswordDigest}) and the numbers of employees' own Telegram contacts. A digest can't be
 * made again under a new key, since Roster does not keep what it digests; so these keys don't
 * change when the secrets key does. Each is kept in {@code secret_digest_key}, sealed under the
 * current secrets key, and a rotation re-seals it ({@link KeyRotation}). The first time one is
 * needed it is derived from the legacy secrets key (or, without one, the sealing key), so the
 * digests of an installation from before keep matching.
 *
 * <pre>{@code
 * String lookup = digestKeys.appPasswordDigest().of(password);
 * String digest = digestKeys.numberDigest().apply("4915112345678");
 * }</pre>
 */
@ApplicationScoped
public class DigestKeys {

    /** What a digest key is for; the label is also what it was derived under. */
    enum Purpose {
        APP_PASSWORD("app-password-lookup", "roster/app-password-lookup/v1"),
        TELEPHONE_NUMBER("telephone-number-digest", "roster/telephone-number-digest/v1");

        final String id;
        final String label;

        Purpose(String id, String label) {
            this.id = id;
            this.label = label;
        }

        String context() {
            return "secret_digest_key:" + id;
        }
    }

    @Inject
    SealedDigestKeys stored;

    @Inject
    TransactionalWork tx;

    @Inject
    SecretKeys keys;

    private final Map<Purpose, byte[]> opened = new HashMap<>();

    /** The key app passwords are found by. */
    public AppPasswordDigest appPasswordDigest() {
        return new AppPasswordDigest(key(Purpose.APP_PASSWORD));
    }

    /**
     * A keyed digest (HMAC-SHA256) of a phone number's digits: equal numbers give equal digests,
     * and the digests give away no number without the key.
     */
    public UnaryOperator<String> numberDigest() {
        byte[] key = key(Purpose.TELEPHONE_NUMBER);
        return digits -> HexFormat.of().formatHex(hmac(key, digits.getBytes(StandardCharsets.UTF_8)));
    }

    /** Makes sure every digest key is stored, so a rotation re-seals them all. */
    void storeAll() {
        for (Purpose purpose : Purpose.values()) {
            key(purpose);
        }
    }

    /** The key of a purpose: stored, or derived and stored now (every server derives the same). */
    private synchronized byte[] key(Purpose purpose) {
        byte[] key = opened.get(purpose);
        if (key == null) {
            String sealed = stored(purpose);
            if (sealed == null) {
                byte[] derived = hmac(keys.firstDigestSeed(), purpose.label.getBytes(StandardCharsets.UTF_8));
                String made = keys.box().seal(derived, purpose.context());
                // two servers starting together derive the same key: whichever stores first wins
                tx.inTransaction(() -> stored.keepFirst(purpose.id, made));
                sealed = stored(purpose);
            }
            key = keys.box().open(sealed, purpose.context());
            opened.put(purpose, key);
        }
        return key;
    }

    private String stored(Purpose purpose) {
        return tx.inTransaction(() -> stored.sealed(purpose.id)).orElse(null);
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
