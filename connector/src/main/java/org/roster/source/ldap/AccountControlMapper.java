package org.roster.source.ldap;

import java.util.List;

import com.unboundid.ldap.sdk.Entry;
import org.roster.directory.DirectoryEntry;
import org.roster.policy.PersonField;

/**
 * Active Directory's {@code userAccountControl} as Roster's {@code accountDisabled}: the account is
 * disabled when the ACCOUNTDISABLE flag (0x2) is set. A value that is not an integer says nothing
 * about the account, and guessing could publish a disabled one: the entry carries a problem naming
 * the field and the attribute instead, and is rejected. Chosen by the mapping
 * {@code accountDisabled=userAccountControl}.
 *
 * <pre>{@code
 * new AccountControlMapper("userAccountControl");   // 514 -> "true", 512 -> "false"
 * // "enabled" -> problem "accountDisabled (attribute userAccountControl) is not an integer"
 * }</pre>
 *
 * @param ldapAttribute the attribute as the mapping names it
 */
public record AccountControlMapper(String ldapAttribute) implements AttributeMapper {

    private static final int ACCOUNT_DISABLE = 0x2;

    @Override
    public PersonField field() {
        return PersonField.ACCOUNT_DISABLED;
    }

    @Override
    public List<String> ldapAttributes() {
        return List.of(ldapAttribute);
    }

    @Override
    public void map(Entry ldapEntry, DirectoryEntry.Builder into) {
        String field = PersonField.ACCOUNT_DISABLED.policyName();
        for (String value : AttributeValues.of(ldapEntry, ldapAttribute, field, into)) {
            long flags;
            try {
                flags = Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                into.problem(AttributeValues.problem(field, ldapAttribute, "is not an integer"));
                continue;
            }
            into.add(PersonField.ACCOUNT_DISABLED, (flags & ACCOUNT_DISABLE) != 0 ? "true" : "false");
        }
    }
}
