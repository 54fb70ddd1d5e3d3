package org.roster.source.ldap;

import java.util.List;

import com.unboundid.ldap.sdk.Entry;
import org.roster.directory.DirectoryEntry;
import org.roster.policy.PersonField;

/**
 * One small translation from an LDAP entry into Roster's fields. A source is configured with a list
 * of mappers; adding a mapping means adding a mapper, never editing a switch.
 *
 * <pre>{@code
 * AttributeMapper surname = new UserAttributeMapper(PersonField.SURNAME, "sn");
 * surname.ldapAttributes(); // [sn] -- the only attributes the search asks for
 * }</pre>
 */
public interface AttributeMapper {

    /** The Roster field this mapper fills. */
    PersonField field();

    /** The LDAP attributes this mapper reads; the search requests exactly the union of these. */
    List<String> ldapAttributes();

    /** Copies what this mapper is responsible for from the LDAP entry into the builder. */
    void map(Entry ldapEntry, DirectoryEntry.Builder into);
}
