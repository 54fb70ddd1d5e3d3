package org.roster.directory;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.roster.policy.PersonField;

/**
 * Checks and cleans a {@link DirectoryEntry}: one identity, names trimmed with white space folded
 * and in Unicode NFC, phone numbers in E.164. An entry that can't be cleaned is rejected with a
 * reason that names the attribute; nothing is dropped silently.
 *
 * <pre>{@code
 * EntryNormaliser normaliser = new EntryNormaliser(PhoneNumbers.forRegion("DE"));
 * Normalisation result = normaliser.normalise(entry);
 * }</pre>
 */
public final class EntryNormaliser {

    private static final Set<PersonField> PHONES = EnumSet.of(PersonField.MOBILE, PersonField.WORK_PHONE);
    private static final int MAX_VALUE_LENGTH = 256;
    private static final int MAX_REFERENCE_LENGTH = 1024;
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("[\\s\\p{Z}]+");

    private final PhoneNumbers phones;
    private final Map<String, PhoneNumbers> phonesByLocation;

    /** Numbers without a country code are read as numbers of the source's default region. */
    public EntryNormaliser(PhoneNumbers phones) {
        this(phones, Map.of());
    }

    /**
     * Numbers without a country code are read as numbers of the employee's location's region when
     * the location is listed (a Vienna office's "0664 …" is Austrian), else of the default region.
     *
     * @param phonesByLocation region by location value, e.g. {@code Wien → AT}
     */
    public EntryNormaliser(PhoneNumbers phones, Map<String, PhoneNumbers> phonesByLocation) {
        this.phones = phones;
        this.phonesByLocation = Map.copyOf(phonesByLocation);
    }

    /** Parses {@code Location=REGION} pairs, e.g. {@code Wien=AT,Zürich=CH}, naming a bad pair. */
    public static Map<String, PhoneNumbers> regionsByLocation(String pairs) {
        Map<String, PhoneNumbers> regions = new java.util.HashMap<>();
        for (String pair : pairs.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalArgumentException("region by location \"" + pair.strip()
                        + "\" is not of the form Location=REGION");
            }
            regions.put(text(parts[0]), PhoneNumbers.forRegion(parts[1]));
        }
        return regions;
    }

    public Normalisation normalise(DirectoryEntry entry) {
        List<String> ids = entry.ids().stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (ids.isEmpty()) {
            return reject(entry, Optional.empty(), "has no identity attribute value");
        }
        if (ids.size() > 1) {
            return reject(entry, Optional.empty(), "has " + ids.size() + " identity values; exactly one is needed");
        }
        String id = ids.get(0);
        if (id.length() > MAX_VALUE_LENGTH) {
            return reject(entry, Optional.empty(), "its identity value is longer than " + MAX_VALUE_LENGTH + " characters");
        }
        if (entry.reference().length() > MAX_REFERENCE_LENGTH) {
            return reject(entry, Optional.of(id), "its name in the directory is longer than " + MAX_REFERENCE_LENGTH
                    + " characters");
        }
        Map<PersonField, String> values = new EnumMap<>(PersonField.class);
        PhoneNumbers numbers = entry.valuesOf(PersonField.LOCATION).stream().map(EntryNormaliser::text)
                .filter(phonesByLocation::containsKey).findFirst().map(phonesByLocation::get).orElse(phones);
        for (Map.Entry<PersonField, List<String>> field : entry.values().entrySet()) {
            Optional<String> first = field.getValue().stream().map(EntryNormaliser::text)
                    .filter(s -> !s.isEmpty()).findFirst();
            if (first.isEmpty()) {
                continue;
            }
            String value = first.get();
            if (value.length() > MAX_VALUE_LENGTH) {
                return reject(entry, Optional.of(id), field.getKey().policyName() + " is longer than "
                        + MAX_VALUE_LENGTH + " characters");
            }
            if (PHONES.contains(field.getKey())) {
                try {
                    value = numbers.toE164(value);
                } catch (PhoneNumbers.InvalidPhoneNumberException e) {
                    String name = field.getKey().policyName();
                    return new Normalisation.Rejected(new Rejection(entry.reference(), Optional.of(id),
                            name + " \"" + value + "\" " + e.getMessage(), name + " " + e.getMessage()));
                }
            }
            values.put(field.getKey(), value);
        }
        List<String> groups = entry.groups().stream().map(String::strip).filter(g -> !g.isEmpty()).distinct().toList();
        return new Normalisation.Accepted(new Employee(id, entry.reference(), values, java.util.Set.copyOf(groups)));
    }

    private static Normalisation reject(DirectoryEntry entry, Optional<String> id, String reason) {
        return new Normalisation.Rejected(new Rejection(entry.reference(), id, reason));
    }

    /**
     * Composed (NFC) so "Mu\u0308ller" equals "Müller"; every kind of white space, the no-break
     * space included, folded to one space and trimmed.
     */
    static String text(String raw) {
        String composed = Normalizer.normalize(raw, Normalizer.Form.NFC);
        return SPACES.matcher(composed).replaceAll(" ").strip();
    }
}
