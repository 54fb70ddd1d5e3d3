package org.roster.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets for storage: AES-256-GCM with a fresh 96-bit nonce per seal, bound to what the
 * secret belongs to (associated data such as {@code directory_source:hr}), so a sealed value copied
 * to another row does not open there. The keys live outside the database; each has an id, which
 * every sealed value carries ({@code v2:<key id>:…}), so a new key can seal while older ones still
 * open what they sealed. Values sealed before key ids ({@code v1:…}) open with the key of id
 * {@value #LEGACY}.
 *
 * <pre>{@code
 * SecretBox box = SecretBox.withKeys("2026-12", Map.of("2026-12", key32Bytes, "legacy", oldKey32Bytes));
 * String sealed = box.seal("s3cret".getBytes(UTF_8), "directory_source:hr"); // "v2:2026-12:…"
 * byte[] plain = box.open(sealed, "directory_source:hr");
 * box.sealedUnderCurrentKey(sealed);                                        // true
 * }</pre>
 */
public final class SecretBox {

    /** The id of the key that sealed values from before key ids ({@code roster.secrets.key}). */
    public static final String LEGACY = "legacy";

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");
    private static final String LEGACY_PREFIX = "v1:";
    private static final String PREFIX = "v2:";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final String current;
    private final Map<String, SecretKeySpec> keys;
    private final SecureRandom random = new SecureRandom();

    /** A box with one key, of id {@value #LEGACY}. @param key 32 bytes */
    public SecretBox(byte[] key) {
        this(LEGACY, Map.of(LEGACY, key));
    }

    private SecretBox(String current, Map<String, byte[]> keys) {
        if (!keys.containsKey(current)) {
            throw new IllegalArgumentException("the sealing key " + current + " is not among the keys");
        }
        Map<String, SecretKeySpec> specs = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("a key id has 1 to 32 letters, digits, '.', '_' or '-', not \""
                        + id + "\"");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("the secrets key " + id + " must be 32 bytes (256 bits), not "
                        + key.length);
            }
            specs.put(id, new SecretKeySpec(key.clone(), "AES"));
        });
        this.current = current;
        this.keys = Map.copyOf(specs);
    }

    /**
     * A box that seals with the key {@code current} and opens with any of {@code keys} (id to 32
     * bytes).
     *
     * @throws IllegalArgumentException when {@code current} is not among the keys, an id is not a
     *                                  short name, or a key is not 32 bytes
     */
    public static SecretBox withKeys(String current, Map<String, byte[]> keys) {
        return new SecretBox(current, keys);
    }

    /** The id of the key new values are sealed with. */
    public String currentKeyId() {
        return current;
    }

    /** The ids of the keys this box opens with. */
    public Set<String> keyIds() {
        return keys.keySet();
    }

    /** Seals {@code plain} for the owner named by {@code context}, under the current key. */
    public String seal(byte[] plain, String context) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(current), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return PREFIX + current + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /**
     * The id of the key a value was sealed with.
     *
     * @throws IllegalArgumentException when the value is not a sealed one
     */
    public static String keyIdOf(String sealed) {
        if (sealed != null && sealed.startsWith(LEGACY_PREFIX)) {
            return LEGACY;
        }
        int end = sealed == null || !sealed.startsWith(PREFIX) ? -1 : sealed.indexOf(':', PREFIX.length());
        if (end < 0) {
            throw new IllegalArgumentException("a sealed secret starts with " + PREFIX + "<key id>: or "
                    + LEGACY_PREFIX);
        }
        return sealed.substring(PREFIX.length(), end);
    }

    /** Whether a value is sealed under the current key, so re-sealing it would change nothing. */
    public boolean sealedUnderCurrentKey(String sealed) {
        return current.equals(keyIdOf(sealed));
    }

    /**
     * Opens what {@link #seal} sealed for the same context, under whichever configured key sealed it.
     *
     * @throws IllegalArgumentException when the key that sealed the value is not configured, or
     *                                  the value was sealed with another key of that id, for another
     *                                  owner, or was altered
     */
    public byte[] open(String sealed, String context) {
        String id = keyIdOf(sealed);
        SecretKeySpec key = keys.get(id);
        if (key == null) {
            throw new IllegalArgumentException("a sealed secret can't be opened: it was sealed with the key " + id
                    + ", which is not configured (roster.secrets.keys)");
        }
        String body = sealed.substring(LEGACY.equals(id) && sealed.startsWith(LEGACY_PREFIX) ? LEGACY_PREFIX.length()
                : PREFIX.length() + id.length() + 1);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a sealed secret is not base64", e);
        }
        if (bytes.length < NONCE + TAG_BITS / 8) {
            throw new IllegalArgumentException("a sealed secret is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOf(bytes, NONCE)));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(bytes, NONCE, bytes.length - NONCE);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("a sealed secret can't be opened: it was sealed with another key "
                    + "of id " + id + " (roster.secrets.key or roster.secrets.keys), for another owner, or altered", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "SecretBox[sealing key " + current + ", keys " + keys.keySet() + ", redacted]";
    }
}
