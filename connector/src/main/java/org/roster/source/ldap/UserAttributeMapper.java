package org.roster.source.ldap;

import java.util.List;
import java.util.Objects;

import com.unboundid.ldap.sdk.Entry;
import org.roster.directory.DirectoryEntry;
import org.roster.policy.PersonField;

/**
 * Maps one LDAP attribute onto one Roster field, copying every value. A value that is not valid
 * UTF-8 is not copied: the entry carries a problem naming the field and the attribute instead.
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
        for (String value : AttributeValues.of(ldapEntry, ldapAttribute, field.policyName(), into)) {
            into.add(field, value);
        }
    }
}
