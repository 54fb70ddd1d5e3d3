package org.roster.source.ldap;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.unboundid.ldap.sdk.Entry;
import org.roster.directory.DirectoryEntry;

/**
 * An LDAP attribute's values as text, decoded strictly as UTF-8, which LDAP strings are (RFC 4517).
 * The LDAP SDK's string getters turn bytes that are not UTF-8 into U+FFFD and hand on a mangled
 * value; here such a value is not handed on at all, and the entry carries a problem naming the
 * field and the attribute instead (never the value).
 *
 * <pre>{@code
 * for (String mobile : AttributeValues.of(ldapEntry, "mobile", "mobile", builder)) {
 *     builder.add(PersonField.MOBILE, mobile);
 * }
 * // bytes that are not UTF-8: no values, and the problem "mobile (attribute mobile) is not valid UTF-8"
 * }</pre>
 */
final class AttributeValues {

    private AttributeValues() {
    }

    /**
     * The attribute's values, in the directory's order; none when the entry has no such attribute,
     * and none (with a problem recorded on {@code into}) when any value is not valid UTF-8.
     *
     * @param field the Roster field the attribute is mapped to, as problems name it
     */
    static List<String> of(Entry ldapEntry, String attribute, String field, DirectoryEntry.Builder into) {
        byte[][] raw = ldapEntry.getAttributeValueByteArrays(attribute);
        if (raw == null) {
            return List.of();
        }
        // a decoder is not thread-safe, and entries may be read on several threads at once
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> values = new ArrayList<>(raw.length);
        for (byte[] bytes : raw) {
            try {
                values.add(decoder.decode(ByteBuffer.wrap(bytes)).toString());
            } catch (CharacterCodingException e) {
                into.problem(problem(field, attribute, "is not valid UTF-8"));
                return List.of();
            }
        }
        return values;
    }

    /** A problem in the words every LDAP mapper uses: {@code manager (attribute manager) is not a valid DN}. */
    static String problem(String field, String attribute, String what) {
        return field + " (attribute " + attribute + ") " + what;
    }
}
