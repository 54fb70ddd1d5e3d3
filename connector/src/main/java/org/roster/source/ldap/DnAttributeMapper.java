package org.roster.source.ldap;

import java.util.List;
import java.util.Objects;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import org.roster.directory.DirectoryEntry;
import org.roster.policy.PersonField;

/**
 * Maps an attribute that holds the DN of another entry, such as {@code manager}, onto a Roster
 * field. Each value must be a DN by the LDAP SDK's reading; one that is not (a name typed in by
 * hand, say) is not copied, and the entry carries a problem naming the field and the attribute.
 * Chosen by the mapping for the {@code manager} field.
 *
 * <pre>{@code
 * new DnAttributeMapper(PersonField.MANAGER, "manager");
 * // manager: uid=p7,ou=people,dc=example,dc=org  -> copied
 * // manager: Ana Ruiz                            -> problem "manager (attribute manager) is not a valid DN"
 * }</pre>
 *
 * @param field         the field the DN fills
 * @param ldapAttribute the attribute as the mapping names it
 */
public record DnAttributeMapper(PersonField field, String ldapAttribute) implements AttributeMapper {

    public DnAttributeMapper {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(ldapAttribute, "ldapAttribute");
    }

    @Override
    public List<String> ldapAttributes() {
        return List.of(ldapAttribute);
    }

    @Override
    public void map(Entry ldapEntry, DirectoryEntry.Builder into) {
        List<String> values = AttributeValues.of(ldapEntry, ldapAttribute, field.policyName(), into);
        if (!values.stream().allMatch(DN::isValidDN)) {
            into.problem(AttributeValues.problem(field.policyName(), ldapAttribute, "is not a valid DN"));
            return;
        }
        values.forEach(value -> into.add(field, value));
    }
}
