package org.roster.sync;

import java.util.Locale;
import java.util.Optional;

import org.roster.directory.Employee;
import org.roster.policy.PersonField;

/**
 * What entries from several sources are merged by: their identity ({@code id}, the default: the
 * sources share identities, as replicas of one directory do) or a field such as {@code mail}.
 * Keys are compared without regard to case, as mail addresses and most directory values are.
 *
 * <pre>{@code
 * MergeKey byMail = MergeKey.parse("mail");
 * byMail.of(employee); // Optional["ana.lima@example.org"], empty when the entry has no mail
 * }</pre>
 */
public final class MergeKey {

    /** Entries are one employee when their identities are equal. */
    public static final MergeKey ID = new MergeKey(null);

    private final PersonField field;

    private MergeKey(PersonField field) {
        this.field = field;
    }

    /**
     * {@code id}, or the name of a field a person is known by.
     *
     * @throws IllegalArgumentException naming the fields that can be used
     */
    public static MergeKey parse(String text) {
        String name = text == null ? "" : text.strip();
        if (name.isEmpty() || name.equals("id")) {
            return ID;
        }
        PersonField field = PersonField.byName(name).filter(f -> f != PersonField.OPT_OUT && f != PersonField.CONSENT
                && f != PersonField.ACCOUNT_DISABLED).orElseThrow(() -> new IllegalArgumentException("entries can be "
                + "merged by id, mail, mobile, workPhone or another field naming one person, not \"" + name + "\""));
        return new MergeKey(field);
    }

    /** The employee's key, empty when the field is missing. */
    public Optional<String> of(Employee employee) {
        if (field == null) {
            return Optional.of(employee.id());
        }
        return employee.value(field).map(v -> v.strip().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty());
    }

    /** The field entries are merged by, empty when by identity. */
    public Optional<PersonField> field() {
        return Optional.ofNullable(field);
    }

    /** Whether entries are merged by their identity. */
    public boolean byId() {
        return field == null;
    }

    /** The field's policy name, or {@code id}. */
    public String name() {
        return field == null ? "id" : field.policyName();
    }

    @Override
    public String toString() {
        return "MergeKey[" + name() + "]";
    }
}
