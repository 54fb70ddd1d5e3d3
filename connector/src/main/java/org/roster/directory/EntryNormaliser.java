package org.roster.directory;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.roster.policy.PersonField;

/**
 * Checks and cleans a {@link DirectoryEntry}: one identity, names trimmed with white space folded
 * and in Unicode NFC, phone numbers in E.164. An entry that can't be cleaned is rejected with a
 * reason that names the attribute; nothing is dropped silently.
 *
 * <ul>
 * <li>An entry that its source could not read cleanly (it carries {@link DirectoryEntry#problems()})
 *     is rejected with those problems.</li>
 * <li>A control character other than tab, line feed or carriage return (NUL, for one) in any value
 *     rejects the entry, naming the field.</li>
 * <li>A value may be 1024 bytes in UTF-8 as read and 256 characters once cleaned; a longer one is
 *     not used.</li>
 * <li>Of several values in a field (two {@code mobile}s are common in Active Directory) the first
 *     usable one is taken, for a phone the first valid number, and the accepted entry carries a
 *     note saying so; when none is usable the entry is rejected with the first value's reason.</li>
 * </ul>
 *
 * <pre>{@code
 * EntryNormaliser normaliser = new EntryNormaliser(PhoneNumbers.forRegion("DE"));
 * Normalisation result = normaliser.normalise(entry);
 * }</pre>
 */
public final class EntryNormaliser {

    private static final Set<PersonField> PHONES = EnumSet.of(PersonField.MOBILE, PersonField.WORK_PHONE);
    private static final int MAX_VALUE_LENGTH = 256;
    /**
     * A value as the directory holds it may be this large: four bytes (UTF-8's most) for each of the
     * {@value #MAX_VALUE_LENGTH} characters allowed, so no name or number that fits is turned away,
     * but a blob pasted into an attribute is, before any cleaning runs over it.
     */
    private static final int MAX_VALUE_BYTES = 1024;
    private static final int MAX_REFERENCE_LENGTH = 1024;
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

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
        Map<String, PhoneNumbers> regions = new HashMap<>();
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

    /**
     * What this normaliser's results depend on besides the entry, in words: the default region and
     * the regions by location, e.g. {@code DE; Wien=AT, Zürich=CH}. Two normalisers with equal
     * settings clean every entry alike.
     */
    public String settings() {
        return phones.defaultRegion() + "; " + new TreeMap<>(phonesByLocation).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().defaultRegion())
                .collect(Collectors.joining(", "));
    }

    public Normalisation normalise(DirectoryEntry entry) {
        List<String> ids = entry.ids().stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (!entry.problems().isEmpty()) {
            // the problems name fields and attributes but quote no value: reason and withheld are one
            Optional<String> usable = ids.size() == 1 && ids.get(0).length() <= MAX_VALUE_LENGTH
                    && malformed("", ids.get(0)).isEmpty() ? Optional.of(ids.get(0)) : Optional.empty();
            return reject(entry, usable, String.join("; ", entry.problems()));
        }
        if (ids.isEmpty()) {
            return reject(entry, Optional.empty(), "has no identity attribute value");
        }
        if (ids.size() > 1) {
            return reject(entry, Optional.empty(), "has " + ids.size() + " identity values; exactly one is needed");
        }
        String id = ids.get(0);
        Optional<Fault> badId = malformed("its identity value", id);
        if (badId.isPresent()) {
            return reject(entry, Optional.empty(), badId.get());
        }
        if (id.length() > MAX_VALUE_LENGTH) {
            return reject(entry, Optional.empty(), "its identity value is longer than " + MAX_VALUE_LENGTH + " characters");
        }
        if (entry.reference().length() > MAX_REFERENCE_LENGTH) {
            return reject(entry, Optional.of(id), "its name in the directory is longer than " + MAX_REFERENCE_LENGTH
                    + " characters");
        }
        Map<PersonField, String> values = new EnumMap<>(PersonField.class);
        List<String> notes = new ArrayList<>(0);
        boolean regionGuessed = false;
        PhoneNumbers numbers = entry.valuesOf(PersonField.LOCATION).stream().map(EntryNormaliser::text)
                .filter(phonesByLocation::containsKey).findFirst().map(phonesByLocation::get).orElse(phones);
        // in the enum's order, so that of several faults the same one is reported on every run
        for (PersonField field : PersonField.values()) {
            List<String> raw = entry.valuesOf(field);
            String name = field.policyName();
            // a control character or broken text is damage, not a choice between values: any value rejects
            for (String value : raw) {
                Optional<Fault> fault = malformed(name, value);
                if (fault.isPresent()) {
                    return reject(entry, Optional.of(id), fault.get());
                }
            }
            Optional<Fault> firstFault = Optional.empty();
            Optional<String> chosen = Optional.empty();
            for (String value : raw) {
                Outcome outcome = clean(field, value, numbers);
                if (outcome instanceof Outcome.Clean clean) {
                    chosen = Optional.of(clean.value());
                    regionGuessed |= clean.regionGuessed();
                    break;
                }
                if (outcome instanceof Outcome.Invalid invalid && firstFault.isEmpty()) {
                    firstFault = Optional.of(invalid.fault());
                }
            }
            if (chosen.isEmpty()) {
                if (firstFault.isPresent()) {
                    return reject(entry, Optional.of(id), firstFault.get());
                }
                continue;
            }
            values.put(field, chosen.get());
            long distinct = raw.size() < 2 ? raw.size()
                    : raw.stream().map(EntryNormaliser::text).filter(s -> !s.isEmpty()).distinct().count();
            if (distinct > 1) {
                notes.add(name + " has " + distinct + " values; the first valid one is used");
            }
        }
        List<String> groups = entry.groups().stream().map(String::strip).filter(g -> !g.isEmpty()).distinct().toList();
        return new Normalisation.Accepted(new Employee(id, entry.reference(), values, Set.copyOf(groups)),
                notes, regionGuessed);
    }

    /** What checking one value of a field came to. */
    private sealed interface Outcome {
        /** The value is usable as it now is; a phone number's region may have been guessed. */
        record Clean(String value, boolean regionGuessed) implements Outcome {
            Clean(String value) {
                this(value, false);
            }
        }

        /** Nothing is left after trimming: the field is simply absent. */
        record Empty() implements Outcome {
        }

        /** The value can't be used, and why. */
        record Invalid(Fault fault) implements Outcome {
        }
    }

    /** Why a value can't be used: for the admin (may quote the value) and for the trail (never does). */
    private record Fault(String reason, String withheld) {
        Fault(String reason) {
            this(reason, reason);
        }
    }

    /**
     * One value checked and cleaned. Its size in UTF-8 bytes is measured as the directory holds it,
     * so that no cleaning runs over a blob pasted into a name; its length in characters once it is
     * cleaned, since that is what is stored.
     */
    private static Outcome clean(PersonField field, String raw, PhoneNumbers numbers) {
        String name = field.policyName();
        // UTF-8 takes at most three bytes per UTF-16 unit: only a long value needs encoding to be measured
        if (raw.length() * 3 > MAX_VALUE_BYTES && raw.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
            return new Outcome.Invalid(new Fault(name + " is larger than " + MAX_VALUE_BYTES + " bytes"));
        }
        String value = text(raw);
        if (value.isEmpty()) {
            return new Outcome.Empty();
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            return new Outcome.Invalid(new Fault(name + " is longer than " + MAX_VALUE_LENGTH + " characters"));
        }
        if (PHONES.contains(field)) {
            try {
                PhoneNumbers.Reading number = numbers.read(value);
                return new Outcome.Clean(number.e164(), number.regionGuessed());
            } catch (PhoneNumbers.InvalidPhoneNumberException e) {
                return new Outcome.Invalid(new Fault(name + " \"" + value + "\" " + e.getMessage(),
                        name + " " + e.getMessage()));
            }
        }
        return new Outcome.Clean(value);
    }

    /**
     * Whether the text holds something no directory value should: a control character (C0, DEL or
     * C1) other than tab, line feed and carriage return, which white space folding takes care of;
     * or half of a surrogate pair, which no UTF-8 can encode. The reason names the character's code
     * point, the withheld text not even that.
     */
    private static Optional<Fault> malformed(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= ' ' && c < 0x7f) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(new Fault(name + " is not valid UTF-8 (it holds half of a surrogate pair)"));
            } else if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of(new Fault(String.format("%s contains a control character (U+%04X)", name, (int) c),
                        name + " contains a control character"));
            }
        }
        return Optional.empty();
    }

    private static Normalisation reject(DirectoryEntry entry, Optional<String> id, String reason) {
        return new Normalisation.Rejected(new Rejection(entry.reference(), id, reason));
    }

    private static Normalisation reject(DirectoryEntry entry, Optional<String> id, Fault fault) {
        return new Normalisation.Rejected(new Rejection(entry.reference(), id, fault.reason(), fault.withheld()));
    }

    /**
     * Composed (NFC) so "Mu\u0308ller" equals "Müller"; every kind of white space, the no-break
     * space included, folded to one space and trimmed.
     */
    static String text(String raw) {
        return asIs(raw) ? raw : folded(raw);
    }

    /** {@link #text} the long way: composed, then white space folded by the pattern, then trimmed. */
    static String folded(String raw) {
        String composed = Normalizer.normalize(raw, Normalizer.Form.NFC);
        return SPACES.matcher(composed).replaceAll(" ").strip();
    }

    /**
     * Whether {@link #text} would return the value unchanged, decided without composing or
     * matching: no character from U+0300 on (below it nothing composes in NFC, and the only white
     * space besides the space and the ASCII controls is the no-break space), no control or no-break
     * space, no space at either end and none next to another. Most names and numbers are so.
     */
    static boolean asIs(String raw) {
        int n = raw.length();
        if (n > 0 && (raw.charAt(0) == ' ' || raw.charAt(n - 1) == ' ')) {
            return false;
        }
        char previous = 0;
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (c >= 0x300 || c < ' ' || (c >= 0x7f && c <= 0xa0) || (c == ' ' && previous == ' ')) {
                return false;
            }
            previous = c;
        }
        return true;
    }
}
