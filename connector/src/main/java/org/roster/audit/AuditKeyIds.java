package org.roster.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How a seal or signature names the audit key that made it: {@code <key id>:<hex>}, and plain hex
 * for the key of id {@value #LEGACY} (the single key of before, so seals written before keys had
 * ids still read as its).
 */
final class AuditKeyIds {

    /** The id of the single audit key of before ({@code roster.audit.signing-key}). */
    static final String LEGACY = "legacy";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    private AuditKeyIds() {
    }

    /** The keys by id, each turned into what a signer holds, the signing key first; ids checked. */
    static <T> Map<String, T> ring(String current, Map<String, byte[]> keys, Function<byte[], T> each) {
        Objects.requireNonNull(current, "current");
        if (!keys.containsKey(current)) {
            throw new IllegalArgumentException("the audit signing key " + current + " is not among the keys");
        }
        Map<String, T> ring = new LinkedHashMap<>();
        ring.put(current, each.apply(keys.get(current)));
        keys.forEach((id, key) -> {
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("an audit key id is 1 to 32 letters, digits, dots, dashes or "
                        + "underscores, which \"" + id + "\" is not");
            }
            ring.computeIfAbsent(id, i -> each.apply(key));
        });
        return ring;
    }

    /** The text of a MAC made by the key of this id. */
    static String tagged(String keyId, String hex) {
        return LEGACY.equals(keyId) ? hex : keyId + ":" + hex;
    }

    /** The id of the key a tagged MAC names. */
    static String keyOf(String tagged) {
        int colon = tagged.indexOf(':');
        return colon < 0 ? LEGACY : tagged.substring(0, colon);
    }

    /** The MAC itself, without the key id. */
    static String hexOf(String tagged) {
        return tagged.substring(tagged.indexOf(':') + 1);
    }
}
