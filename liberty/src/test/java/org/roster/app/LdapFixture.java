package org.roster.app;

import java.util.ArrayList;
import java.util.List;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;

/**
 * The directory the server under test reads: an UnboundID in-memory LDAP server in the test JVM,
 * on the port the build reserved and passed to the server as {@code ROSTER_SOURCE_LDAP_URL}.
 * One per test run; each test works in a department of its own, so tests don't see each other.
 */
final class LdapFixture {

    static final String BASE_DN = "ou=people,dc=fixture,dc=test";
    /** A second subtree, read only by sources the tests add through the API, with a bind of their own. */
    static final String CONTRACTORS_DN = "ou=contractors,dc=fixture,dc=test";
    static final String READER_DN = "cn=roster-reader,dc=fixture,dc=test";
    static final String READER_PASSWORD = "reader-Secret-42";

    private static LdapFixture instance;

    private final InMemoryDirectoryServer server;

    private LdapFixture(int port) throws LDAPException {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=fixture,dc=test");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("fixture", port));
        config.addAdditionalBindCredentials(READER_DN, READER_PASSWORD);
        server = new InMemoryDirectoryServer(config);
        server.add(new Entry("dc=fixture,dc=test", new Attribute("objectClass", "top", "domain"),
                new Attribute("dc", "fixture")));
        server.add(new Entry(BASE_DN, new Attribute("objectClass", "top", "organizationalUnit"),
                new Attribute("ou", "people")));
        server.add(new Entry(CONTRACTORS_DN, new Attribute("objectClass", "top", "organizationalUnit"),
                new Attribute("ou", "contractors")));
        server.startListening();
    }

    static synchronized LdapFixture get() {
        if (instance == null) {
            try {
                instance = new LdapFixture(Integer.getInteger("it.ldap.port"));
            } catch (LDAPException e) {
                throw new IllegalStateException("can't start the LDAP fixture: " + e.getMessage(), e);
            }
        }
        return instance;
    }

    /** A person to add; attributes left null are absent from the entry. */
    record Person(String uid, String givenName, String surname, String mobile, String department, String title) {
        Person withMobile(String newMobile) {
            return new Person(uid, givenName, surname, newMobile, department, title);
        }
    }

    static String dn(String uid) {
        return "uid=" + uid + "," + BASE_DN;
    }

    void add(Person person) {
        add(BASE_DN, person);
    }

    /** Adds a person under another subtree, such as {@link #CONTRACTORS_DN}. */
    void add(String parentDn, Person person) {
        List<Attribute> attributes = new ArrayList<>();
        attributes.add(new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"));
        attributes.add(new Attribute("uid", person.uid()));
        attributes.add(new Attribute("cn", person.givenName() + " " + person.surname()));
        attributes.add(new Attribute("sn", person.surname()));
        attributes.add(new Attribute("givenName", person.givenName()));
        if (person.mobile() != null) {
            attributes.add(new Attribute("mobile", person.mobile()));
        }
        if (person.department() != null) {
            attributes.add(new Attribute("departmentNumber", person.department()));
        }
        if (person.title() != null) {
            attributes.add(new Attribute("title", person.title()));
        }
        try {
            server.add(new Entry("uid=" + person.uid() + "," + parentDn, attributes));
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    void replace(String uid, String attribute, String value) {
        try {
            server.modify(dn(uid), new Modification(ModificationType.REPLACE, attribute, value));
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    void delete(String uid) {
        try {
            server.delete(dn(uid));
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }
}
