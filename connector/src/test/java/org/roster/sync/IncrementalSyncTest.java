package org.roster.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.audit.InMemoryAuditLog;
import org.roster.directory.DirectorySource;
import org.roster.directory.EntryNormaliser;
import org.roster.directory.PhoneNumbers;
import org.roster.platform.RecordedContactPlatform;
import org.roster.policy.PersonField;
import org.roster.policy.Policies;
import org.roster.policy.PolicyEvaluator;
import org.roster.source.Secret;
import org.roster.source.ldap.LdapDirectorySource;
import org.roster.source.ldap.LdapSourceConfig;

/**
 * Routine syncs read only what changed (by {@code modifyTimestamp}, which the directory keeps);
 * only a full read finds who is gone.
 */
class IncrementalSyncTest {

    private static final String PEOPLE = "ou=people,dc=example,dc=org";
    private static final int SIZE = 40;

    private InMemoryDirectoryServer server;
    private LdapDirectorySource source;
    private final InMemoryStateStore store = new InMemoryStateStore();
    private SyncPipeline pipeline;

    @BeforeEach
    void aDirectoryThatKeepsModifyTimestamps() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=org");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0,
                null));
        server = new InMemoryDirectoryServer(config);
        server.add("dn: dc=example,dc=org", "objectClass: top", "objectClass: domain", "dc: example");
        server.add("dn: " + PEOPLE, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
        for (int i = 0; i < SIZE; i++) {
            server.add("dn: uid=p" + i + "," + PEOPLE, "objectClass: inetOrgPerson", "uid: p" + i, "cn: P " + i,
                    "sn: Surname" + i, "givenName: Given" + i, "departmentNumber: " + (i % 2 == 0 ? "Finance" : "Sales"),
                    String.format("mobile: 0151 2345 %04d", i));
        }
        server.startListening();
        LdapSourceConfig ldap = LdapSourceConfig.parse("ldap://127.0.0.1:" + server.getListenPort(), "", Secret.none(),
                PEOPLE, "(objectClass=inetOrgPerson)", "uid", LdapSourceConfig.DEFAULT_MAPPING, 10)
                .trackingChangesBy("modifyTimestamp");
        // the directory runs on this machine's clock: no margin needed
        source = new LdapDirectorySource(ldap).withClockMargin(Duration.ZERO);
        pipeline = new SyncPipeline(source, new EntryNormaliser(PhoneNumbers.forRegion("DE")),
                new PolicyEvaluator(Policies.bundled("default")), store, new RecordedContactPlatform(),
                new InMemoryAuditLog(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.shutDown(true);
    }

    @Test
    void aChangedEntryIsReadAloneAndReachesItsColleagues() throws Exception {
        RunProgress full = new RunProgress(0);
        pipeline.run(1, false, full, RemovalGuard.NONE, SyncPipeline.ReadMode.FULL);
        assertThat(full.read).hasValue(SIZE);
        String watermark = full.watermarks().get("directory");
        assertThat(watermark).isNotNull();

        server.modify("uid=p4," + PEOPLE, new Modification(ModificationType.REPLACE, "mobile", "0151 9999 0004"));
        RunProgress changes = new RunProgress(0);
        pipeline.run(2, false, changes, RemovalGuard.NONE, SyncPipeline.ReadMode.changesSince(watermark));

        // entries the fixture wrote in the same millisecond as its newest one are read again (the
        // watermark is inclusive), however many a fast machine writes in it; never the whole directory
        assertThat(changes.read.get()).isBetween(1L, SIZE - 1L);
        assertThat(changes.updated).as("p4's 19 Finance colleagues").hasValue(19);
        assertThat(changes.gone).hasValue(0);
        assertThat(store.deliveredTo("p0").get("p4").fields()).containsEntry(PersonField.MOBILE, "+4915199990004");
        assertThat(changes.watermarks().get("directory")).isGreaterThanOrEqualTo(watermark);
    }

    @Test
    void aSecondEntryWithAnIdentityAlreadyReadInAnEarlierBatchOfTheChangesIsRejectedNamingTheFirst() throws Exception {
        RunProgress full = new RunProgress(0);
        pipeline.run(1, false, full, RemovalGuard.NONE, SyncPipeline.ReadMode.FULL);

        // the first and the second with the identity "twin" are read more than a batch apart (in the
        // order they were added, which is also their names' order), so the second is checked against
        // what the first batch stored, not against its own batch
        server.add("dn: cn=a-twin," + PEOPLE, "objectClass: inetOrgPerson", "uid: twin", "cn: a-twin",
                "sn: Twin", "givenName: Anna", "departmentNumber: Finance", "mobile: 0151 2345 9001");
        for (int i = 0; i < 1_050; i++) {
            // without a mobile number: stored, out of the default policy's scope, nobody's contact
            String filler = String.format("m%04d", i);
            server.add("dn: cn=" + filler + "," + PEOPLE, "objectClass: inetOrgPerson", "uid: " + filler,
                    "cn: " + filler, "sn: Filler" + i, "givenName: Given" + i, "departmentNumber: Sales");
        }
        server.add("dn: cn=z-twin," + PEOPLE, "objectClass: inetOrgPerson", "uid: twin", "cn: z-twin",
                "sn: Twin", "givenName: Zoe", "departmentNumber: Finance", "mobile: 0151 2345 9002");
        RunProgress changes = new RunProgress(0);
        pipeline.run(2, false, changes, RemovalGuard.NONE, SyncPipeline.ReadMode.changesSince(full.watermarks().get("directory")));

        assertThat(changes.read.get()).isGreaterThanOrEqualTo(1_052L);
        assertThat(changes.rejected).as("%s", store.rejections()).hasValue(1);
        assertThat(store.rejections()).filteredOn(r -> r.runId() == 2).singleElement().satisfies(r -> {
            assertThat(r.rejection().reference()).isEqualTo("cn=z-twin," + PEOPLE);
            assertThat(r.rejection().reason()).contains("which cn=a-twin," + PEOPLE + " has too");
        });
        assertThat(store.deliveredTo("p0").get("twin").fields()).containsEntry(PersonField.MOBILE, "+4915123459001");
    }

    @Test
    void someoneDeletedIsNotRemovedByReadingChangesButByTheNextFullRead() throws Exception {
        RunProgress full = new RunProgress(0);
        pipeline.run(1, false, full, RemovalGuard.NONE, SyncPipeline.ReadMode.FULL);

        server.delete("uid=p6," + PEOPLE);
        RunProgress changes = new RunProgress(0);
        pipeline.run(2, false, changes, RemovalGuard.NONE, SyncPipeline.ReadMode.changesSince(full.watermarks().get("directory")));
        assertThat(changes.removed).hasValue(0);
        assertThat(store.deliveredTo("p0")).containsKey("p6");

        RunProgress reconciliation = new RunProgress(0);
        pipeline.run(3, false, reconciliation, RemovalGuard.NONE, SyncPipeline.ReadMode.FULL);
        assertThat(reconciliation.gone).hasValue(1);
        assertThat(store.deliveredTo("p0")).doesNotContainKey("p6");
    }

    @Test
    void aDirectoryWithoutUsnsSaysSoInsteadOfReadingChanges() throws Exception {
        LdapDirectorySource byUsn = new LdapDirectorySource(source.config().trackingChangesBy("uSNChanged"));

        DirectorySource.ChangeRead read = byUsn.readChanges("100", entry -> { });

        assertThat(read.summary().complete()).isFalse();
        assertThat(read.summary().problem()).contains("highestCommittedUSN").contains("track modifyTimestamp instead");
        assertThat(read.watermark()).as("the watermark stays where it was").isEqualTo("100");
    }
}
