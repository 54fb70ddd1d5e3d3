package org.roster.source.ldap;

import java.util.List;
import java.util.Objects;

import com.unboundid.ldap.sdk.Entry;
import org.roster.directory.DirectoryEntry;
import org.roster.policy.PersonField;

/**
 * Maps one LDAP attribute onto one Roster field, copying every value.
 *
 * <pre>{@code
 * new UserAttributeMapper(PersonField.MOBILE, "mobile");
 * }</pre>
 */
public record UserAttributeMapper(PersonField field, String ldapAttribute) implements AttributeMapper {

    public UserAttributeMapper {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(ldapAttribute, "ldapAttribute");
    }

    @Override
    public List<String> ldapAttributes() {
        return List.of(ldapAttribute);
    }

    @Override
    public void map(Entry ldapEntry, DirectoryEntry.Builder into) {
        String[] values = ldapEntry.getAttributeValues(ldapAttribute);
        if (values != null) {
            for (String value : values) {
                into.add(field, value);
            }
        }
    }
}
