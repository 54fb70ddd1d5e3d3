package org.roster.source.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.util.StaticUtils;
import org.assertj.core.api.ThrowableAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.directory.DirectoryEntry;
import org.roster.directory.DirectorySource;
import org.roster.directory.EntryNormaliser;
import org.roster.directory.Normalisation;
import org.roster.directory.PhoneNumbers;
import org.roster.directory.Rejection;
import org.roster.policy.PersonField;
import org.roster.source.ConnectionReport;
import org.roster.source.Secret;

class LdapDirectorySourceTest {

    private static final String SUFFIX = "dc=example,dc=org";
    private static final String PEOPLE = "ou=people," + SUFFIX;
    private static final String BIND_DN = "cn=roster,ou=services," + SUFFIX;
    private static final String PASSWORD = "correct horse battery staple";
    private static final String PERSONS = "(objectClass=inetOrgPerson)";
    private static final int SIZE = 300;
    /** The server returns at most this many entries per search, so only paging can read everyone. */
    private static final int SERVER_SIZE_LIMIT = 100;
    private static final String MAPPING = "givenName=givenName,surname=sn,mobile=mobile,department=departmentNumber";

    private static final List<SearchRequest> searches = new CopyOnWriteArrayList<>();
    private static InMemoryDirectoryServer server;
    private static String url;
    /** A directory without schema checks, so it can hold what real ones end up holding: bytes that are not UTF-8, a manager that is no DN. */
    private static InMemoryDirectoryServer untidy;
    private static String untidyUrl;
    private static final String AD = "ou=ad," + SUFFIX;
    private static final String UNTIDY_MAPPING = "givenName=givenName,surname=sn,displayName=cn,mobile=mobile,"
            + "title=title,manager=manager,accountDisabled=userAccountControl";
    /** Latin-1 "Müller", as a tool that ignores LDAP's UTF-8 writes it. */
    private static final byte[] LATIN1_MULLER = {'M', (byte) 0xFC, 'l', 'l', 'e', 'r'};
    private static final byte[] BROKEN_MOBILE = {'0', '1', '5', '1', ' ', '2', '3', (byte) 0xFF, '4', '5'};

    @BeforeAll
    static void startDirectory() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(SUFFIX);
        config.addAdditionalBindCredentials(BIND_DN, PASSWORD);
        config.setMaxSizeLimit(SERVER_SIZE_LIMIT);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
                InetAddress.getLoopbackAddress(), 0, null));
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
                searches.add(request.getRequest().duplicate());
            }
        });
        server = new InMemoryDirectoryServer(config);
        server.add("dn: " + SUFFIX, "objectClass: top", "objectClass: domain", "dc: example");
        server.add("dn: " + PEOPLE, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
        // not a person: the filter leaves it out
        server.add("dn: cn=printer," + PEOPLE, "objectClass: top", "objectClass: device", "cn: printer");
        for (int i = 0; i < SIZE; i++) {
            String uid = String.format("p%03d", i);
            List<String> ldif = new ArrayList<>(List.of("dn: uid=" + uid + "," + PEOPLE,
                    "objectClass: top", "objectClass: person", "objectClass: organizationalPerson",
                    "objectClass: inetOrgPerson",
                    "uid: " + uid, "cn: Person " + i, "sn: Surname" + i, "givenName: Given" + i,
                    "departmentNumber: " + (i % 2 == 0 ? "Finance" : "Sales"),
                    "mobile: 0151 2345" + String.format("%04d", i),
                    "title: CANARY-TITLE", "mail: canary" + i + "@example.org", "l: Berlin"));
            if (i == 7) {
                ldif.add("mobile: +49 171 2345678");
            }
            server.add(ldif.toArray(String[]::new));
        }
        server.startListening();
        url = "ldap://127.0.0.1:" + server.getListenPort();
    }

    @BeforeAll
    static void startUntidyDirectory() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(SUFFIX);
        config.setSchema(null);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
                InetAddress.getLoopbackAddress(), 0, null));
        untidy = new InMemoryDirectoryServer(config);
        untidy.add("dn: " + SUFFIX, "objectClass: top", "objectClass: domain", "dc: example");
        untidy.add("dn: " + PEOPLE, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
        untidy.add("dn: " + AD, "objectClass: top", "objectClass: organizationalUnit", "ou: ad");
        untidy.add(person("first", "Ana", "Ruiz", "0151 23450001"));
        Entry badMobile = person("badmobile", "Bea", "Roth", null);
        badMobile.addAttribute("mobile", BROKEN_MOBILE);
        untidy.add(badMobile);
        Entry latin1 = person("latin1", "Carl", "Müller", "0151 23450003");
        latin1.setAttribute("cn", LATIN1_MULLER);
        untidy.add(latin1);
        Entry brokenId = person("x", "Dora", "Diaz", "0151 23450004");
        brokenId.setDN("cn=broken id," + PEOPLE);
        brokenId.setAttribute("uid", new byte[] {'p', (byte) 0xC3, '('});
        untidy.add(brokenId);
        Entry typedManager = person("typedmanager", "Eva", "Engel", "0151 23450005");
        typedManager.addAttribute("manager", "Ana Ruiz (Finance)");
        untidy.add(typedManager);
        Entry managed = person("managed", "Finn", "Fischer", "0151 23450006");
        managed.addAttribute("manager", "uid=first," + PEOPLE);
        untidy.add(managed);
        untidy.add(person("nul", "Gina", "Gomez\u0000", "0151 23450007"));
        Entry oversized = person("oversized", "Hugo", "Haas", "0151 23450008");
        oversized.addAttribute("title", "CANARY".repeat(500));
        untidy.add(oversized);
        Entry twoMobiles = person("twomobiles", "Ida", "Ito", "12");
        twoMobiles.addAttribute("mobile", "0171 2345678");
        untidy.add(twoMobiles);
        Entry wordyFlags = person("wordyflags", "Jan", "Jung", "0151 23450010");
        wordyFlags.addAttribute("userAccountControl", "enabled");
        untidy.add(wordyFlags);
        Entry disabled = person("disabled", "Kim", "Klein", "0151 23450011");
        disabled.addAttribute("userAccountControl", "514");
        untidy.add(disabled);
        untidy.add(person("last", "Lea", "Lang", "0151 23450012"));
        Entry guid = new Entry("cn=guid," + AD);
        guid.addAttribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson");
        guid.addAttribute("sn", "Guid");
        guid.addAttribute("objectGUID", new byte[] {0x10, 0x32, 0x54, 0x76, (byte) 0x98, (byte) 0xba, (byte) 0xdc,
                (byte) 0xfe, 0x01, 0x23, 0x45, 0x67, (byte) 0x89, (byte) 0xab, (byte) 0xcd, (byte) 0xef});
        untidy.add(guid);
        Entry shortGuid = new Entry("cn=short guid," + AD);
        shortGuid.addAttribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson");
        shortGuid.addAttribute("sn", "Short");
        shortGuid.addAttribute("objectGUID", new byte[15]);
        untidy.add(shortGuid);
        untidy.startListening();
        untidyUrl = "ldap://127.0.0.1:" + untidy.getListenPort();
    }

    private static Entry person(String uid, String given, String surname, String mobile) {
        Entry entry = new Entry("uid=" + uid + "," + PEOPLE);
        entry.addAttribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson");
        entry.addAttribute("uid", uid);
        entry.addAttribute("givenName", given);
        entry.addAttribute("sn", surname);
        entry.addAttribute("cn", given + " " + surname);
        if (mobile != null) {
            entry.addAttribute("mobile", mobile);
        }
        return entry;
    }

    @AfterAll
    static void stopDirectory() {
        server.shutDown(true);
        untidy.shutDown(true);
    }

    @BeforeEach
    void forgetEarlierSearches() {
        searches.clear();
    }

    @Test
    void aDirectoryBiggerThanTheServersSizeLimitIsReadCompletelyPageByPage() {
        List<DirectoryEntry> read = new ArrayList<>();

        DirectorySource.ReadSummary summary = source(MAPPING, 50).readAll(read::add);

        assertThat(summary).isEqualTo(DirectorySource.ReadSummary.complete(SIZE));
        assertThat(read).hasSize(SIZE);
        assertThat(read).flatExtracting(DirectoryEntry::ids).doesNotHaveDuplicates().hasSize(SIZE)
                .contains("p000", "p150", "p299");
        assertThat(searches).hasSizeGreaterThanOrEqualTo(SIZE / 50).allSatisfy(search -> {
            Control control = search.getControl(SimplePagedResultsControl.PAGED_RESULTS_OID);
            assertThat(control).isNotNull();
            assertThat(control.isCritical()).isTrue();
            assertThat(new SimplePagedResultsControl(control.getOID(), control.isCritical(), control.getValue())
                    .getSize()).isEqualTo(50);
        });
    }

    @Test
    void eachEntryIsMappedOntoRosterFieldsWithItsDn() {
        Map<String, DirectoryEntry> read = readAll(source(MAPPING, 50));

        DirectoryEntry p7 = read.get("p007");
        assertThat(p7.reference()).isEqualTo("uid=p007," + PEOPLE);
        assertThat(p7.ids()).containsExactly("p007");
        assertThat(p7.valuesOf(PersonField.GIVEN_NAME)).containsExactly("Given7");
        assertThat(p7.valuesOf(PersonField.SURNAME)).containsExactly("Surname7");
        assertThat(p7.valuesOf(PersonField.DEPARTMENT)).containsExactly("Sales");
        assertThat(p7.valuesOf(PersonField.MOBILE)).containsExactlyInAnyOrder("0151 23450007", "+49 171 2345678");
        assertThat(read.get("p008").valuesOf(PersonField.MOBILE)).containsExactly("0151 23450008");
    }

    @Test
    void anEntryTheReceiverHoldsArrivesUnmappedAndMapsOnRequestAsAPlainReadMapsIt() throws Exception {
        LdapDirectorySource source = source(MAPPING, 50);
        Map<String, DirectoryEntry> plain = readAll(source);
        Receiving first = new Receiving((id, content) -> false);
        assertThat(source.readAll(first).complete()).isTrue();
        assertThat(first.mapped).hasSize(SIZE);
        assertThat(first.held).isEmpty();

        // read again by a receiver holding every entry as first read: none is mapped
        Receiving again = new Receiving((id, content) -> Arrays.equals(first.contents.get(id), content));
        assertThat(source.readAll(again)).isEqualTo(DirectorySource.ReadSummary.complete(SIZE));

        assertThat(again.mapped).isEmpty();
        assertThat(again.held).hasSize(SIZE);
        assertThat(again.held.get("p007").get()).isEqualTo(plain.get("p007"));
        assertThat(again.contents.get("p007")).isEqualTo(first.contents.get("p007"));
    }

    @Test
    void aChangedValueChangesTheEntrysContentDigestSoThatItIsMappedAgain() throws Exception {
        LdapDirectorySource source = source(MAPPING, 50);
        Receiving before = new Receiving((id, content) -> false);
        source.readAll(before);
        String p010 = "uid=p010," + PEOPLE;
        server.modify(p010, new Modification(
                ModificationType.REPLACE, "mobile", "0151 99999999"));
        try {
            Receiving after = new Receiving((id, content) -> Arrays.equals(before.contents.get(id), content));
            source.readAll(after);

            assertThat(after.mapped).containsOnlyKeys("p010");
            assertThat(after.mapped.get("p010").valuesOf(PersonField.MOBILE)).containsExactly("0151 99999999");
            assertThat(after.held).hasSize(SIZE - 1);
        } finally {
            server.modify(p010, new Modification(
                    ModificationType.REPLACE, "mobile", "0151 23450010"));
        }
    }

    @Test
    void anotherMappingOfTheSameEntriesDigestsTheirContentDifferently() {
        Receiving mapped = new Receiving((id, content) -> false);
        source(MAPPING, 50).readAll(mapped);
        Receiving remapped = new Receiving((id, content) -> false);
        source(MAPPING.replace("mobile=mobile", "mobile=telephoneNumber"), 50).readAll(remapped);

        assertThat(remapped.contents.get("p007")).isNotEqualTo(mapped.contents.get("p007"));
    }

    /** Records what a read hands over: entries mapped, entries held, and each one's content digest. */
    private static final class Receiving implements DirectorySource.Receiver {
        private final BiPredicate<String, byte[]> holds;
        final Map<String, DirectoryEntry> mapped = new LinkedHashMap<>();
        final Map<String, Supplier<DirectoryEntry>> held = new LinkedHashMap<>();
        final Map<String, byte[]> contents = new HashMap<>();

        Receiving(BiPredicate<String, byte[]> holds) {
            this.holds = holds;
        }

        /** The ids of entries said to be held, by handle. */
        private final List<String> handles = new CopyOnWriteArrayList<>();

        @Override
        public int holds(String id, byte[] content) {
            if (!holds.test(id, content)) {
                return NOT_HELD;
            }
            handles.add(id);
            return handles.size() - 1;
        }

        @Override
        public void entry(DirectoryEntry entry, byte[] content) {
            mapped.put(entry.ids().get(0), entry);
            contents.put(entry.ids().get(0), content);
        }

        @Override
        public void held(int handle, byte[] content, Supplier<DirectoryEntry> entry) {
            String id = handles.get(handle);
            held.put(id, entry);
            contents.put(id, content);
        }
    }

    @Test
    void theSearchAsksOnlyForTheIdAndTheMappedAttributes() {
        Map<String, DirectoryEntry> read = readAll(source(MAPPING, 50));

        assertThat(searches).isNotEmpty().allSatisfy(search -> assertThat(search.getAttributeList())
                .containsExactlyInAnyOrder("uid", "givenName", "sn", "mobile", "departmentNumber"));
        assertThat(read.values()).allSatisfy(entry -> assertThat(entry.values().keySet())
                .isSubsetOf(PersonField.GIVEN_NAME, PersonField.SURNAME, PersonField.MOBILE, PersonField.DEPARTMENT));
        assertThat(read.values()).allSatisfy(entry -> assertThat(entry.values().values())
                .allSatisfy(values -> assertThat(values).noneMatch(v -> v.contains("CANARY") || v.contains("canary"))));
    }

    @Test
    void onlyFieldsDropsEveryOtherAttributeFromTheSearch() {
        LdapSourceConfig everything = config(LdapSourceConfig.DEFAULT_MAPPING, 50);
        LdapSourceConfig minimal = everything.onlyFields(Set.of(PersonField.MOBILE, PersonField.DEPARTMENT));

        Map<String, DirectoryEntry> read = readAll(new LdapDirectorySource(minimal));

        assertThat(minimal.requestedAttributes()).containsExactlyInAnyOrder("uid", "mobile", "departmentNumber");
        assertThat(searches).isNotEmpty().allSatisfy(search -> assertThat(search.getAttributeList())
                .containsExactlyInAnyOrder("uid", "mobile", "departmentNumber"));
        assertThat(read).hasSize(SIZE);
        assertThat(read.values()).allSatisfy(entry -> assertThat(entry.values())
                .containsOnlyKeys(PersonField.MOBILE, PersonField.DEPARTMENT));
    }

    @Test
    void withTheFullMappingTitleAndMailAreRead() {
        // the counterpart of the test above: the directory does hold title and mail
        Map<String, DirectoryEntry> read = readAll(source(LdapSourceConfig.DEFAULT_MAPPING, 100));

        assertThat(read.get("p001").valuesOf(PersonField.TITLE)).containsExactly("CANARY-TITLE");
        assertThat(read.get("p001").valuesOf(PersonField.MAIL)).containsExactly("canary1@example.org");
        assertThat(read.get("p001").valuesOf(PersonField.LOCATION)).containsExactly("Berlin");
    }

    @Test
    void requestedAttributesAreTheIdFirstThenEachMappedAttributeOnce() {
        LdapSourceConfig config = config("surname=sn,displayName=cn,givenName=givenName,mail=uid", 50);

        assertThat(config.requestedAttributes()).containsExactly("uid", "sn", "cn", "givenName");
    }

    @Test
    void pagesLargerThanTheServersSizeLimitEndInAnIncompleteRead() {
        List<DirectoryEntry> read = new ArrayList<>();

        DirectorySource.ReadSummary summary = source(MAPPING, 200).readAll(read::add);

        assertThat(summary.complete()).isFalse();
        assertThat(summary.entries()).isEqualTo(read.size()).isLessThan(SIZE);
        assertThat(summary.problem()).containsIgnoringCase("size limit");
    }

    @Test
    void aFailureWhileHandlingAnEntryStopsTheReadRatherThanBeingSwallowed() {
        List<DirectoryEntry> handled = new ArrayList<>();

        assertThatThrownBy(() -> source(MAPPING, 50).readAll(entry -> {
            if (handled.size() == 60) {
                throw new IllegalStateException("the store is full");
            }
            handled.add(entry);
        })).isInstanceOf(IllegalStateException.class).hasMessage("the store is full");
        assertThat(handled).hasSize(60);
    }

    @Test
    void anAnonymousBindReadsToo() {
        LdapDirectorySource anonymous = new LdapDirectorySource(LdapSourceConfig.parse(url, "", Secret.none(), PEOPLE,
                PERSONS, "uid", MAPPING, 50));

        assertThat(readAll(anonymous)).hasSize(SIZE);
    }

    @Test
    void aWrongPasswordEndsTheReadSayingTheBindWasRefused() {
        LdapDirectorySource wrong = new LdapDirectorySource(LdapSourceConfig.parse(url, BIND_DN,
                Secret.of("wrong password".toCharArray()), PEOPLE, PERSONS, "uid", MAPPING, 50));
        List<DirectoryEntry> read = new ArrayList<>();

        DirectorySource.ReadSummary summary = wrong.readAll(read::add);

        assertThat(read).isEmpty();
        assertThat(summary.complete()).isFalse();
        assertThat(summary.entries()).isZero();
        assertThat(summary.problem()).contains("bind as " + BIND_DN + " was refused").doesNotContain("wrong password");
        assertThatThrownBy(wrong::checkReachable)
                .isInstanceOf(DirectorySource.DirectoryUnavailableException.class)
                .hasMessageContaining("bind as " + BIND_DN + " was refused")
                .hasMessageNotContaining("wrong password");
    }

    @Test
    void aMissingBaseDnEndsTheReadNamingTheBaseDn() {
        String missing = "ou=nobody," + SUFFIX;
        LdapDirectorySource source = new LdapDirectorySource(LdapSourceConfig.parse(url, BIND_DN,
                Secret.of(PASSWORD.toCharArray()), missing, PERSONS, "uid", MAPPING, 50));

        DirectorySource.ReadSummary summary = source.readAll(entry -> { });

        assertThat(summary.complete()).isFalse();
        assertThat(summary.problem()).contains("base DN " + missing).contains("does not exist");
        assertThatThrownBy(source::checkReachable)
                .isInstanceOf(DirectorySource.DirectoryUnavailableException.class)
                .hasMessageContaining("base DN " + missing).hasMessageContaining("does not exist");
    }

    @Test
    void aReachableDirectoryPassesTheCheck() throws Exception {
        source(MAPPING, 50).checkReachable();
    }

    @Test
    void aServerThatIsDownEndsTheReadSayingWhereItCouldNotConnect() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(SUFFIX);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
                InetAddress.getLoopbackAddress(), 0, null));
        InMemoryDirectoryServer gone = new InMemoryDirectoryServer(config);
        gone.startListening();
        int port = gone.getListenPort();
        gone.shutDown(true);
        LdapDirectorySource source = new LdapDirectorySource(LdapSourceConfig.parse("ldap://127.0.0.1:" + port,
                "", Secret.none(), PEOPLE, PERSONS, "uid", MAPPING, 50));

        DirectorySource.ReadSummary summary = source.readAll(entry -> { });

        assertThat(summary.complete()).isFalse();
        assertThat(summary.problem()).startsWith("can't connect to 127.0.0.1:" + port);
        assertThatThrownBy(source::checkReachable).hasMessageStartingWith("can't connect to 127.0.0.1:" + port);
    }

    @Test
    void theDefaultMappingCoversEveryFieldThatInetOrgPersonHas() {
        List<AttributeMapper> mappers = LdapSourceConfig.mappers(LdapSourceConfig.DEFAULT_MAPPING);

        // disabled, opt-out and consent have no standard attribute: each directory names its own
        EnumSet<PersonField> standard = EnumSet.complementOf(
                EnumSet.of(PersonField.ACCOUNT_DISABLED, PersonField.OPT_OUT, PersonField.CONSENT));
        assertThat(mappers).extracting(AttributeMapper::field).containsExactlyInAnyOrderElementsOf(standard);
        assertThat(mappers).contains(new UserAttributeMapper(PersonField.SURNAME, "sn"),
                new UserAttributeMapper(PersonField.DEPARTMENT, "departmentNumber"));
    }

    @Test
    void aUrlWithAnotherSchemeIsRefusedNamingTheUrl() {
        assertRefused(() -> parse("http://ldap.example.org", BIND_DN, PEOPLE, PERSONS, "uid", MAPPING, 50),
                "LDAP URL \"http://ldap.example.org\"");
        assertRefused(() -> parse("ldapi://ldap.example.org", BIND_DN, PEOPLE, PERSONS, "uid", MAPPING, 50),
                "LDAP URL \"ldapi://ldap.example.org\" must start with ldap:// or ldaps://");
        assertRefused(() -> parse("ldap.example.org:389", BIND_DN, PEOPLE, PERSONS, "uid", MAPPING, 50),
                "LDAP URL \"ldap.example.org:389\"");
    }

    @Test
    void aBadFilterIsRefusedNamingTheFilter() {
        assertRefused(() -> parse(url, BIND_DN, PEOPLE, "(objectClass=inetOrgPerson", "uid", MAPPING, 50),
                "filter \"(objectClass=inetOrgPerson\" is not a valid LDAP filter");
    }

    @Test
    void aBadDnIsRefusedNamingWhichDn() {
        assertRefused(() -> parse(url, BIND_DN, "people at example", PERSONS, "uid", MAPPING, 50),
                "base DN \"people at example\" is not a valid DN");
        assertRefused(() -> parse(url, "roster service", PEOPLE, PERSONS, "uid", MAPPING, 50),
                "bind DN \"roster service\" is not a valid DN");
    }

    @Test
    void aRefusalSaysWhatIsWrongInWordsWithoutTheLibrarysInternals() {
        assertThatThrownBy(() -> parse(url, BIND_DN, "people at example", PERSONS, "uid", MAPPING, 50))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base DN \"people at example\" is not a valid DN: Unable to parse")
                .hasMessageNotContainingAny("LDAPException", "resultCode", "ldapSDKVersion", "revision=");
    }

    @Test
    void aMappingNamingAnUnknownFieldIsRefusedNamingTheField() {
        assertRefused(() -> parse(url, BIND_DN, PEOPLE, PERSONS, "uid", "surname=sn,nickname=cn", 50),
                "attribute mapping \"nickname=cn\" names an unknown field \"nickname\"");
        assertRefused(() -> parse(url, BIND_DN, PEOPLE, PERSONS, "uid", "surname=sn,mobile", 50),
                "attribute mapping \"mobile\" is not of the form field=ldapAttribute");
        assertRefused(() -> parse(url, BIND_DN, PEOPLE, PERSONS, "uid", " , ", 50),
                "the attribute mapping is empty");
    }

    @Test
    void aBlankIdAttributeOrAnOutOfRangePageSizeIsRefused() {
        assertRefused(() -> parse(url, BIND_DN, PEOPLE, PERSONS, " ", MAPPING, 50), "identity attribute");
        assertRefused(() -> parse(url, BIND_DN, PEOPLE, PERSONS, "uid", MAPPING, 0), "page size 0");
        assertRefused(() -> parse(url, BIND_DN, PEOPLE, PERSONS, "uid", MAPPING, 10_001), "page size 10001");
    }

    @Test
    void theConfigurationNeverPrintsThePassword() {
        LdapSourceConfig config = config(MAPPING, 50);

        assertThat(config.toString()).doesNotContain(PASSWORD).contains(BIND_DN);
        assertThat(config.password().toString()).doesNotContain(PASSWORD);
    }

    // --- fixtures -----------------------------------------------------------------------

    private static LdapSourceConfig config(String mapping, int pageSize) {
        return parse(url, BIND_DN, PEOPLE, PERSONS, "uid", mapping, pageSize);
    }

    private static LdapSourceConfig parse(String ldapUrl, String bindDn, String baseDn, String filter,
                                          String idAttribute, String mapping, int pageSize) {
        return LdapSourceConfig.parse(ldapUrl, bindDn, Secret.of(PASSWORD.toCharArray()), baseDn, filter,
                idAttribute, mapping, pageSize);
    }

    private static LdapDirectorySource source(String mapping, int pageSize) {
        return new LdapDirectorySource(config(mapping, pageSize));
    }

    private static Map<String, DirectoryEntry> readAll(LdapDirectorySource source) {
        List<DirectoryEntry> read = new ArrayList<>();
        DirectorySource.ReadSummary summary = source.readAll(read::add);
        assertThat(summary.complete()).as(summary.problem()).isTrue();
        assertThat(read).extracting(e -> e.ids().size()).containsOnly(1);
        return read.stream().collect(Collectors.toMap(e -> e.ids().get(0), Function.identity()));
    }

    private static void assertRefused(ThrowableAssert.ThrowingCallable parse, String message) {
        assertThatThrownBy(parse).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    private static int deadPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void whenTheFirstServerIsDownTheNextOneIsRead() throws Exception {
        String down = "ldap://127.0.0.1:" + deadPort();
        LdapDirectorySource source = new LdapDirectorySource(parse(down + " " + url, BIND_DN, PEOPLE, PERSONS, "uid", MAPPING, 50));

        List<DirectoryEntry> read = new ArrayList<>();
        DirectorySource.ReadSummary summary = source.readAll(read::add);

        assertThat(summary.complete()).as(summary.problem()).isTrue();
        assertThat(read).hasSize(SIZE);
    }

    @Test
    void aConnectionTestReportsEachStepTheCountAndASample() throws Exception {
        String down = "ldap://127.0.0.1:" + deadPort();
        LdapDirectorySource source = new LdapDirectorySource(parse(down + " " + url, BIND_DN, PEOPLE, PERSONS, "uid", MAPPING, 50));

        ConnectionReport report = source.test(3, 1_000);

        assertThat(report.ok()).isTrue();
        assertThat(report.steps()).extracting(ConnectionReport.Step::name, ConnectionReport.Step::ok).containsExactly(
                Tuple.tuple("connect " + down.substring(7), false),
                Tuple.tuple("connect " + url.substring(7), true),
                Tuple.tuple("bind", true),
                Tuple.tuple("base DN", true),
                Tuple.tuple("search", true));
        assertThat(report.steps().get(0).detail()).startsWith("can't connect to");
        assertThat(report.steps().get(1).detail()).isEqualTo("connected, not encrypted");
        assertThat(report.steps().get(4).detail()).isEqualTo(SIZE + " entries match " + PERSONS);
        assertThat(report.matching()).isEqualTo(SIZE);
        assertThat(report.sample()).hasSize(3).allSatisfy(e -> assertThat(e.ids()).hasSize(1));
    }

    @Test
    void aConnectionTestCountsOnlyUpToItsLimit() {
        ConnectionReport report = new LdapDirectorySource(parse(url, BIND_DN, PEOPLE, PERSONS, "uid", MAPPING, 50)).test(1, 120);

        assertThat(report.capped()).isTrue();
        assertThat(report.steps().get(report.steps().size() - 1).detail()).startsWith("more than 150 entries match");
    }

    @Test
    void aConnectionTestWithAWrongPasswordSaysTheBindWasRefused() {
        LdapDirectorySource wrong = new LdapDirectorySource(LdapSourceConfig.parse(url, BIND_DN,
                Secret.of("wrong".toCharArray()), PEOPLE, PERSONS, "uid", MAPPING, 50));

        ConnectionReport report = wrong.test(3, 1_000);

        assertThat(report.ok()).isFalse();
        assertThat(report.steps()).last().satisfies(step -> {
            assertThat(step.name()).isEqualTo("bind");
            assertThat(step.detail()).isEqualTo("the bind as " + BIND_DN + " was refused: invalid credentials");
        });
        assertThat(report.steps().toString()).doesNotContain("wrong");
    }

    @Test
    void anActiveDirectoryObjectGuidIsReadAsTheGuidAdShows() {
        byte[] stored = {0x10, 0x32, 0x54, 0x76, (byte) 0x98, (byte) 0xba, (byte) 0xdc, (byte) 0xfe,
                0x01, 0x23, 0x45, 0x67, (byte) 0x89, (byte) 0xab, (byte) 0xcd, (byte) 0xef};

        assertThat(LdapDirectorySource.adGuid(stored)).isEqualTo("76543210-ba98-fedc-0123-456789abcdef");
    }

    @Test
    void activeDirectorysAccountControlFlagsSayWhetherTheAccountIsDisabled() {
        List<AttributeMapper> mappers = LdapSourceConfig.mappers("surname=sn,accountDisabled=userAccountControl");
        assertThat(mappers).contains(new AccountControlMapper("userAccountControl"));

        DirectoryEntry.Builder disabled = DirectoryEntry.builder("cn=a,dc=ad").id("a");
        new AccountControlMapper("userAccountControl").map(new Entry("cn=a,dc=ad",
                new Attribute("userAccountControl", "514")), disabled);
        DirectoryEntry.Builder enabled = DirectoryEntry.builder("cn=b,dc=ad").id("b");
        new AccountControlMapper("userAccountControl").map(new Entry("cn=b,dc=ad",
                new Attribute("userAccountControl", "512")), enabled);

        assertThat(disabled.build().valuesOf(PersonField.ACCOUNT_DISABLED)).containsExactly("true");
        assertThat(enabled.build().valuesOf(PersonField.ACCOUNT_DISABLED)).containsExactly("false");
    }

    // --- malformed entries: each rejected with a reason, the read goes on -------------------

    @Test
    void malformedEntriesAreEachRejectedWithAReasonWhileTheReadGoesOn() {
        Map<String, Normalisation> read = untidyRead(PEOPLE, "uid", 12);

        assertThat(rejectedIn(read).keySet()).containsExactlyInAnyOrder("uid=badmobile," + PEOPLE,
                "uid=latin1," + PEOPLE, "cn=broken id," + PEOPLE, "uid=typedmanager," + PEOPLE, "uid=nul," + PEOPLE,
                "uid=oversized," + PEOPLE, "uid=wordyflags," + PEOPLE);
        assertThat(read.entrySet().stream().filter(e -> e.getValue() instanceof Normalisation.Accepted)
                .map(Map.Entry::getKey)).containsExactlyInAnyOrder("uid=first," + PEOPLE, "uid=managed," + PEOPLE,
                "uid=twomobiles," + PEOPLE, "uid=disabled," + PEOPLE, "uid=last," + PEOPLE);
        assertThat(rejectedIn(read).values()).allSatisfy(rejection -> assertThat(rejection.withheld())
                .doesNotContain("\uFFFD").doesNotContain("0151").doesNotContain("Ruiz").doesNotContain("Gomez")
                .doesNotContain("CANARY").doesNotContain("enabled").doesNotContain("ller"));
    }

    @Test
    void aMobileThatIsNotUtf8IsRejectedNamingTheAttributeAndNotTheValue() {
        Rejection rejection = rejectedIn(untidyRead(PEOPLE, "uid", 12)).get("uid=badmobile," + PEOPLE);

        assertThat(rejection.reason()).isEqualTo("mobile (attribute mobile) is not valid UTF-8");
        assertThat(rejection.withheld()).isEqualTo(rejection.reason());
        assertThat(rejection.employeeId()).contains("badmobile");
    }

    @Test
    void aLatin1NameIsRejectedRatherThanReadWithReplacementCharacters() {
        Rejection rejection = rejectedIn(untidyRead(PEOPLE, "uid", 12)).get("uid=latin1," + PEOPLE);

        assertThat(rejection.withheld()).isEqualTo("displayName (attribute cn) is not valid UTF-8");
        assertThat(rejection.reason()).doesNotContain("M\uFFFDller").doesNotContain("Müller");
    }

    @Test
    void anIdentityThatIsNotUtf8IsRejectedNamingTheIdentityAttribute() {
        Rejection rejection = rejectedIn(untidyRead(PEOPLE, "uid", 12)).get("cn=broken id," + PEOPLE);

        assertThat(rejection.withheld()).isEqualTo("identity (attribute uid) is not valid UTF-8");
        assertThat(rejection.employeeId()).isEmpty();
    }

    @Test
    void aManagerThatIsNotADnIsRejectedNamingTheAttributeWhileADnManagerIsRead() {
        Map<String, Normalisation> read = untidyRead(PEOPLE, "uid", 12);
        Rejection rejection = rejectedIn(read).get("uid=typedmanager," + PEOPLE);

        assertThat(rejection.withheld()).isEqualTo("manager (attribute manager) is not a valid DN");
        assertThat(rejection.withheld()).doesNotContain("Ana Ruiz");
        assertThat(((Normalisation.Accepted) read.get("uid=managed," + PEOPLE)).employee().value(PersonField.MANAGER))
                .contains("uid=first," + PEOPLE);
    }

    @Test
    void aNulInAValueIsRejectedNamingTheField() {
        Rejection rejection = rejectedIn(untidyRead(PEOPLE, "uid", 12)).get("uid=nul," + PEOPLE);

        assertThat(rejection.withheld()).isEqualTo("surname contains a control character");
        assertThat(rejection.employeeId()).contains("nul");
    }

    @Test
    void anOversizedValueIsRejectedNamingTheField() {
        Rejection rejection = rejectedIn(untidyRead(PEOPLE, "uid", 12)).get("uid=oversized," + PEOPLE);

        assertThat(rejection.withheld()).isEqualTo("title is larger than 1024 bytes");
    }

    @Test
    void twoMobilesAreReadAsTheFirstValidNumberWithANoteWithoutEitherNumber() {
        Normalisation.Accepted accepted = (Normalisation.Accepted) untidyRead(PEOPLE, "uid", 12)
                .get("uid=twomobiles," + PEOPLE);

        assertThat(accepted.employee().value(PersonField.MOBILE)).contains("+491712345678");
        assertThat(accepted.notes()).containsExactly("mobile has 2 values; the first valid one is used");
    }

    @Test
    void anAccountControlThatIsNotAnIntegerIsRejectedNamingTheAttribute() {
        Map<String, Normalisation> read = untidyRead(PEOPLE, "uid", 12);

        assertThat(rejectedIn(read).get("uid=wordyflags," + PEOPLE).withheld())
                .isEqualTo("accountDisabled (attribute userAccountControl) is not an integer");
        assertThat(((Normalisation.Accepted) read.get("uid=disabled," + PEOPLE)).employee()
                .value(PersonField.ACCOUNT_DISABLED)).contains("true");
        assertThat(((Normalisation.Accepted) read.get("uid=first," + PEOPLE)).employee()
                .value(PersonField.ACCOUNT_DISABLED)).isEmpty();
    }

    @Test
    void anObjectGuidThatIsNot16BytesIsRejectedNamingTheAttribute() {
        Map<String, Normalisation> read = untidyRead(AD, "objectGUID", 2);

        Rejection rejection = rejectedIn(read).get("cn=short guid," + AD);
        assertThat(rejection.withheld()).isEqualTo("identity (attribute objectGUID) is 15 bytes long; a GUID has 16");
        assertThat(rejection.employeeId()).isEmpty();
        assertThat(((Normalisation.Accepted) read.get("cn=guid," + AD)).employee().id())
                .isEqualTo("76543210-ba98-fedc-0123-456789abcdef");
    }

    /** Reads the untidy directory completely and normalises each entry, by DN. */
    private static Map<String, Normalisation> untidyRead(String baseDn, String idAttribute, int expected) {
        LdapDirectorySource source = new LdapDirectorySource(LdapSourceConfig.parse(untidyUrl, "", Secret.none(),
                baseDn, PERSONS, idAttribute, UNTIDY_MAPPING, 5));
        EntryNormaliser normaliser = new EntryNormaliser(PhoneNumbers.forRegion("DE"));
        Map<String, Normalisation> read = new LinkedHashMap<>();

        DirectorySource.ReadSummary summary = source.readAll(entry -> read.put(entry.reference(),
                normaliser.normalise(entry)));

        assertThat(summary).isEqualTo(DirectorySource.ReadSummary.complete(expected));
        assertThat(read).hasSize(expected);
        return read;
    }

    @Test
    void theWatermarkIsTheNewestChangeReadWhateverTheOrderAndFormOfTheTimes() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(SUFFIX);
        config.setSchema(null);
        // the times are the entries' own, as a server that writes them in its own form keeps them
        config.setGenerateOperationalAttributes(false);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
                InetAddress.getLoopbackAddress(), 0, null));
        InMemoryDirectoryServer timed = new InMemoryDirectoryServer(config);
        try {
            timed.add("dn: " + SUFFIX, "objectClass: top", "objectClass: domain", "dc: example");
            timed.add("dn: " + PEOPLE, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
            List<List<String>> series = List.of(
                    // plain times out of order, the newest in the middle
                    List.of("20200101000000Z", "20230505050505Z", "20210101000000Z", "20230505050504Z"),
                    // a newer time with a fraction after plain ones, then an older plain one
                    List.of("20230505050505Z", "20230505050505.5Z", "20230505050506Z", "20230505050505Z"),
                    // a plain time after one with an offset that is newer in UTC terms
                    List.of("20230505080000+0100", "20230505065959Z"));
            List<String> expected = List.of("20230505050505.000Z", "20230505050506.000Z", "20230505070000.000Z");
            for (int s = 0; s < series.size(); s++) {
                String base = "ou=series" + s + "," + SUFFIX;
                timed.add("dn: " + base, "objectClass: top", "objectClass: organizationalUnit", "ou: series" + s);
                List<String> times = series.get(s);
                for (int i = 0; i < times.size(); i++) {
                    Entry entry = person("t" + s + i, "Tim", "Time", "0151 23459" + s + i);
                    entry.setDN("uid=t" + s + i + "," + base);
                    entry.addAttribute("modifyTimestamp", times.get(i));
                    timed.add(entry);
                }
            }
            timed.startListening();
            for (int s = 0; s < series.size(); s++) {
                LdapDirectorySource source = new LdapDirectorySource(LdapSourceConfig.parse(
                        "ldap://127.0.0.1:" + timed.getListenPort(), "", Secret.none(), "ou=series" + s + "," + SUFFIX,
                        PERSONS, "uid", MAPPING, 2).trackingChangesBy("modifyTimestamp"))
                        .withClockMargin(Duration.ZERO);
                DirectorySource.ChangeRead read = source.readChanges(null, entry -> { });

                assertThat(read.summary().entries()).isEqualTo(series.get(s).size());
                assertThat(read.watermark()).as("series " + s).isEqualTo(expected.get(s));
            }
        } finally {
            timed.shutDown(true);
        }
    }

    @Test
    void aChangeTimeIsReadAsTheSdkReadsItInEveryFormDirectoriesWrite() throws Exception {
        for (String time : List.of("20261206201500Z", "20261206201500.123Z", "20261206201500.5Z",
                "20261206201500.25Z", "20261206201500.123456Z", "19991231235959Z", "20240229120000Z",
                "202612062015Z", "20261206201500+0100", "20261206201500.5-0530")) {
            assertThat(LdapDirectorySource.changedAt(time)).as(time)
                    .isEqualTo(StaticUtils.decodeGeneralizedTime(time));
        }
        assertThat(LdapDirectorySource.changedAt("20261306201500Z")).as("month 13").isNull();
        assertThat(LdapDirectorySource.changedAt("20261206201500,25Z")).as("a comma, which the SDK refuses").isNull();
        assertThat(LdapDirectorySource.changedAt("yesterday")).isNull();
        assertThat(LdapDirectorySource.changedAt(null)).isNull();
    }

    private static Map<String, Rejection> rejectedIn(Map<String, Normalisation> read) {
        return read.entrySet().stream().filter(e -> e.getValue() instanceof Normalisation.Rejected)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> ((Normalisation.Rejected) e.getValue()).rejection()));
    }
}
