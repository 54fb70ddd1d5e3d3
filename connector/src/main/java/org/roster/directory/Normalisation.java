package org.roster.directory;

/**
 * The outcome of normalising one {@link DirectoryEntry}: an {@link Employee} or a {@link Rejection}.
 *
 * <pre>{@code
 * if (normaliser.normalise(entry) instanceof Normalisation.Accepted accepted) {
 *     store(accepted.employee());
 * }
 * }</pre>
 */
public sealed interface Normalisation {

    /** The entry is usable. */
    record Accepted(Employee employee) implements Normalisation {
    }

    /** The entry is not usable; the rejection says why. */
    record Rejected(Rejection rejection) implements Normalisation {
    }
}
