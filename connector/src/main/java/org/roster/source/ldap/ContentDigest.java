package org.roster.source.ldap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;

/**
 * The digest of an LDAP entry's content exactly as the server returned it (its DN, and each
 * attribute's name and value bytes in the server's order) under the source's mapping settings
 * (identity attribute, mappers, group attribute). Two entries with equal digests map to equal
 * {@link org.roster.directory.DirectoryEntry}s, so a full read may skip mapping an entry whose
 * digest the run already holds; an entry whose attributes merely arrive in another order digests
 * differently and is mapped, which costs time, never correctness.
 *
 * <pre>{@code
 * ContentDigest digests = new ContentDigest(config);   // one per reading thread
 * ContentDigest.Content content = digests.of(searchResultEntry);
 * byte[] digest = content.digest();
 * }</pre>
 */
final class ContentDigest {

    /** Changes whenever what an entry maps to could change for the same bytes: a new mapping rule. */
    private static final String VERSION = "roster ldap entry content 1";

    private final MessageDigest sha;
    /** The mapping settings' part of every content, digested first. */
    private final byte[] settings;
    private final String idAttribute;
    /** The attribute changes are tracked by; null when none. */
    private final String changeAttribute;
    /** An entry's content, gathered to be digested in one update. */
    private byte[] buffer = new byte[1024];
    private int length;

    /**
     * What one pass over an entry's attributes gives: its content digest, and the raw values of
     * its identity and of its change attribute (null when it has none), which the read needs too.
     */
    record Content(byte[] digest, byte[][] ids, byte[] changed) {
    }

    ContentDigest(LdapSourceConfig config) {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        idAttribute = config.idAttribute();
        changeAttribute = config.changeAttribute().orElse(null);
        text(VERSION);
        text(config.idAttribute());
        text(config.mappers().toString());
        text(config.groupAttribute().orElse(""));
        settings = sha.digest(Arrays.copyOf(buffer, length));
    }

    /** The entry's content digest, identity and change value. Not thread-safe: one per reading thread. */
    Content of(Entry entry) {
        length = 0;
        put(settings, settings.length);
        text(entry.getDN());
        byte[][] ids = null;
        byte[] changed = null;
        for (Attribute attribute : entry.getAttributes()) {
            String name = attribute.getName();
            text(name);
            ASN1OctetString[] values = attribute.getRawValues();
            number(values.length);
            boolean id = name.equalsIgnoreCase(idAttribute);
            if (id) {
                ids = new byte[values.length][];
            }
            for (int i = 0; i < values.length; i++) {
                byte[] bytes = values[i].getValue();
                number(bytes.length);
                put(bytes, bytes.length);
                if (id) {
                    ids[i] = bytes;
                }
            }
            if (changeAttribute != null && values.length > 0 && name.equalsIgnoreCase(changeAttribute)) {
                changed = values[0].getValue();
            }
        }
        sha.update(buffer, 0, length);
        return new Content(sha.digest(), ids, changed);
    }

    /** Text as UTF-8: names and DNs are mostly ASCII, which is copied without an encoder. */
    private void text(String text) {
        int n = text.length();
        room(4 + n);
        int at = length + 4;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                number(bytes.length);
                put(bytes, bytes.length);
                return;
            }
            buffer[at++] = (byte) c;
        }
        number(n);
        length += n;
    }

    /** Every part is preceded by its length, so that no two contents run into the same bytes. */
    private void number(int value) {
        room(4);
        buffer[length++] = (byte) (value >>> 24);
        buffer[length++] = (byte) (value >>> 16);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void put(byte[] bytes, int n) {
        room(n);
        System.arraycopy(bytes, 0, buffer, length, n);
        length += n;
    }

    private void room(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
