package org.roster.directory;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of normalising one {@link DirectoryEntry}: an {@link Employee} or a {@link Rejection}.
 *
 * <pre>{@code
 * if (normaliser.normalise(entry) instanceof Normalisation.Accepted accepted) {
 *     store(accepted.employee());
 *     accepted.notes().forEach(note -> audit(accepted.employee().id(), note));
 * }
 * }</pre>
 */
public sealed interface Normalisation {

    /**
     * The entry is usable.
     *
     * @param employee the normalised employee
     * @param notes    choices the normaliser made that an admin may want to know of, such as
     *                 {@code mobile has 2 values; the first valid one is used}; they never quote a
     *                 value from the entry, so they may go to the audit trail as they are
     * @param regionGuessed whether a phone number was written without a country code and read as a
     *                 number of the default region (or the location's): the data-quality report
     *                 counts these, since the guess may be wrong
     */
    record Accepted(Employee employee, List<String> notes, boolean regionGuessed) implements Normalisation {

        public Accepted {
            Objects.requireNonNull(employee, "employee");
            notes = List.copyOf(notes);
        }

        /** An entry accepted with these notes, every number read with its own country code. */
        public Accepted(Employee employee, List<String> notes) {
            this(employee, notes, false);
        }

        /** An entry accepted as it was, with nothing to note. */
        public Accepted(Employee employee) {
            this(employee, List.of());
        }
    }

    /** The entry is not usable; the rejection says why. */
    record Rejected(Rejection rejection) implements Normalisation {
    }
}
