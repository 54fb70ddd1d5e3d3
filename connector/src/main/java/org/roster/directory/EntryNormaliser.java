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

    private final PhoneNumbers phones;

    public EntryNormaliser(PhoneNumbers phones) {
        this.phones = phones;
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
        Map<PersonField, String> values = new EnumMap<>(PersonField.class);
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
                    value = phones.toE164(value);
                } catch (PhoneNumbers.InvalidPhoneNumberException e) {
                    return reject(entry, Optional.of(id),
                            field.getKey().policyName() + " \"" + value + "\" " + e.getMessage());
                }
            }
            values.put(field.getKey(), value);
        }
        return new Normalisation.Accepted(new Employee(id, entry.reference(), values));
    }

    private static Normalisation reject(DirectoryEntry entry, Optional<String> id, String reason) {
        return new Normalisation.Rejected(new Rejection(entry.reference(), id, reason));
    }

    /** Trimmed, white space folded to single spaces, composed (NFC) so "Mu\u0308ller" equals "Müller". */
    static String text(String raw) {
        String composed = Normalizer.normalize(raw, Normalizer.Form.NFC);
        return composed.strip().replaceAll("\\s+", " ");
    }
}
