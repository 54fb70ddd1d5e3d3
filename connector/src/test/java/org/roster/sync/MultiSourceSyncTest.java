package org.roster.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.util.List;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.audit.AuditEvent;
import org.roster.audit.InMemoryAuditLog;
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
 * Two directories make one: the HR directory (precedence 10) and the IT directory (precedence 20)
 * hold the same people under different identities, and are merged by mail address.
 */
class MultiSourceSyncTest {

    private static final String HR = "ou=hr,dc=example,dc=org";
    private static final String IT = "ou=it,dc=example,dc=org";

    private InMemoryDirectoryServer server;
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final InMemorySourceRecords records = new InMemorySourceRecords();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private long run;

    @BeforeEach
    void twoDirectories() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=org");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0,
                null));
        server = new InMemoryDirectoryServer(config);
        server.add("dn: dc=example,dc=org", "objectClass: top", "objectClass: domain", "dc: example");
        server.add("dn: " + HR, "objectClass: top", "objectClass: organizationalUnit", "ou: hr");
        server.add("dn: " + IT, "objectClass: top", "objectClass: organizationalUnit", "ou: it");
        for (int i = 0; i < 6; i++) {
            // HR knows names, departments and most mobiles; nobody in HR has p5's mobile
            server.add("dn: uid=hr" + i + "," + HR, "objectClass: inetOrgPerson", "uid: hr" + i, "cn: P " + i,
                    "sn: Surname" + i, "givenName: Given" + i, "departmentNumber: Finance",
                    "mail: Person" + i + "@Example.org", i == 5 ? "description: no mobile"
                            : String.format("mobile: 0151 1000 %04d", i));
            // IT knows the same people by other identities, lower-case mail, and its own numbers
            server.add("dn: uid=it" + i + "," + IT, "objectClass: inetOrgPerson", "uid: it" + i, "cn: P " + i,
                    "sn: Surname" + i, "mail: person" + i + "@example.org", "departmentNumber: Finance",
                    String.format("mobile: 0151 2000 %04d", i));
        }
        server.startListening();
    }

    @AfterEach
    void stop() {
        server.shutDown(true);
    }

    private SyncPipeline.Source source(String id, int precedence, String base, int port) throws Exception {
        LdapSourceConfig config = LdapSourceConfig.parse("ldap://127.0.0.1:" + port, "", Secret.none(), base,
                "(objectClass=inetOrgPerson)", "uid", LdapSourceConfig.DEFAULT_MAPPING, 2);
        return new SyncPipeline.Source(id, precedence, new LdapDirectorySource(config),
                new EntryNormaliser(PhoneNumbers.forRegion("DE")), SyncPipeline.ReadMode.FULL);
    }

    private RunProgress sync(SyncPipeline.Source... sources) {
        SyncPipeline pipeline = SyncPipeline.merging(List.of(sources), MergeKey.parse("mail"), records,
                new PolicyEvaluator(Policies.bundled("default")), store, new RecordedContactPlatform(), audit,
                Clock.systemUTC());
        RunProgress progress = new RunProgress(0);
        pipeline.run(++run, false, progress, RemovalGuard.NONE, SyncPipeline.ReadMode.FULL);
        return progress;
    }

    private SyncPipeline.Source hr() throws Exception {
        return source("hr", 10, HR, server.getListenPort());
    }

    private SyncPipeline.Source it() throws Exception {
        return source("it", 20, IT, server.getListenPort());
    }

    @Test
    void theSourceFirstInPrecedenceWinsAConflictAndTheOtherFillsTheGaps() throws Exception {
        RunProgress progress = sync(hr(), it());

        assertThat(progress.read).hasValue(12);
        assertThat(progress.rejected).hasValue(0);
        var seenByP0 = store.deliveredTo("person0@example.org");
        assertThat(seenByP0).containsOnlyKeys("person1@example.org", "person2@example.org", "person3@example.org",
                "person4@example.org", "person5@example.org");
        assertThat(seenByP0.get("person3@example.org").fields())
                .as("both have a mobile: HR's wins").containsEntry(PersonField.MOBILE, "+4915110000003")
                .as("IT has no given name but HR's stands").containsEntry(PersonField.GIVEN_NAME, "Given3");
        assertThat(seenByP0.get("person5@example.org").fields())
                .as("only IT has p5's mobile").containsEntry(PersonField.MOBILE, "+4915120000005");

        List<AuditEvent> merged = audit.events().stream().filter(e -> e.action().equals("employee.merged")).toList();
        assertThat(merged).extracting(AuditEvent::subject).contains("employee:person3@example.org")
                .doesNotContain("employee:person5@example.org");
        assertThat(merged).allSatisfy(e -> assertThat(e.detail()).contains("mobile from hr over it")
                .doesNotContain("+49").doesNotContain("0151"));
        assertThat(audit.events()).filteredOn(e -> e.action().equals("directory.merged")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("by mail").contains("hr (10)").contains("it (20)"));

        RunProgress again = sync(hr(), it());
        assertThat(again.added.get() + again.updated.get() + again.removed.get()).as("nothing changed").isZero();
        assertThat(audit.events()).as("an unchanged conflict is not audited again")
                .filteredOn(e -> e.action().equals("employee.merged")).hasSize(merged.size());
    }

    @Test
    void someoneLeavingOneSourceKeepsWhatTheOtherHoldsAndLeavingBothIsLeaving() throws Exception {
        sync(hr(), it());

        server.delete("uid=it5," + IT);
        RunProgress oneLeft = sync(hr(), it());
        assertThat(oneLeft.gone).hasValue(0);
        assertThat(store.deliveredTo("person0@example.org")).as("p5 has no mobile left: out of scope")
                .doesNotContainKey("person5@example.org");
        assertThat(store.deliveredTo("person0@example.org").get("person4@example.org").fields())
                .containsEntry(PersonField.MOBILE, "+4915110000004");

        server.delete("uid=hr4," + HR);
        RunProgress hrOnlyGone = sync(hr(), it());
        assertThat(hrOnlyGone.gone).hasValue(0);
        assertThat(store.deliveredTo("person0@example.org").get("person4@example.org").fields())
                .as("IT's number takes over").containsEntry(PersonField.MOBILE, "+4915120000004")
                .doesNotContainKey(PersonField.GIVEN_NAME);

        server.delete("uid=it4," + IT);
        RunProgress bothGone = sync(hr(), it());
        assertThat(bothGone.gone).hasValue(1);
        assertThat(store.deliveredTo("person0@example.org")).doesNotContainKey("person4@example.org");
    }

    @Test
    void aSourceThatCantBeReadRemovesNobody() throws Exception {
        sync(hr(), it());
        SyncPipeline.Source unreachable = source("it", 20, IT, 1);

        RunProgress progress = sync(hr(), unreachable);

        assertThat(progress.sourceComplete()).isFalse();
        assertThat(progress.removed).hasValue(0);
        assertThat(progress.gone).hasValue(0);
        assertThat(store.deliveredTo("person0@example.org").get("person5@example.org").fields())
                .as("IT's last good entry still stands").containsEntry(PersonField.MOBILE, "+4915120000005");
    }

    @Test
    void twoEntriesOfOneSourceWithOneKeyAreRejectedNamingTheOther() throws Exception {
        server.add("dn: uid=hr9," + HR, "objectClass: inetOrgPerson", "uid: hr9", "cn: Copy", "sn: Copy",
                "departmentNumber: Finance", "mail: person2@example.org", "mobile: 0151 1000 9999");

        RunProgress progress = sync(hr(), it());

        assertThat(progress.rejected).hasValue(1);
        assertThat(audit.events()).filteredOn(e -> e.action().equals("entry.rejected")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("source hr").contains("within one source it must be unique")
                        .doesNotContain("person2@example.org"));
        assertThat(store.deliveredTo("person0@example.org").get("person2@example.org").fields())
                .containsEntry(PersonField.MOBILE, "+4915110000002");
    }

    @Test
    void aRenamedSourceEntryMovesToItsNewKey() throws Exception {
        sync(hr(), it());
        server.modify("uid=it5," + IT, new Modification(ModificationType.REPLACE, "mail", "p5.new@example.org"));
        server.modify("uid=hr5," + HR, new Modification(ModificationType.REPLACE, "mail", "p5.new@example.org"));

        RunProgress progress = sync(hr(), it());

        assertThat(progress.gone).as("the old address's employee is gone").hasValue(1);
        assertThat(store.deliveredTo("person0@example.org")).containsKey("p5.new@example.org")
                .doesNotContainKey("person5@example.org");
    }
}
