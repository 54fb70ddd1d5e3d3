package org.roster.source.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ModifyDNRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.ldap.sdk.extensions.WhoAmIExtendedRequest;
import com.unboundid.ldap.sdk.extensions.WhoAmIExtendedResult;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roster.directory.DirectoryEntry;
import org.roster.directory.DirectorySource;
import org.roster.policy.PersonField;
import org.roster.source.ConnectionReport;
import org.roster.source.Secret;

/** The LDAP source against a real OpenLDAP, and what slapd offers that Roster relies on. */
class SlapdSourceTest {

    private static final int SIZE = 30;
    private static final String PERSONS = "(objectClass=inetOrgPerson)";
    private static final String MAPPING = "givenName=givenName,surname=sn,mobile=mobile,department=departmentNumber";

    private static SlapdServer slapd;

    @BeforeAll
    static void startSlapd() throws Exception {
        slapd = SlapdServer.start();
        for (int i = 0; i < SIZE; i++) {
            slapd.addPerson(uid(i), "Given" + i, "Surname" + i, mobile(i), i % 3 == 0 ? "Finance" : "Sales");
        }
    }

    @AfterAll
    static void stopSlapd() {
        if (slapd != null) {
            slapd.close();
        }
    }

    @Test
    void theLdapSourceReadsEveryPersonFromSlapdInSmallPages() {
        List<DirectoryEntry> read = new ArrayList<>();

        DirectorySource.ReadSummary summary = source("uid", 7).readAll(read::add);

        assertThat(summary).isEqualTo(DirectorySource.ReadSummary.complete(SIZE));
        Map<String, DirectoryEntry> byId = read.stream()
                .collect(Collectors.toMap(entry -> entry.ids().get(0), Function.identity()));
        assertThat(byId).containsOnlyKeys(IntStream.range(0, SIZE).mapToObj(SlapdSourceTest::uid).toList());
        assertThat(byId.entrySet()).allSatisfy(entry -> {
            int i = Integer.parseInt(entry.getKey().substring(1));
            assertThat(entry.getValue().valuesOf(PersonField.MOBILE)).containsExactly(mobile(i));
        });
        DirectoryEntry p12 = byId.get("p12");
        assertThat(p12.reference()).isEqualTo("uid=p12," + slapd.baseDn());
        assertThat(p12.valuesOf(PersonField.GIVEN_NAME)).containsExactly("Given12");
        assertThat(p12.valuesOf(PersonField.SURNAME)).containsExactly("Surname12");
        assertThat(p12.valuesOf(PersonField.DEPARTMENT)).containsExactly("Finance");
    }

    @Test
    void slapdGivesEveryEntryAnEntryUuidThatAMoveAndRenameKeeps() throws Exception {
        try (LDAPConnection connection = slapd.connection()) {
            List<String> uuids = connection.search(slapd.baseDn(), SearchScope.ONE, PERSONS, "entryUUID")
                    .getSearchEntries().stream().map(entry -> entry.getAttributeValue("entryUUID")).toList();
            assertThat(uuids).hasSize(SIZE).doesNotHaveDuplicates()
                    .allMatch(uuid -> uuid.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));

            // a person moves to another part of the tree under another name (outside the people,
            // so the other tests still see thirty)
            String suffix = "dc=fixture,dc=test";
            connection.add("dn: ou=staff," + suffix, "objectClass: organizationalUnit", "ou: staff");
            connection.add("dn: ou=alumni," + suffix, "objectClass: organizationalUnit", "ou: alumni");
            String before = "uid=mover,ou=staff," + suffix;
            connection.add("dn: " + before, "objectClass: inetOrgPerson", "uid: mover", "cn: Mo Ver", "sn: Ver");
            String uuid = connection.getEntry(before, "entryUUID").getAttributeValue("entryUUID");

            connection.modifyDN(new ModifyDNRequest(before, "cn=Mo Ver", false, "ou=alumni," + suffix));

            String after = "cn=Mo Ver,ou=alumni," + suffix;
            assertThat(connection.getEntry(before)).isNull();
            assertThat(connection.getEntry(after, "entryUUID").getAttributeValue("entryUUID")).isEqualTo(uuid);
            List<SearchResultEntry> found = connection.search(suffix, SearchScope.SUB, "(entryUUID=" + uuid + ")")
                    .getSearchEntries();
            assertThat(found).extracting(SearchResultEntry::getDN).containsExactly(after);
        }
    }

    @Test
    void theLdapSourceCanTakeEntryUuidAsTheIdentity() throws Exception {
        Map<String, String> uuidByUid = new HashMap<>();
        try (LDAPConnection connection = slapd.connection()) {
            connection.search(slapd.baseDn(), SearchScope.ONE, PERSONS, "uid", "entryUUID").getSearchEntries()
                    .forEach(entry -> uuidByUid.put(entry.getAttributeValue("uid"),
                            entry.getAttributeValue("entryUUID")));
        }
        List<DirectoryEntry> read = new ArrayList<>();

        DirectorySource.ReadSummary summary = source("entryUUID", 10).readAll(read::add);

        assertThat(summary.complete()).as(summary.problem()).isTrue();
        assertThat(read).hasSize(SIZE).allSatisfy(entry -> {
            String uid = entry.reference().substring("uid=".length(), entry.reference().indexOf(','));
            assertThat(entry.ids()).containsExactly(uuidByUid.get(uid));
        });
    }

    @Test
    void ldapsServesTheGeneratedCertificateToAClientThatTrustsIt() throws Exception {
        SSLUtil trusting = new SSLUtil(new TrustStoreTrustManager(slapd.trustStore().toFile(),
                slapd.trustStorePassword(), "PKCS12", true));

        try (LDAPConnection connection = new LDAPConnection(trusting.createSSLSocketFactory(), verifyingNames(),
                "localhost", slapd.ldapsPort())) {
            connection.bind(slapd.bindDn(), new String(slapd.bindPassword()));

            X509Certificate served = (X509Certificate) connection.getSSLSession().getPeerCertificates()[0];
            assertThat(served.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
            assertThat(whoAmI(connection)).isEqualTo("dn:" + slapd.bindDn());
        }
        assertThat(slapd.ldapsUrl()).isEqualTo("ldaps://localhost:" + slapd.ldapsPort());
    }

    @Test
    void aClientTrustingAnotherCertificateAuthorityCannotConnectOverLdaps(@TempDir Path dir) throws Exception {
        // a trust store holding one of the JVM's public CAs, and not slapd's certificate
        TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        defaults.init((KeyStore) null);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        Arrays.stream(defaults.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                .flatMap(manager -> Arrays.stream(((X509TrustManager) manager).getAcceptedIssuers()))
                .limit(1)
                .forEach(ca -> setCertificateEntry(store, ca));
        Path otherCa = dir.resolve("other-ca.p12");
        char[] password = "other".toCharArray();
        try (OutputStream out = Files.newOutputStream(otherCa)) {
            store.store(out, password);
        }
        SSLSocketFactory untrusting = new SSLUtil(new TrustStoreTrustManager(otherCa.toFile(), password, "PKCS12",
                true)).createSSLSocketFactory();

        Throwable refused = catchThrowable(() -> {
            try (LDAPConnection connection = new LDAPConnection(untrusting, verifyingNames(), "localhost",
                    slapd.ldapsPort())) {
                connection.bind(slapd.bindDn(), new String(slapd.bindPassword()));
            }
        });

        assertThat(refused).as("connecting should fail; it said: %s", refused == null ? "nothing" : refused)
                .isInstanceOfSatisfying(LDAPException.class,
                        e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.CONNECT_ERROR));
    }

    @Test
    void startTlsOnThePlainPortWorksWithTheTrustStore() throws Exception {
        SSLUtil trusting = new SSLUtil(new TrustStoreTrustManager(slapd.trustStore().toFile(),
                slapd.trustStorePassword(), "PKCS12", true));

        try (LDAPConnection connection = new LDAPConnection(verifyingNames(), "localhost", slapd.ldapPort())) {
            assertThat(connection.getSSLSession()).isNull();

            ExtendedResult started = connection.processExtendedOperation(
                    new StartTLSExtendedRequest(trusting.createSSLSocketFactory()));

            assertThat(started.getResultCode()).isEqualTo(ResultCode.SUCCESS);
            assertThat(connection.getSSLSession()).isNotNull();
            connection.bind(slapd.bindDn(), new String(slapd.bindPassword()));
            assertThat(whoAmI(connection)).isEqualTo("dn:" + slapd.bindDn());
        }
    }

    // --- fixtures -----------------------------------------------------------------------

    private static String uid(int i) {
        return String.format("p%02d", i);
    }

    private static String mobile(int i) {
        return String.format("+49 151 2345%04d", i);
    }

    private static LdapDirectorySource source(String idAttribute, int pageSize) {
        return new LdapDirectorySource(LdapSourceConfig.parse(slapd.ldapUrl(), slapd.bindDn(),
                Secret.of(slapd.bindPassword()), slapd.baseDn(), PERSONS, idAttribute, MAPPING, pageSize));
    }

    /** Options that check the certificate names the host connected to, as a careful client does. */
    private static LDAPConnectionOptions verifyingNames() {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(5_000);
        options.setResponseTimeoutMillis(10_000);
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(false));
        return options;
    }

    private static void setCertificateEntry(KeyStore store, X509Certificate certificate) {
        try {
            store.setCertificateEntry(certificate.getSubjectX500Principal().getName(), certificate);
        } catch (KeyStoreException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String whoAmI(LDAPConnection connection) throws LDAPException {
        return ((WhoAmIExtendedResult) connection.processExtendedOperation(new WhoAmIExtendedRequest()))
                .getAuthorizationID();
    }

    private static LdapSourceConfig rosterConfig(String url) {
        return LdapSourceConfig.parse(url, slapd.bindDn(), Secret.of(slapd.bindPassword()), slapd.baseDn(),
                "(objectClass=inetOrgPerson)", "uid", LdapSourceConfig.DEFAULT_MAPPING, 7);
    }

    @Test
    void rosterReadsOverLdapsWithTheConfiguredTrustStore() {
        LdapDirectorySource source = new LdapDirectorySource(rosterConfig(slapd.ldapsUrl()).connectingWith(
                LdapConnectionSettings.DEFAULT.trusting(slapd.trustStore(), Secret.of(slapd.trustStorePassword()))));

        List<DirectoryEntry> read = new ArrayList<>();
        DirectorySource.ReadSummary summary = source.readAll(read::add);
        ConnectionReport report = source.test(2, 1_000);

        assertThat(summary.complete()).as(summary.problem()).isTrue();
        assertThat(read).hasSize(SIZE);
        assertThat(report.steps().get(0).detail()).startsWith("connected, TLSv1.");
    }

    @Test
    void rosterSaysPlainlyWhenTheDirectorysCertificateIsNotTrusted() {
        // the JVM's trusted CAs did not issue slapd's certificate
        LdapDirectorySource source = new LdapDirectorySource(rosterConfig(slapd.ldapsUrl()));

        DirectorySource.ReadSummary summary = source.readAll(entry -> { });
        ConnectionReport report = source.test(2, 1_000);

        assertThat(summary.complete()).isFalse();
        assertThat(summary.problem()).startsWith("the TLS certificate of localhost:" + slapd.ldapsPort()
                + " is not trusted").endsWith("add the CA that issued it to the trust store "
                + "(roster.source.ldap.trust-store)");
        assertThat(report.ok()).isFalse();
        assertThat(report.steps().get(0).detail()).startsWith("the TLS certificate of");
    }

    @Test
    void rosterUpgradesThePlainPortWithStartTls() {
        LdapDirectorySource source = new LdapDirectorySource(rosterConfig(slapd.ldapUrl().replace("127.0.0.1",
                "localhost")).connectingWith(LdapConnectionSettings.DEFAULT.startTls(true)
                .trusting(slapd.trustStore(), Secret.of(slapd.trustStorePassword()))));

        ConnectionReport report = source.test(1, 1_000);
        List<DirectoryEntry> read = new ArrayList<>();
        DirectorySource.ReadSummary summary = source.readAll(read::add);

        assertThat(report.ok()).as("%s", report.steps()).isTrue();
        assertThat(report.steps().get(0).detail()).startsWith("connected, TLSv1.");
        assertThat(summary.complete()).as(summary.problem()).isTrue();
        assertThat(read).hasSize(SIZE);
    }
}
