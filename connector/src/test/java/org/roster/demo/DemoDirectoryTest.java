package org.roster.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoDirectoryTest {

  private static final String BASE = DemoDirectory.DEFAULT_BASE_DN;
  private static final DemoDirectory DIRECTORY = DemoDirectory.of(DemoDirectory.DEFAULT_SEED, 2_000);
  private static final List<Entry> PEOPLE = people(DIRECTORY);
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  @Test
  void sameSeedGivesIdenticalEntries() {
    List<Entry> again = DemoDirectory.of(DemoDirectory.DEFAULT_SEED, 2_000).entries(BASE).toList();

    assertThat(again).hasSize(2_002).containsExactlyElementsOf(DIRECTORY.entries(BASE).toList());
  }

  @Test
  void anotherSeedGivesOtherPeople() {
    List<Entry> other = people(DemoDirectory.of(DemoDirectory.DEFAULT_SEED + 1, 2_000));

    long same = 0;
    for (int i = 0; i < PEOPLE.size(); i++) {
      same += PEOPLE.get(i).equals(other.get(i)) ? 1 : 0;
    }
    assertThat(same).isZero();
  }

  @Test
  void aBiggerDirectoryStartsWithThePeopleOfTheSmallerOne() {
    List<Entry> small = DemoDirectory.of(DemoDirectory.DEFAULT_SEED, 300).entries(BASE).toList();

    assertThat(DIRECTORY.entries(BASE).limit(302).toList()).containsExactlyElementsOf(small);
  }

  @Test
  void personByIndexIsTheStreamedPersonAndIndexesBeyondTheSizeAreNewHires() {
    assertThat(DIRECTORY.person(1_234, BASE)).isEqualTo(PEOPLE.get(1_234));

    Entry hire = DIRECTORY.person(2_000, BASE);
    assertThat(hire).isEqualTo(DemoDirectory.of(DemoDirectory.DEFAULT_SEED, 2_001).person(2_000, BASE));
    assertThat(PEOPLE).extracting(Entry::getDN).doesNotContain(hire.getDN());
  }

  @Test
  void entriesStartWithTheSuffixAndTheUnitNamedByTheBaseDn() {
    List<Entry> entries = DemoDirectory.of(7, 3).entries("ou=staff,dc=acme,dc=co,dc=uk").toList();

    assertThat(entries).hasSize(5);
    assertThat(entries.get(0).getDN()).isEqualTo("dc=acme,dc=co,dc=uk");
    assertThat(entries.get(0).getObjectClassValues()).contains("dcObject", "organization");
    assertThat(entries.get(1).getDN()).isEqualTo("ou=staff,dc=acme,dc=co,dc=uk");
    assertThat(entries.get(1).getObjectClassValues()).contains("organizationalUnit");
    assertThat(entries.subList(2, 5)).allSatisfy(person -> {
      assertThat(person.getDN()).startsWith("uid=").endsWith(",ou=staff,dc=acme,dc=co,dc=uk");
      assertThat(person.getObjectClassValues()).containsExactly("top", "person", "organizationalPerson", "inetOrgPerson");
      assertThat(person.getAttributeValue("mail")).endsWith("@acme.co.uk");
    });
  }

  @Test
  void aBaseDnThatIsNotAnOrganizationalUnitBelowDomainComponentsIsRefused() {
    assertThatThrownBy(() -> DIRECTORY.entries("cn=people,dc=example,dc=org"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cn=people,dc=example,dc=org");
    assertThatThrownBy(() -> DIRECTORY.entries("ou=people,o=Example"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dc components");
    assertThatThrownBy(() -> DIRECTORY.entries("not a dn"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a DN");
  }

  @Test
  void uidsAndEmployeeNumbersAreUniqueOverTwoThousandPeople() {
    assertThat(PEOPLE).extracting(person -> person.getAttributeValue("uid"))
        .hasSize(2_000).doesNotHaveDuplicates().doesNotContainNull();
    assertThat(PEOPLE).extracting(person -> person.getAttributeValue("employeeNumber"))
        .hasSize(2_000).doesNotHaveDuplicates().doesNotContainNull();
    assertThat(PEOPLE).extracting(person -> person.getAttributeValue("uid"))
        .anyMatch(uid -> uid.matches("p\\d{6}")).anyMatch(uid -> uid.matches("[a-z]+\\d+"));
  }

  @Test
  void mobileNumbersAreMissingInvalidOrSharedInTheDocumentedProportions() {
    Map<String, String> regions = DemoDirectory.locationRegions();
    int missing = 0;
    int invalid = 0;
    int shared = 0;
    int foreign = 0;
    Set<String> seen = new HashSet<>();
    for (Entry person : PEOPLE) {
      String mobile = person.getAttributeValue("mobile");
      if (mobile == null) {
        missing++;
        continue;
      }
      String region = regions.get(person.getAttributeValue("l"));
      Optional<PhoneNumber> number = validMobile(mobile, region);
      if (number.isEmpty()) {
        invalid++;
        assertThat(plainlyNotANumber(mobile)).as("rejected mobile %s of %s", mobile, person.getDN()).isTrue();
        continue;
      }
      if (!seen.add(PHONES.format(number.get(), PhoneNumberFormat.E164))) {
        shared++;
      } else if (!region.equals(PHONES.getRegionCodeForNumber(number.get()))) {
        foreign++;
      }
    }

    assertThat(missing / 2_000.0).as("missing").isBetween(0.035, 0.065);
    assertThat(invalid / 2_000.0).as("invalid").isBetween(0.01, 0.032);
    assertThat(shared / 2_000.0).as("shared with an earlier person").isBetween(0.004, 0.02);
    assertThat(foreign).as("own numbers from another country than l").isZero();
  }

  @Test
  void mobileNumbersAreWrittenInManyNationalAndInternationalStyles() {
    List<String> mobiles = PEOPLE.stream()
        .map(person -> person.getAttributeValue("mobile")).filter(m -> m != null).toList();

    assertThat(mobiles)
        .anyMatch(m -> m.matches("0\\d+ \\d+"))
        .anyMatch(m -> m.matches("\\(0\\d+\\) \\d+-\\d{4}"))
        .anyMatch(m -> m.matches("0\\d+/\\d+"))
        .anyMatch(m -> m.matches("\\+\\d{2} \\d+ \\d+"))
        .anyMatch(m -> m.matches("00\\d{2} \\d+ \\d+"))
        .anyMatch(m -> m.matches("\\+\\d{2}-\\d+-\\d{4}-\\d+"))
        .anyMatch(m -> m.matches("\\+\\d{11,13}"))
        .anyMatch(m -> m.matches("\\+\\d{2} \\(0\\)\\d+ \\d+"))
        .anyMatch(m -> !m.equals(m.strip()));
    assertThat(mobiles.stream().map(String::strip).filter(m -> m.matches("\\+\\d{2}.*")).map(m -> m.substring(0, 3)))
        .contains("+49", "+43", "+41", "+33", "+34", "+44");
  }

  @Test
  void aboutEightPercentAreContractors() {
    long contractors = PEOPLE.stream().filter(p -> "contractor".equals(p.getAttributeValue("employeeType"))).count();

    assertThat(contractors / 2_000.0).isBetween(0.06, 0.10);
    assertThat(PEOPLE).allMatch(p -> Set.of("employee", "contractor").contains(p.getAttributeValue("employeeType")));
  }

  @Test
  void namesIncludeNonAsciiDecomposedAndPaddedValues() {
    List<String> surnames = PEOPLE.stream().map(p -> p.getAttributeValue("sn")).toList();
    Predicate<Entry> decomposed = p -> !Normalizer.isNormalized(p.getAttributeValue("cn"), Normalizer.Form.NFC);
    Predicate<Entry> padded = p -> !p.getAttributeValue("givenName").equals(p.getAttributeValue("givenName").strip())
        || !p.getAttributeValue("sn").equals(p.getAttributeValue("sn").strip());

    assertThat(surnames.stream().filter(sn -> !sn.chars().allMatch(c -> c < 128)).count()).isGreaterThan(200);
    assertThat(surnames.stream().map(sn -> Normalizer.normalize(sn.strip(), Normalizer.Form.NFC)))
        .contains("Müller", "Žižek", "Çelik", "Nguyễn");
    assertThat(PEOPLE.stream().map(p -> p.getAttributeValue("givenName")).map(String::strip)
        .map(n -> Normalizer.normalize(n, Normalizer.Form.NFC))).contains("Øyvind", "José", "Łukasz");
    assertThat(PEOPLE.stream().filter(decomposed).count()).isBetween(5L, 100L);
    assertThat(PEOPLE.stream().filter(padded).count()).isBetween(20L, 100L);
  }

  @Test
  void everyManagerIsAGeneratedPersonOfTheSameDepartment() {
    Map<String, String> departmentByDn = new HashMap<>();
    PEOPLE.forEach(p -> departmentByDn.put(p.getDN(), p.getAttributeValue("departmentNumber")));

    List<Entry> managed = PEOPLE.stream().filter(p -> p.hasAttribute("manager")).toList();
    assertThat(managed).allSatisfy(person -> {
      String manager = person.getAttributeValue("manager");
      assertThat(departmentByDn).as("manager of %s", person.getDN()).containsKey(manager);
      assertThat(departmentByDn.get(manager)).isEqualTo(person.getAttributeValue("departmentNumber"));
      assertThat(manager).isNotEqualTo(person.getDN());
    });
    List<Entry> heads = PEOPLE.stream().filter(p -> !p.hasAttribute("manager")).toList();
    assertThat(heads).hasSize(30).allMatch(p -> p.getAttributeValue("title").startsWith("Head of "));
    assertThat(heads).extracting(p -> p.getAttributeValue("departmentNumber")).doesNotHaveDuplicates();
  }

  @Test
  void departmentsAreUnevenAndPeopleSitInEightCities() {
    Map<String, Long> sizes = PEOPLE.stream()
        .collect(Collectors.groupingBy(p -> p.getAttributeValue("departmentNumber"), Collectors.counting()));

    assertThat(sizes).hasSize(30).containsKeys("Engineering", "Finance", "Sales DACH");
    assertThat(sizes.get("Engineering")).isGreaterThan(10 * sizes.get("Executive Office"));
    assertThat(PEOPLE).extracting(p -> p.getAttributeValue("l"))
        .containsAll(List.of("Berlin", "München", "Hamburg", "Wien", "Zürich", "Paris", "Madrid", "London"));
    assertThat(PEOPLE.stream().map(p -> p.getAttributeValue("l")).distinct()).hasSize(8);
    assertThat(PEOPLE.stream().filter(p -> p.hasAttribute("telephoneNumber")).count()).isBetween(600L, 1_000L);
  }

  @Test
  void aServerOnAnyFreePortServesAllPeopleThroughPagedSearch() throws Exception {
    try (DemoDirectoryServer ldap = DemoDirectoryServer.start(0, DIRECTORY, BASE);
         LDAPConnection connection = new LDAPConnection("127.0.0.1", ldap.port())) {
      assertThat(ldap.url()).isEqualTo("ldap://127.0.0.1:" + ldap.port());

      Map<String, SearchResultEntry> found = new HashMap<>();
      ASN1OctetString cookie = null;
      do {
        SearchRequest request = new SearchRequest(BASE, SearchScope.SUB, "(objectClass=inetOrgPerson)");
        request.setControls(new Control[] {new SimplePagedResultsControl(500, cookie)});
        SearchResult page = connection.search(request);
        page.getSearchEntries().forEach(e -> found.put(e.getDN(), e));
        cookie = SimplePagedResultsControl.get(page).getCookie();
      } while (cookie != null && cookie.getValueLength() > 0);

      assertThat(found).hasSize(2_000);
      // The server keeps the mess: what a client reads is exactly what was generated.
      assertThat(PEOPLE).allSatisfy(person -> {
        SearchResultEntry served = found.get(person.getDN());
        assertThat(served.getAttributeValue("mobile")).isEqualTo(person.getAttributeValue("mobile"));
        assertThat(served.getAttributeValue("cn")).isEqualTo(person.getAttributeValue("cn"));
        assertThat(served.getAttributeValue("manager")).isEqualTo(person.getAttributeValue("manager"));
      });
    }
  }

  private static List<Entry> people(DemoDirectory directory) {
    return directory.entries(BASE).filter(e -> e.hasObjectClass("inetOrgPerson")).toList();
  }

  private static Optional<PhoneNumber> validMobile(String text, String region) {
    try {
      PhoneNumber number = PHONES.parse(text, region);
      PhoneNumberType type = PHONES.getNumberType(number);
      boolean mobile = type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
      return PHONES.isValidNumber(number) && mobile ? Optional.of(number) : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  /** Junk a person would recognise at a glance, as opposed to a realistic number that happens to be wrong. */
  private static boolean plainlyNotANumber(String text) {
    long digits = text.chars().filter(Character::isDigit).count();
    return digits < 7 || digits > 15 || text.chars().anyMatch(Character::isLetter);
  }
}
