package org.roster.source.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.directory.DirectoryEntry;
import org.roster.directory.DirectorySource;
import org.roster.policy.PersonField;
import org.roster.source.Secret;

/**
 * OpenLDAP's content synchronisation (RFC 4533, the syncprov overlay with a session log): after a
 * first read, a read from the cookie brings exactly the added and changed entries, and names the
 * deleted ones by entryUUID, without reading the rest of the directory.
 */
class SlapdContentSyncTest {

    private static final int SIZE = 12;

    private SlapdServer slapd;
    private LdapDirectorySource source;

    @BeforeEach
    void aDirectory() throws Exception {
        slapd = SlapdServer.start();
        for (int i = 0; i < SIZE; i++) {
            slapd.addPerson("cs" + i, "Given" + i, "Surname" + i, String.format("0151 3000 %04d", i), "Finance");
        }
        source = new LdapDirectorySource(config("entryUUID"));
    }

    @AfterEach
    void stop() {
        slapd.close();
    }

    private LdapSourceConfig config(String idAttribute) {
        return LdapSourceConfig.parse(slapd.ldapUrl(), slapd.bindDn(), Secret.of(slapd.bindPassword()), slapd.baseDn(),
                "(objectClass=inetOrgPerson)", idAttribute, "givenName=givenName,surname=sn,mobile=mobile", 5)
                .trackingChangesBy("contentSync");
    }

    @Test
    void aReadFromTheCookieBringsExactlyTheChangesAndNamesTheDeletedByEntryUuid() throws Exception {
        List<DirectoryEntry> first = new ArrayList<>();
        DirectorySource.ChangeRead initial = source.readChanges(null, first::add);
        assertThat(initial.summary().complete()).as(initial.summary().problem()).isTrue();
        assertThat(first).hasSize(SIZE);
        assertThat(initial.watermark()).isNotBlank();
        String goneUuid;
        try (LDAPConnection connection = slapd.connection()) {
            goneUuid = connection.getEntry("uid=cs3," + peopleDn(), "entryUUID").getAttributeValue("entryUUID");
            connection.modify("uid=cs5," + peopleDn(), new Modification(ModificationType.REPLACE, "mobile",
                    "0151 3000 9999"));
            connection.delete("uid=cs3," + peopleDn());
        }
        slapd.addPerson("cs-new", "New", "Person", "0151 3000 7777", "Finance");

        List<DirectoryEntry> changed = new ArrayList<>();
        DirectorySource.ChangeRead changes = source.readChanges(initial.watermark(), changed::add);

        assertThat(changes.summary().complete()).as(changes.summary().problem()).isTrue();
        assertThat(changed).extracting(e -> e.valuesOf(PersonField.GIVEN_NAME).get(0))
                .containsExactlyInAnyOrder("Given5", "New");
        assertThat(changed).filteredOn(e -> e.valuesOf(PersonField.GIVEN_NAME).get(0).equals("Given5"))
                .singleElement().satisfies(e -> assertThat(e.valuesOf(PersonField.MOBILE)).containsExactly("0151 3000 9999"));
        assertThat(changes.deleted()).containsExactly(goneUuid);
        assertThat(changes.watermark()).isNotEqualTo(initial.watermark());

        List<DirectoryEntry> none = new ArrayList<>();
        DirectorySource.ChangeRead quiet = source.readChanges(changes.watermark(), none::add);
        assertThat(quiet.summary().complete()).isTrue();
        assertThat(none).isEmpty();
        assertThat(quiet.deleted()).isEmpty();
    }

    @Test
    void contentSynchronisationNeedsEntryUuidAsTheIdentity() {
        assertThatThrownBy(() -> config("uid")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entryUUID");
    }

    private String peopleDn() {
        return slapd.baseDn();
    }
}
