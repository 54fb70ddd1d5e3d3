package org.roster.demo;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A seeded, streamed employee directory that looks like a real company's LDAP
 * export, mess included: for demos, tests and benchmarks of the sync.
 *
 * <p>Person {@code i} depends only on the seed and on {@code i}, never on the
 * size, so the first {@code n} people of a directory of a million are exactly
 * the people of a directory of {@code n}; entries are built on demand, so a
 * million of them never sit in memory at once.
 *
 * <pre>{@code
 * DemoDirectory directory = DemoDirectory.of(DemoDirectory.DEFAULT_SEED, 2_000);
 * try (Stream<Entry> entries = directory.entries(DemoDirectory.DEFAULT_BASE_DN)) {
 *   entries.forEach(entry -> ...);   // suffix, organizational unit, then 2,000 people
 * }
 * Entry hire = directory.person(2_000, DemoDirectory.DEFAULT_BASE_DN); // the next one a bigger directory would hold
 * }</pre>
 *
 * <h2>Structure</h2>
 * <ul>
 *   <li>30 departments of very different sizes (Engineering is
 *       about 17&nbsp;% of staff, Executive Office 0.5&nbsp;%), in eight cities: Berlin,
 *       München, Hamburg (DE), Wien (AT), Zürich (CH), Paris (FR), Madrid (ES), London (GB);
 *       {@link #locationRegions()} says which country each city's numbers belong to.</li>
 *   <li>People {@code 0..29} head departments {@code 0..29} and have no {@code manager};
 *       the next 61 people are team leads (a department gets one per
 *       started 2&nbsp;% of staff) reporting to their head; everyone else reports to one
 *       of their department's team leads. A manager always has a smaller index than
 *       their reports, so every {@code manager} names a person of the same directory.</li>
 *   <li>{@code uid} is {@code p000123} (85&nbsp;%) or initial, surname and index, like
 *       {@code amueller123} (15&nbsp;%); both are unique. {@code employeeNumber} is
 *       {@code 100001 + index}, unique (the digits of the {@code p} uid plus 100000).</li>
 *   <li>{@code employeeType} is {@code contractor} for 8&nbsp;% of staff below team
 *       lead (about 7.7&nbsp;% of a 2,000-person directory), {@code employee} otherwise.</li>
 *   <li>40&nbsp;% also have an office {@code telephoneNumber}.</li>
 * </ul>
 *
 * <h2>Mess, in deterministic proportions of all people</h2>
 * <ul>
 *   <li>{@code mobile} is missing for 5&nbsp;%, not a phone number at all for 2&nbsp;%
 *       ({@code "12"}, {@code "n/a"}, {@code "+49 000"}, {@code "0151 ABC"}, ...), and for
 *       1&nbsp;% the number of an earlier person (written internationally, so it
 *       normalises to the same E.164 number even across countries). The other 92&nbsp;%
 *       are valid mobile numbers of the country of {@code l} with real mobile prefixes
 *       (DE 151/152/160/170-179, AT 650/660/664/676/699, CH 76-79, FR 6/7, ES 6,
 *       GB 74xx-79xx), written 45&nbsp;% nationally ({@code 0151 23456789},
 *       {@code (0151) 2345-6789}, {@code 0151/23456789}, {@code 015123456789},
 *       {@code 0151 2345 6789}) and 55&nbsp;% internationally ({@code +49 151 23456789},
 *       {@code 0049 151 23456789}, {@code +49-151-2345-6789}, {@code +4915123456789},
 *       {@code +49 (0)151 23456789}, {@code +49 151 2345 6789}); 3&nbsp;% of those carry a
 *       stray leading or trailing space.</li>
 *   <li>Names come from the person's country (75&nbsp;%) or from an international pool
 *       (25&nbsp;%, e.g. Łukasz, Øyvind, Žižek, Çelik, Nguyễn); many are not ASCII, and
 *       40&nbsp;% of Spanish surnames are double ({@code Ruiz Fernández}).</li>
 *   <li>3&nbsp;% have a leading or trailing space in {@code givenName} or {@code sn}
 *       (and so in {@code cn}); 5&nbsp;% have all name attributes in decomposed Unicode
 *       (NFD), which only shows for names with accents.</li>
 *   <li>{@code displayName} is "Given Surname" (70&nbsp;%), "Surname, Given" (20&nbsp;%) or
 *       "Given Surname (Department)" (10&nbsp;%).</li>
 *   <li>{@code mail} is {@code given.surname@<suffix domain>} in ASCII (German umlauts as
 *       ae/oe/ue in DE, AT and CH), capitalised for 5&nbsp;%. It is <em>not</em> unique:
 *       namesakes share it, as in merged real directories, so key on {@code uid} or
 *       {@code employeeNumber}.</li>
 * </ul>
 *
 * @param seed      the seed all people derive from
 * @param employees how many people {@link #entries(String)} yields, at least 0
 */
public record DemoDirectory(long seed, int employees) {

    /** Where people live unless a caller says otherwise. */
    public static final String DEFAULT_BASE_DN = "ou=people,dc=example,dc=org";

    /** The seed of the directory used in demos, so everybody sees the same company. */
    public static final long DEFAULT_SEED = 20_240_917L;

    /** The size of the demo directory: big enough to page, small enough for a test. */
    public static final int DEFAULT_SIZE = 2_000;

    private static final int DEPARTMENT_COUNT = 30;
    private static final int LEAD_COUNT = 61;

    private static final double MOBILE_MISSING = 0.05;
    private static final double MOBILE_INVALID = 0.02;
    private static final double MOBILE_DUPLICATE = 0.01;
    private static final double MOBILE_PADDED = 0.03;
    private static final double CONTRACTOR = 0.08;
    private static final double TELEPHONE = 0.40;
    private static final double NAME_PADDED = 0.03;
    private static final double NAME_DECOMPOSED = 0.05;
    private static final double INTERNATIONAL_NAME = 0.25;
    private static final double NAME_UID = 0.15;
    private static final double MAIL_CAPITALISED = 0.05;

    // Salts keep the streams of one person independent, so a duplicate can look up
    // another person's number without replaying that person's whole profile draws.
    private static final long PROFILE_SALT = 0x5DEECE66DL;
    private static final long PHONE_SALT = 0x2545F4914F6CDD1DL;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LOWER_ASCII = Pattern.compile("[^a-z]+");
    private static final Map<String, String> ASCII = new ConcurrentHashMap<>();

    /**
     * Validates the size.
     *
     * @throws IllegalArgumentException if {@code employees} is negative
     */
    public DemoDirectory {
        if (employees < 0) {
            throw new IllegalArgumentException("a demo directory needs at least 0 employees, not " + employees);
        }
    }

    /**
     * The directory of {@code employees} people derived from {@code seed}.
     *
     * @param seed      any value; equal seeds give equal directories
     * @param employees how many people, at least 0
     * @return the directory; nothing is generated until entries are asked for
     */
    public static DemoDirectory of(long seed, int employees) {
        return new DemoDirectory(seed, employees);
    }

    /**
     * The demo company: {@link #DEFAULT_SEED}, {@link #DEFAULT_SIZE} people.
     *
     * @return the default directory
     */
    public static DemoDirectory standard() {
        return of(DEFAULT_SEED, DEFAULT_SIZE);
    }

    /**
     * The country (ISO 3166 region code, as libphonenumber wants it) in which the numbers
     * of people in each location ({@code l}) are written.
     *
     * @return location to region, e.g. {@code "Wien" -> "AT"}, in a stable order
     */
    public static Map<String, String> locationRegions() {
        Map<String, String> regions = new LinkedHashMap<>();
        for (Location location : Location.values()) {
            regions.put(location.label, location.country.region);
        }
        return Collections.unmodifiableMap(regions);
    }

    /**
     * The whole directory below {@code baseDn}, lazily: the suffix entry (the parent of
     * {@code baseDn}, a {@code dcObject}/{@code organization}), the {@code organizationalUnit}
     * {@code baseDn} itself, then the people in index order.
     *
     * @param baseDn {@code ou=<name>,dc=...[,dc=...]}, for example {@link #DEFAULT_BASE_DN}
     * @return {@code 2 + employees()} entries, generated as the stream is consumed
     * @throws IllegalArgumentException if {@code baseDn} is not an {@code ou} below {@code dc} components
     */
    public Stream<Entry> entries(String baseDn) {
        Naming naming = Naming.of(baseDn);
        return Stream.concat(
                Stream.of(naming.suffixEntry(), naming.unitEntry()),
                IntStream.range(0, employees).mapToObj(index -> person(index, naming)));
    }

    /**
     * The person with this index, the same entry {@link #entries(String)} yields for it.
     * Indexes at or beyond {@link #employees()} are allowed and give the people a bigger
     * directory of the same seed would hold, which is how a test simulates new hires.
     *
     * @param index  0 or more
     * @param baseDn as for {@link #entries(String)}
     * @return a fresh, modifiable entry
     * @throws IllegalArgumentException if {@code index} is negative or {@code baseDn} malformed
     */
    public Entry person(int index, String baseDn) {
        if (index < 0) {
            throw new IllegalArgumentException("person index must be at least 0, not " + index);
        }
        return person(index, Naming.of(baseDn));
    }

    private Entry person(int index, Naming naming) {
        Profile profile = profile(index);
        Entry entry = new Entry(naming.personDn(profile.uid()));
        entry.addAttribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson");
        entry.addAttribute("uid", profile.uid());
        entry.addAttribute("cn", profile.commonName());
        entry.addAttribute("sn", profile.surname());
        entry.addAttribute("givenName", profile.givenName());
        entry.addAttribute("displayName", profile.displayName());
        entry.addAttribute("mail", profile.mailLocalPart() + "@" + naming.mailDomain());
        entry.addAttribute("employeeNumber", Integer.toString(100_001 + index));
        entry.addAttribute("employeeType", profile.contractor() ? "contractor" : "employee");
        entry.addAttribute("departmentNumber", profile.department().label);
        entry.addAttribute("title", profile.title());
        entry.addAttribute("l", profile.location().label);
        if (profile.managerIndex() >= 0) {
            entry.addAttribute("manager", naming.personDn(profile(profile.managerIndex()).uid()));
        }
        mobile(index, profile).ifPresent(mobile -> entry.addAttribute("mobile", mobile));
        if (profile.telephone() != null) {
            entry.addAttribute("telephoneNumber", profile.telephone());
        }
        return entry;
    }

    // --- people -------------------------------------------------------------------------

    private record Profile(
            String uid,
            Department department,
            Location location,
            int managerIndex,
            boolean contractor,
            String title,
            String givenName,
            String surname,
            String commonName,
            String displayName,
            String mailLocalPart,
            String telephone) {}

    private Profile profile(int index) {
        SplittableRandom random = random(index, PROFILE_SALT);
        Department department;
        int managerIndex;
        String title;
        Location location;
        boolean contractor = false;
        if (index < DEPARTMENT_COUNT) {
            department = Department.values()[index];
            managerIndex = -1;
            title = "Head of " + department.label;
            location = department.locations[0];
        } else if (index < DEPARTMENT_COUNT + LEAD_COUNT) {
            department = Department.LEAD_DEPARTMENTS.get(index - DEPARTMENT_COUNT);
            managerIndex = department.ordinal();
            title = "Team Lead " + department.label;
            location = department.pickLocation(random);
        } else {
            department = Department.pick(random);
            List<Integer> leads = department.leads();
            managerIndex = leads.get(random.nextInt(leads.size()));
            title = department.titles[random.nextInt(department.titles.length)];
            location = department.pickLocation(random);
            contractor = random.nextDouble() < CONTRACTOR;
        }

        Country country = location.country;
        String givenName = pick(random, random.nextDouble() < INTERNATIONAL_NAME
                ? Names.INTERNATIONAL_GIVEN : country.givenNames);
        String surname = pick(random, random.nextDouble() < INTERNATIONAL_NAME
                ? Names.INTERNATIONAL_SURNAMES : country.surnames);
        if (country == Country.ES && random.nextDouble() < 0.4) {
            surname = surname + " " + pick(random, Names.ES_SURNAMES);
        }

        String mailLocalPart = ascii(givenName, country) + "." + ascii(surname, country);
        if (random.nextDouble() < MAIL_CAPITALISED) {
            mailLocalPart = capitalise(mailLocalPart);
        }
        String uid = random.nextDouble() < NAME_UID
                ? lettersOnly(ascii(givenName, country)).substring(0, 1) + lettersOnly(ascii(surname, country)) + (index + 1)
                : numberedUid(index);

        double style = random.nextDouble();
        String plainGiven = givenName;
        String plainSurname = surname;
        if (random.nextDouble() < NAME_PADDED) {
            // Padding lands in one attribute only, as it does when someone edits one field by hand.
            if (random.nextBoolean()) {
                givenName = random.nextBoolean() ? " " + givenName : givenName + " ";
            } else {
                surname = random.nextBoolean() ? surname + " " : " " + surname;
            }
        }
        String commonName = givenName + " " + surname;
        String displayName = style < 0.7 ? plainGiven + " " + plainSurname
                : style < 0.9 ? plainSurname + ", " + plainGiven
                : plainGiven + " " + plainSurname + " (" + department.label + ")";
        if (random.nextDouble() < NAME_DECOMPOSED) {
            givenName = nfd(givenName);
            surname = nfd(surname);
            commonName = nfd(commonName);
            displayName = nfd(displayName);
        }

        String telephone = random.nextDouble() < TELEPHONE ? location.officeNumber(random) : null;
        return new Profile(uid, department, location, managerIndex, contractor, title,
                givenName, surname, commonName, displayName, mailLocalPart, telephone);
    }

    private enum MobileKind { MISSING, INVALID, DUPLICATE, OWN }

    private MobileKind mobileKind(SplittableRandom phoneRandom) {
        double draw = phoneRandom.nextDouble();
        if (draw < MOBILE_MISSING) {
            return MobileKind.MISSING;
        }
        if (draw < MOBILE_MISSING + MOBILE_INVALID) {
            return MobileKind.INVALID;
        }
        if (draw < MOBILE_MISSING + MOBILE_INVALID + MOBILE_DUPLICATE) {
            return MobileKind.DUPLICATE;
        }
        return MobileKind.OWN;
    }

    private Optional<String> mobile(int index, Profile profile) {
        SplittableRandom random = random(index, PHONE_SALT);
        MobileKind kind = mobileKind(random);
        Country country = profile.location().country;
        // Drawn for everyone, so the number of person i is fixed whatever their kind.
        String nsn = country.mobileNumber(random);
        double formatDraw = random.nextDouble();
        switch (kind) {
            case MISSING:
                return Optional.empty();
            case INVALID:
                return Optional.of(country.invalidMobile(random));
            case DUPLICATE:
                int source = earlierOwner(index, random);
                if (source >= 0) {
                    SplittableRandom sourceRandom = random(source, PHONE_SALT);
                    mobileKind(sourceRandom);
                    Country sourceCountry = profile(source).location().country;
                    String sourceNsn = sourceCountry.mobileNumber(sourceRandom);
                    return Optional.of(sourceCountry.format(sourceNsn, MobileFormat.international(formatDraw)));
                }
                break;
            default:
                break;
        }
        String written = country.format(nsn, MobileFormat.any(formatDraw));
        if (random.nextDouble() < MOBILE_PADDED) {
            written = random.nextBoolean() ? " " + written : written + " ";
        }
        return Optional.of(written);
    }

    /** An earlier person with a number of their own, or -1 if there is none close by. */
    private int earlierOwner(int index, SplittableRandom random) {
        if (index == 0) {
            return -1;
        }
        int candidate = index - 1 - random.nextInt(Math.min(index, 500));
        for (int tries = 0; candidate >= 0 && tries < 50; candidate--, tries++) {
            if (mobileKind(random(candidate, PHONE_SALT)) == MobileKind.OWN) {
                return candidate;
            }
        }
        return -1;
    }

    private static String numberedUid(int index) {
        String digits = Integer.toString(index + 1);
        return "p" + "000000".substring(Math.min(6, digits.length())) + digits;
    }

    private SplittableRandom random(int index, long salt) {
        // SplitMix64's finaliser, so neighbouring indexes and seeds give unrelated streams.
        long z = seed + salt + 0x9E3779B97F4A7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String nfd(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFD);
    }

    private static String capitalise(String localPart) {
        StringBuilder result = new StringBuilder(localPart.length());
        boolean start = true;
        for (char c : localPart.toCharArray()) {
            result.append(start ? Character.toUpperCase(c) : c);
            start = c == '.' || c == '-';
        }
        return result.toString();
    }

    private static String lettersOnly(String value) {
        String letters = NOT_LOWER_ASCII.matcher(value).replaceAll("");
        return letters.isEmpty() ? "x" : letters;
    }

    /** How a mail administrator would spell a name in ASCII; cached, as names come from small pools. */
    private static String ascii(String name, Country country) {
        return ASCII.computeIfAbsent(country.germanSpelling ? "de\u0000" + name : name, key -> {
            String value = name.toLowerCase(Locale.ROOT);
            if (country.germanSpelling) {
                value = value.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue");
            }
            value = value.replace("ß", "ss").replace("ø", "o").replace("å", "a").replace("æ", "ae")
                    .replace("ł", "l").replace("đ", "d").replace("ı", "i").replace("'", "");
            value = MARKS.matcher(Normalizer.normalize(value, Normalizer.Form.NFD)).replaceAll("");
            return value.trim().replace(' ', '-');
        });
    }

    // --- naming -------------------------------------------------------------------------

    /** The parsed base DN: what the container entries and people's DNs and mail domain are. */
    private record Naming(String baseDn, DN suffix, RDN unit, String mailDomain) {

        static Naming of(String baseDn) {
            DN dn;
            try {
                dn = new DN(baseDn);
            } catch (LDAPException e) {
                throw new IllegalArgumentException("base DN \"" + baseDn + "\" is not a DN: " + e.getMessage(), e);
            }
            RDN unit = dn.getRDN();
            DN suffix = dn.getParent();
            if (unit == null || !unit.hasAttribute("ou") || unit.getAttributeNames().length != 1
                    || suffix == null || suffix.isNullDN()) {
                throw new IllegalArgumentException(
                        "base DN \"" + baseDn + "\" must be ou=<name> below dc components, like " + DEFAULT_BASE_DN);
            }
            List<String> labels = new ArrayList<>();
            for (RDN rdn : suffix.getRDNs()) {
                if (!rdn.hasAttribute("dc") || rdn.getAttributeNames().length != 1) {
                    throw new IllegalArgumentException(
                            "base DN \"" + baseDn + "\" must be ou=<name> below dc components only, like " + DEFAULT_BASE_DN);
                }
                labels.add(rdn.getAttributeValues()[0]);
            }
            return new Naming(dn.toString(), suffix, unit, String.join(".", labels).toLowerCase(Locale.ROOT));
        }

        Entry suffixEntry() {
            String dc = suffix.getRDN().getAttributeValues()[0];
            Entry entry = new Entry(suffix);
            entry.addAttribute("objectClass", "top", "dcObject", "organization");
            entry.addAttribute("dc", dc);
            entry.addAttribute("o", dc.isEmpty() ? dc : Character.toUpperCase(dc.charAt(0)) + dc.substring(1));
            return entry;
        }

        Entry unitEntry() {
            Entry entry = new Entry(baseDn);
            entry.addAttribute("objectClass", "top", "organizationalUnit");
            entry.addAttribute("ou", unit.getAttributeValues()[0]);
            return entry;
        }

        String personDn(String uid) {
            return "uid=" + uid + "," + baseDn;
        }
    }

    // --- company data -------------------------------------------------------------------

    /** Ways a mobile number gets typed into a directory, with how often each is typed. */
    private enum MobileFormat {
        NATIONAL_SPACED(15), NATIONAL_BRACKETS(7), NATIONAL_SLASH(8), NATIONAL_COMPACT(5), NATIONAL_GROUPED(10),
        INTERNATIONAL_SPACED(20), INTERNATIONAL_DOUBLE_ZERO(8), INTERNATIONAL_DASHES(7), E164(10),
        INTERNATIONAL_TRUNK_ZERO(4), INTERNATIONAL_GROUPED(6);

        private final int percent;

        MobileFormat(int percent) {
            this.percent = percent;
        }

        boolean national() {
            return name().startsWith("NATIONAL");
        }

        /** One of all formats, chosen by a uniform draw in [0, 1). */
        static MobileFormat any(double draw) {
            double cumulative = 0;
            for (MobileFormat format : values()) {
                cumulative += format.percent / 100.0;
                if (draw < cumulative) {
                    return format;
                }
            }
            return E164;
        }

        /** One of the international formats, chosen by a uniform draw in [0, 1). */
        static MobileFormat international(double draw) {
            int total = 0;
            for (MobileFormat format : values()) {
                total += format.national() ? 0 : format.percent;
            }
            double cumulative = 0;
            for (MobileFormat format : values()) {
                if (!format.national()) {
                    cumulative += (double) format.percent / total;
                    if (draw < cumulative) {
                        return format;
                    }
                }
            }
            return E164;
        }
    }

    private enum Country {
        DE("DE", "49", "0", 3, new int[] {4, 4}, true,
                new String[] {"151:11", "152:11", "160:10", "170:10", "171:10", "172:10", "175:10",
                        "176:11", "177:11", "178:11", "179:11"},
                Names.DE_GIVEN, Names.DE_SURNAMES),
        AT("AT", "43", "0", 3, new int[] {3, 4}, true,
                new String[] {"650:10", "660:10", "664:10", "676:10", "699:11"},
                Names.AT_GIVEN, Names.AT_SURNAMES),
        CH("CH", "41", "0", 2, new int[] {3, 2, 2}, true,
                new String[] {"76:9", "77:9", "78:9", "79:9"},
                Names.CH_GIVEN, Names.CH_SURNAMES),
        FR("FR", "33", "0", 1, new int[] {2, 2, 2, 2}, false,
                new String[] {"60:9", "61:9", "62:9", "64:9", "65:9", "66:9", "67:9", "68:9",
                        "73:9", "74:9", "75:9", "76:9", "77:9", "78:9"},
                Names.FR_GIVEN, Names.FR_SURNAMES),
        ES("ES", "34", "", 3, new int[] {2, 2, 2}, false,
                new String[] {"6:9"},
                Names.ES_GIVEN, Names.ES_SURNAMES),
        GB("GB", "44", "0", 4, new int[] {3, 3}, false,
                new String[] {"740:10", "741:10", "742:10", "743:10", "744:10", "753:10", "754:10", "755:10",
                        "771:10", "772:10", "773:10", "774:10", "775:10", "784:10", "785:10", "786:10",
                        "794:10", "795:10", "796:10", "797:10"},
                Names.GB_GIVEN, Names.GB_SURNAMES);

        final String region;
        final String callingCode;
        final String trunkPrefix;
        /** How many leading digits of the national number people write apart, like 151 or 7400. */
        final int areaLength;
        final int[] grouping;
        final boolean germanSpelling;
        final String[] mobileRanges;
        final String[] givenNames;
        final String[] surnames;

        Country(String region, String callingCode, String trunkPrefix, int areaLength, int[] grouping,
                boolean germanSpelling, String[] mobileRanges, String[] givenNames, String[] surnames) {
            this.region = region;
            this.callingCode = callingCode;
            this.trunkPrefix = trunkPrefix;
            this.areaLength = areaLength;
            this.grouping = grouping;
            this.germanSpelling = germanSpelling;
            this.mobileRanges = mobileRanges;
            this.givenNames = givenNames;
            this.surnames = surnames;
        }

        /** A valid national significant number in one of this country's mobile ranges. */
        String mobileNumber(SplittableRandom random) {
            String range = mobileRanges[random.nextInt(mobileRanges.length)];
            int colon = range.indexOf(':');
            int length = Integer.parseInt(range.substring(colon + 1));
            StringBuilder number = new StringBuilder(length).append(range, 0, colon);
            // A leading 0 or 1 after the range would put some numbers into reserved blocks.
            number.append((char) ('2' + random.nextInt(8)));
            while (number.length() < length) {
                number.append((char) ('0' + random.nextInt(10)));
            }
            return number.toString();
        }

        String invalidMobile(SplittableRandom random) {
            String firstPrefix = mobileRanges[0].substring(0, mobileRanges[0].indexOf(':'));
            String[] junk = {
                "12", "n/a", "+" + callingCode + " 000", "tbd", "-", "0", "000000", "keine",
                trunkPrefix + firstPrefix + " ABC", "+" + callingCode + " " + firstPrefix,
                "ask reception", "123456789012345678"
            };
            return junk[random.nextInt(junk.length)];
        }

        String format(String nsn, MobileFormat format) {
            String area = nsn.substring(0, areaLength);
            String rest = nsn.substring(areaLength);
            String plus = "+" + callingCode;
            switch (format) {
                case NATIONAL_SPACED: return trunkPrefix + area + " " + rest;
                case NATIONAL_BRACKETS:
                    return "(" + trunkPrefix + area + ") " + rest.substring(0, rest.length() - 4) + "-" + rest.substring(rest.length() - 4);
                case NATIONAL_SLASH: return trunkPrefix + area + "/" + rest;
                case NATIONAL_COMPACT: return trunkPrefix + nsn;
                case NATIONAL_GROUPED: return trunkPrefix + area + " " + group(rest, grouping, " ");
                case INTERNATIONAL_SPACED: return plus + " " + area + " " + rest;
                case INTERNATIONAL_DOUBLE_ZERO: return "00" + callingCode + " " + area + " " + rest;
                case INTERNATIONAL_DASHES: return plus + "-" + area + "-" + group(rest, new int[] {4, 4}, "-");
                case INTERNATIONAL_TRUNK_ZERO:
                    return trunkPrefix.isEmpty() ? plus + " " + area + " " + rest : plus + " (" + trunkPrefix + ")" + area + " " + rest;
                case INTERNATIONAL_GROUPED: return plus + " " + area + " " + group(rest, grouping, " ");
                case E164:
                default:
                    return plus + nsn;
            }
        }

        private static String group(String digits, int[] sizes, String separator) {
            StringBuilder result = new StringBuilder(digits.length() + sizes.length + 1);
            int at = 0;
            for (int size : sizes) {
                if (at >= digits.length()) {
                    break;
                }
                if (at > 0) {
                    result.append(separator);
                }
                int end = Math.min(digits.length(), at + size);
                result.append(digits, at, end);
                at = end;
            }
            if (at < digits.length()) {
                result.append(separator).append(digits, at, digits.length());
            }
            return result.toString();
        }
    }

    private enum Location {
        BERLIN("Berlin", Country.DE, "30", "2093"),
        MUENCHEN("München", Country.DE, "89", "4132"),
        HAMBURG("Hamburg", Country.DE, "40", "3095"),
        WIEN("Wien", Country.AT, "1", "5312"),
        ZUERICH("Zürich", Country.CH, "44", "268"),
        PARIS("Paris", Country.FR, "1", "5368"),
        MADRID("Madrid", Country.ES, "91", "456"),
        LONDON("London", Country.GB, "20", "3984");

        final String label;
        final Country country;
        final String areaCode;
        final String office;

        Location(String label, Country country, String areaCode, String office) {
            this.label = label;
            this.country = country;
            this.areaCode = areaCode;
            this.office = office;
        }

        /** The office switchboard plus a four-digit extension, written as the local IT team does. */
        String officeNumber(SplittableRandom random) {
            String extension = Integer.toString(10_000 + random.nextInt(10_000)).substring(1);
            return random.nextBoolean()
                    ? "+" + country.callingCode + " " + areaCode + " " + office + "-" + extension
                    : country.trunkPrefix + areaCode + " " + office + "-" + extension;
        }
    }

    private enum Department {
        ENGINEERING("Engineering", 34, new Location[] {Location.BERLIN, Location.MUENCHEN, Location.HAMBURG},
                "Software Engineer", "Senior Software Engineer", "Staff Engineer", "Backend Developer", "Frontend Developer"),
        PLATFORM("Platform Engineering", 10, new Location[] {Location.BERLIN, Location.LONDON},
                "Site Reliability Engineer", "Platform Engineer", "Senior Platform Engineer"),
        DATA("Data Science", 6, new Location[] {Location.BERLIN, Location.ZUERICH},
                "Data Scientist", "Data Engineer", "Machine Learning Engineer"),
        IT_OPERATIONS("IT Operations", 8, new Location[] {Location.HAMBURG, Location.WIEN},
                "System Administrator", "IT Support Specialist", "Network Engineer"),
        SECURITY("Information Security", 4, new Location[] {Location.BERLIN},
                "Security Engineer", "Security Analyst"),
        PRODUCT("Product Management", 6, new Location[] {Location.BERLIN, Location.LONDON},
                "Product Manager", "Senior Product Manager", "Product Owner"),
        DESIGN("Design", 4, new Location[] {Location.BERLIN, Location.PARIS},
                "UX Designer", "UI Designer", "UX Researcher"),
        QUALITY("Quality Assurance", 6, new Location[] {Location.HAMBURG, Location.MADRID},
                "QA Engineer", "Test Automation Engineer"),
        SUPPORT("Customer Support", 16, new Location[] {Location.HAMBURG, Location.MADRID, Location.LONDON},
                "Support Agent", "Senior Support Agent", "Support Specialist"),
        SALES_DACH("Sales DACH", 14, new Location[] {Location.MUENCHEN, Location.WIEN, Location.ZUERICH},
                "Account Executive", "Key Account Manager", "Sales Development Representative"),
        SALES_FRANCE("Sales France", 6, new Location[] {Location.PARIS},
                "Account Executive", "Key Account Manager"),
        SALES_IBERIA("Sales Iberia", 6, new Location[] {Location.MADRID},
                "Account Executive", "Key Account Manager"),
        SALES_UK("Sales UK & Ireland", 6, new Location[] {Location.LONDON},
                "Account Executive", "Key Account Manager"),
        MARKETING("Marketing", 8, new Location[] {Location.BERLIN, Location.PARIS},
                "Marketing Manager", "Content Marketing Manager", "Performance Marketing Manager"),
        PARTNERS("Partner Management", 3, new Location[] {Location.MUENCHEN},
                "Partner Manager"),
        FINANCE("Finance", 6, new Location[] {Location.HAMBURG},
                "Financial Analyst", "Treasury Specialist"),
        CONTROLLING("Controlling", 3, new Location[] {Location.HAMBURG},
                "Controller", "Senior Controller"),
        ACCOUNTING("Accounting", 4, new Location[] {Location.HAMBURG, Location.WIEN},
                "Accountant", "Payroll Accountant"),
        HR("Human Resources", 5, new Location[] {Location.BERLIN, Location.MUENCHEN},
                "HR Business Partner", "HR Generalist"),
        RECRUITING("Recruiting", 3, new Location[] {Location.BERLIN},
                "Recruiter", "Talent Sourcer"),
        LEGAL("Legal", 2, new Location[] {Location.MUENCHEN},
                "Legal Counsel", "Paralegal"),
        COMPLIANCE("Compliance", 2, new Location[] {Location.ZUERICH},
                "Compliance Officer"),
        PROCUREMENT("Procurement", 2, new Location[] {Location.HAMBURG},
                "Buyer", "Procurement Specialist"),
        FACILITIES("Facility Management", 4, new Location[] {Location.BERLIN, Location.MUENCHEN, Location.HAMBURG},
                "Facility Coordinator", "Office Manager"),
        LOGISTICS("Logistics", 10, new Location[] {Location.HAMBURG, Location.MADRID},
                "Logistics Coordinator", "Warehouse Operative", "Dispatcher"),
        MANUFACTURING("Manufacturing", 12, new Location[] {Location.MUENCHEN},
                "Production Technician", "Shift Supervisor", "Process Engineer"),
        RESEARCH("Research", 5, new Location[] {Location.ZUERICH, Location.MUENCHEN},
                "Research Scientist", "Research Engineer"),
        EXECUTIVE("Executive Office", 1, new Location[] {Location.BERLIN},
                "Executive Assistant", "Chief of Staff"),
        COMMUNICATIONS("Corporate Communications", 2, new Location[] {Location.BERLIN},
                "Communications Manager", "Press Officer"),
        TRAINING("Training & Enablement", 2, new Location[] {Location.WIEN},
                "Trainer", "Enablement Manager");

        final String label;
        final int weight;
        final Location[] locations;
        final String[] titles;

        Department(String label, int weight, Location[] locations, String... titles) {
            this.label = label;
            this.weight = weight;
            this.locations = locations;
            this.titles = titles;
        }

        private static final int TOTAL_WEIGHT;
        /** Department of each team lead, in index order: lead k is person DEPARTMENT_COUNT + k. */
        static final List<Department> LEAD_DEPARTMENTS;
        private static final List<List<Integer>> LEADS;

        static {
            int total = 0;
            List<Department> leadDepartments = new ArrayList<>();
            List<List<Integer>> leads = new ArrayList<>();
            for (Department department : values()) {
                total += department.weight;
                List<Integer> own = new ArrayList<>();
                int count = (department.weight + 3) / 4;
                for (int k = 0; k < count; k++) {
                    own.add(DEPARTMENT_COUNT + leadDepartments.size());
                    leadDepartments.add(department);
                }
                leads.add(List.copyOf(own));
            }
            if (values().length != DEPARTMENT_COUNT || leadDepartments.size() != LEAD_COUNT) {
                throw new AssertionError("department table changed: update DEPARTMENT_COUNT and LEAD_COUNT");
            }
            TOTAL_WEIGHT = total;
            LEAD_DEPARTMENTS = List.copyOf(leadDepartments);
            LEADS = List.copyOf(leads);
        }

        List<Integer> leads() {
            return LEADS.get(ordinal());
        }

        static Department pick(SplittableRandom random) {
            int draw = random.nextInt(TOTAL_WEIGHT);
            for (Department department : values()) {
                draw -= department.weight;
                if (draw < 0) {
                    return department;
                }
            }
            throw new AssertionError("weights exhausted");
        }

        /** The first location is the department's main site and gets half of its people. */
        Location pickLocation(SplittableRandom random) {
            if (locations.length == 1 || random.nextBoolean()) {
                return locations[0];
            }
            return locations[1 + random.nextInt(locations.length - 1)];
        }
    }

    private static final class Names {
        static final String[] DE_GIVEN = {
            "Anna", "Lukas", "Jürgen", "Jörg", "Sören", "Björn", "Katharina", "Maximilian", "Sophie", "Felix",
            "Lena", "Jonas", "Hannah", "Leon", "Marie", "Paul", "Mia", "Uwe", "Sabine", "Thomas", "Günther",
            "Claudia", "Stefanie", "Michael", "Andreas", "Petra", "Bärbel", "Hans-Peter", "Jan", "Kerstin"
        };
        static final String[] DE_SURNAMES = {
            "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
            "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
            "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Weiß", "Groß",
            "Köhler", "Jäger", "Böhm", "von der Heide", "Meißner"
        };
        static final String[] AT_GIVEN = {
            "Florian", "Lisa", "Stefan", "Theresa", "Tobias", "Magdalena", "Matthias", "Julia", "Lorenz",
            "Valentina", "Sebastian", "Katharina", "Andrea", "Wolfgang", "Elisabeth"
        };
        static final String[] AT_SURNAMES = {
            "Gruber", "Huber", "Bauer", "Wagner", "Pichler", "Steiner", "Moser", "Mayer", "Hofer", "Leitner",
            "Berger", "Fuchs", "Eder", "Fischer", "Schmid", "Winkler", "Weber", "Schwarz", "Maier",
            "Reiter", "Wimmer", "Egger", "Brunner", "Baumgartner", "Auer", "Binder", "Lechner", "Pöll",
            "Österreicher", "Höller"
        };
        static final String[] CH_GIVEN = {
            "Luca", "Noah", "Elena", "Laura", "Reto", "Urs", "Nicole", "Corinne", "Beat", "Mattia",
            "Chloé", "Léa", "Jürg", "Regula", "Dario", "Seraina"
        };
        static final String[] CH_SURNAMES = {
            "Meier", "Müller", "Schmid", "Keller", "Weber", "Huber", "Schneider", "Meyer", "Steiner",
            "Fischer", "Gerber", "Brunner", "Baumann", "Frei", "Zimmermann", "Moser", "Widmer", "Wyss",
            "Graf", "Roth", "Bühler", "Kälin", "Zürcher", "Stäheli", "Rüegg", "Häfliger", "Favre", "Rossi"
        };
        static final String[] FR_GIVEN = {
            "Léa", "Chloé", "Camille", "Inès", "Zoé", "Hélène", "Théo", "Raphaël", "François", "Jérôme",
            "Gaëlle", "Noël", "Loïc", "Élodie", "Maël", "Amélie", "Hugo", "Manon", "Nicolas", "Julien"
        };
        static final String[] FR_SURNAMES = {
            "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
            "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "Rousseau", "Fontaine",
            "Chevalier", "Girard", "Bonnet", "Mercier", "Dupont", "Lambert", "Faure", "Béranger",
            "Séverin", "Deschênes", "Lemaître", "d'Aubigné", "Le Goff"
        };
        static final String[] ES_GIVEN = {
            "José", "María", "Lucía", "Sofía", "Martín", "Hugo", "Álvaro", "Javier", "Ana", "Marta",
            "Raúl", "Iñaki", "Begoña", "Nuria", "Ángel", "Inés", "Jesús", "María José", "Carmen", "Pablo"
        };
        static final String[] ES_SURNAMES = {
            "García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez",
            "Gómez", "Ruiz", "Díaz", "Hernández", "Jiménez", "Muñoz", "Álvarez", "Romero", "Navarro",
            "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Serrano", "Blanco", "Molina", "Suárez",
            "Ortega", "Castaño", "Ibáñez", "Peña"
        };
        static final String[] GB_GIVEN = {
            "Oliver", "Amelia", "Harry", "Isla", "George", "Ava", "Jack", "Emily", "Siobhán", "Niamh",
            "Seán", "Aoife", "Rhys", "Chloë", "Charlotte", "James", "Sarah", "David"
        };
        static final String[] GB_SURNAMES = {
            "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson",
            "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood",
            "Jackson", "Clarke", "O'Brien", "O'Connor", "McDonald", "Ní Bhriain", "Ó Súilleabháin"
        };
        static final String[] INTERNATIONAL_GIVEN = {
            "Łukasz", "Małgorzata", "Paweł", "Agnieszka", "Øyvind", "Søren", "Åsa", "Bjørn", "Slavoj",
            "Jiří", "Tomáš", "Dušan", "Mehmet", "Ayşe", "Emre", "Çağla", "Thị Lan", "Văn Minh",
            "João", "Ioana", "Ştefan", "Zoë", "Andrés", "Ngozi", "Priya", "Kateřina", "Gözde", "Đorđe"
        };
        static final String[] INTERNATIONAL_SURNAMES = {
            "Kowalski", "Wiśniewski", "Wójcik", "Łukaszewicz", "Nowak", "Żak", "Žižek", "Dvořák",
            "Novák", "Horváth", "Kovačević", "Petrović", "Đorđević", "Çelik", "Yılmaz", "Öztürk",
            "Şahin", "Nguyễn", "Trần", "Phạm", "Lê", "Hansen", "Østergaard", "Ødegård", "Sørensen",
            "Lindqvist", "Popescu", "Țurcanu", "Gonçalves", "Okafor", "Sharma"
        };

        private Names() {}
    }
}
