package org.roster.source.ldap;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import org.roster.policy.PersonField;
import org.roster.source.Secret;

/**
 * How to read one LDAP directory. Built with {@link #parse}, which checks every value with the LDAP
 * SDK and says which setting is wrong.
 *
 * <pre>{@code
 * LdapSourceConfig config = LdapSourceConfig.parse("ldap://ldap.example.org:389",
 *         "cn=roster,ou=services,dc=example,dc=org", Secret.of(password),
 *         "ou=people,dc=example,dc=org", "(objectClass=inetOrgPerson)", "uid",
 *         LdapSourceConfig.DEFAULT_MAPPING, 500);
 * }</pre>
 *
 * @param urls        the servers, in order of preference: the next is tried when one can't be reached
 * @param bindDn      the bind DN; empty for an anonymous bind
 * @param password    the bind password
 * @param baseDn      where to search
 * @param filter      which entries are employees
 * @param idAttribute the attribute holding each employee's stable identity
 * @param mappers     how attributes become fields
 * @param pageSize    entries per page of the simple paged results control
 * @param connection  TLS, trust and timeouts
 * @param changeAttribute the attribute that tells what changed since a watermark: {@code modifyTimestamp}
 *                    (OpenLDAP, 389-DS) or {@code uSNChanged} (Active Directory); empty reads only in full
 */
public record LdapSourceConfig(List<LDAPURL> urls, String bindDn, Secret password, DN baseDn, Filter filter,
                               String idAttribute, List<AttributeMapper> mappers, int pageSize,
                               Optional<String> groupAttribute, LdapConnectionSettings connection,
                               Optional<String> changeAttribute) {

    /** The attributes a source can track changes by. */
    public static final Set<String> CHANGE_ATTRIBUTES = Set.of("modifyTimestamp", "uSNChanged", "contentSync");

    /** The mapping for inetOrgPerson directories such as OpenLDAP and 389-DS. */
    public static final String DEFAULT_MAPPING = "givenName=givenName,surname=sn,displayName=displayName,"
            + "mobile=mobile,workPhone=telephoneNumber,mail=mail,department=departmentNumber,location=l,"
            + "title=title,employeeType=employeeType,manager=manager";

    /**
     * Changes tracked by the content synchronisation operation (RFC 4533, OpenLDAP's syncprov):
     * a cookie instead of a timestamp, and deletions reported by entryUUID.
     */
    public static final String CONTENT_SYNC = "contentSync";

    public LdapSourceConfig {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("an LDAP source needs at least one server URL");
        }
        if (urls.stream().map(LDAPURL::getScheme).distinct().count() > 1) {
            throw new IllegalArgumentException("the LDAP URLs " + urls + " mix ldap:// and ldaps://; use one scheme "
                    + "(and StartTLS for ldap://)");
        }
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(changeAttribute, "changeAttribute");
        if (changeAttribute.isPresent() && !CHANGE_ATTRIBUTES.contains(changeAttribute.get())) {
            throw new IllegalArgumentException("changes can be tracked by " + CHANGE_ATTRIBUTES + ", not \""
                    + changeAttribute.get() + "\"");
        }
        if (changeAttribute.filter(CONTENT_SYNC::equals).isPresent() && !"entryUUID".equalsIgnoreCase(idAttribute)) {
            throw new IllegalArgumentException("content synchronisation reports deletions by entryUUID: set the "
                    + "identity attribute to entryUUID, not " + idAttribute);
        }
        Objects.requireNonNull(bindDn, "bindDn");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(baseDn, "baseDn");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(idAttribute, "idAttribute");
        mappers = List.copyOf(mappers);
        Objects.requireNonNull(groupAttribute, "groupAttribute");
        if (pageSize < 1 || pageSize > 10_000) {
            throw new IllegalArgumentException("page size " + pageSize + " is not between 1 and 10000");
        }
    }

    /** The preferred server. */
    public LDAPURL url() {
        return urls.get(0);
    }

    /** Whether connections are encrypted: {@code ldaps://}, or StartTLS. */
    public boolean tls() {
        return "ldaps".equals(url().getScheme()) || connection.startTls();
    }

    /**
     * Reads a configuration from text settings, naming the setting that is wrong.
     *
     * @param url     one server URL, or several separated by spaces (failover, in order)
     * @param mapping comma-separated {@code field=ldapAttribute} pairs, e.g. {@code surname=sn}
     * @throws IllegalArgumentException naming the setting and what is wrong with it
     */
    public static LdapSourceConfig parse(String url, String bindDn, Secret password, String baseDn,
                                         String filter, String idAttribute, String mapping, int pageSize) {
        List<LDAPURL> ldapUrls = new ArrayList<>();
        for (String one : url.strip().split("\\s+")) {
            LDAPURL ldapUrl;
            try {
                ldapUrl = new LDAPURL(one);
            } catch (LDAPException e) {
                throw new IllegalArgumentException("LDAP URL \"" + one + "\" is not valid: " + e.getMessage());
            }
            if (!Set.of("ldap", "ldaps").contains(ldapUrl.getScheme())) {
                throw new IllegalArgumentException("LDAP URL \"" + one + "\" must start with ldap:// or ldaps://");
            }
            ldapUrls.add(ldapUrl);
        }
        if (!bindDn.isBlank() && !DN.isValidDN(bindDn)) {
            throw new IllegalArgumentException("bind DN \"" + bindDn + "\" is not a valid DN");
        }
        DN base;
        try {
            base = new DN(baseDn);
        } catch (LDAPException e) {
            throw new IllegalArgumentException("base DN \"" + baseDn + "\" is not a valid DN: " + e.getMessage());
        }
        Filter parsed;
        try {
            parsed = Filter.create(filter);
        } catch (LDAPException e) {
            throw new IllegalArgumentException("filter \"" + filter + "\" is not a valid LDAP filter: "
                    + e.getMessage());
        }
        if (idAttribute.isBlank()) {
            throw new IllegalArgumentException("the identity attribute is empty");
        }
        return new LdapSourceConfig(ldapUrls, bindDn.strip(), password, base, parsed, idAttribute.strip(),
                mappers(mapping), pageSize, Optional.empty(), LdapConnectionSettings.DEFAULT,
                Optional.empty());
    }

    /** Parses {@code field=attribute} pairs into mappers. */
    public static List<AttributeMapper> mappers(String mapping) {
        List<AttributeMapper> mappers = new ArrayList<>();
        for (String pair : mapping.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.split("=", 2);
            if (parts.length != 2 || parts[1].isBlank()) {
                throw new IllegalArgumentException("attribute mapping \"" + pair.strip()
                        + "\" is not of the form field=ldapAttribute");
            }
            PersonField field = PersonField.byName(parts[0].strip()).orElseThrow(() -> new IllegalArgumentException(
                    "attribute mapping \"" + pair.strip() + "\" names an unknown field \"" + parts[0].strip() + "\""));
            String attribute = parts[1].strip();
            if (field == PersonField.ACCOUNT_DISABLED && "userAccountControl".equalsIgnoreCase(attribute)) {
                mappers.add(new AccountControlMapper(attribute));
            } else if (field == PersonField.MANAGER) {
                mappers.add(new DnAttributeMapper(field, attribute));
            } else {
                mappers.add(new UserAttributeMapper(field, attribute));
            }
        }
        if (mappers.isEmpty()) {
            throw new IllegalArgumentException("the attribute mapping is empty");
        }
        return mappers;
    }

    /**
     * The same source, reading only the fields a policy uses: the other mappers are dropped, so
     * their attributes are never requested from the directory.
     */
    public LdapSourceConfig onlyFields(Set<PersonField> fields) {
        return new LdapSourceConfig(urls, bindDn, password, baseDn, filter, idAttribute,
                mappers.stream().filter(m -> fields.contains(m.field())).toList(), pageSize, groupAttribute, connection,
                changeAttribute);
    }

    /** The same source, also reading group memberships from this attribute (e.g. {@code memberOf}). */
    public LdapSourceConfig withGroups(String attribute) {
        if (attribute.isBlank()) {
            throw new IllegalArgumentException("the group attribute is empty");
        }
        return new LdapSourceConfig(urls, bindDn, password, baseDn, filter, idAttribute, mappers, pageSize,
                Optional.of(attribute.strip()), connection, changeAttribute);
    }

    /** The same source, connected with these settings (TLS, trust, timeouts). */
    public LdapSourceConfig connectingWith(LdapConnectionSettings settings) {
        return new LdapSourceConfig(urls, bindDn, password, baseDn, filter, idAttribute, mappers, pageSize,
                groupAttribute, settings, changeAttribute);
    }

    /**
     * The same source, able to read only what changed, by this attribute ({@code modifyTimestamp}
     * or {@code uSNChanged}); empty or {@code none} reads only in full.
     */
    public LdapSourceConfig trackingChangesBy(String attribute) {
        String name = attribute == null ? "" : attribute.strip();
        Optional<String> tracked = name.isEmpty() || "none".equals(name) ? Optional.empty()
                : Optional.of(CHANGE_ATTRIBUTES.stream().filter(a -> a.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("changes can be tracked by modifyTimestamp, "
                        + "uSNChanged or contentSync (or none), not \"" + attribute + "\"")));
        return new LdapSourceConfig(urls, bindDn, password, baseDn, filter, idAttribute, mappers, pageSize,
                groupAttribute, connection, tracked);
    }

    /** Exactly the attributes the mappers and the identity need: minimisation starts at the source. */
    public String[] requestedAttributes() {
        Set<String> attributes = new LinkedHashSet<>();
        attributes.add(idAttribute);
        mappers.forEach(m -> attributes.addAll(m.ldapAttributes()));
        groupAttribute.ifPresent(attributes::add);
        changeAttribute.ifPresent(attributes::add);
        return attributes.toArray(String[]::new);
    }

    @Override
    public String toString() {
        return "LdapSourceConfig[urls=" + urls + ", bindDn=" + bindDn + ", baseDn=" + baseDn + ", filter=" + filter
                + ", idAttribute=" + idAttribute + ", pageSize=" + pageSize + ", " + connection + "]";
    }
}
