package org.roster.sync;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one run found wrong with the directory's data, counted by department and source: employees
 * whose mobile number others have too, entries rejected for an invalid number, employees without a
 * mobile, numbers read with a guessed region, and rejected entries. It names employees by id only:
 * a shared number is listed as the ids of those who share it, never as the number.
 *
 * <pre>{@code
 * QualityReport report = store.quality(runId).orElseThrow();
 * report.total().missingMobile();          // employees without a mobile, in the whole directory
 * report.sharedNumbers().get(0).employeeIds(); // [p1, p7]
 * }</pre>
 *
 * @param runId         the run
 * @param counts        one row per department and source, in that order; the department is empty
 *                      for employees without one (and rejected entries never stored)
 * @param sharedNumbers the numbers several employees have, each as the ids of its sharers
 */
public record QualityReport(long runId, List<Count> counts, List<SharedNumber> sharedNumbers) {

    /**
     * A rejection for a phone number that is not valid, as the normaliser words it (after the name of
     * the source, when several are merged): {@code mobile "12" is not a valid number for region DE}.
     * Written so that Java and PostgreSQL read it alike.
     */
    public static final Pattern INVALID_NUMBER = Pattern.compile(
            "^(source [^:]+: )?(mobile|workPhone) \".*\" is not (a phone number|a valid number for region [A-Z]+)$");

    public QualityReport {
        counts = List.copyOf(counts);
        sharedNumbers = List.copyOf(sharedNumbers);
    }

    /**
     * The counts of one department read from one source.
     *
     * @param employees     employees in the directory as the run left it
     * @param sharedNumber  of them, those whose mobile number another employee has too
     * @param invalidNumber entries the run rejected for a phone number that is not valid
     * @param missingMobile employees without a mobile number
     * @param guessedRegion employees with a number written without its country code, read as a
     *                      number of the source's (or their location's) region
     * @param rejected      entries the run rejected, for any reason
     */
    public record Count(String department, String source, long employees, long sharedNumber, long invalidNumber,
                        long missingMobile, long guessedRegion, long rejected) {
        public Count {
            Objects.requireNonNull(department, "department");
            Objects.requireNonNull(source, "source");
        }

        /** This count and another added up, under this one's department and source. */
        public Count plus(Count other) {
            return new Count(department, source, employees + other.employees, sharedNumber + other.sharedNumber,
                    invalidNumber + other.invalidNumber, missingMobile + other.missingMobile,
                    guessedRegion + other.guessedRegion, rejected + other.rejected);
        }
    }

    /**
     * A mobile number several employees have, named by them.
     *
     * @param sharers     how many employees have it
     * @param employeeIds the first of them by id ({@value #LISTED} at most)
     */
    public record SharedNumber(int sharers, List<String> employeeIds) {
        /** The ids listed of one number's sharers at most; a report stays small whatever the directory. */
        public static final int LISTED = 50;

        public SharedNumber {
            employeeIds = List.copyOf(employeeIds);
            if (sharers < 2 || employeeIds.isEmpty()) {
                throw new IllegalArgumentException("a shared number has at least two sharers, listed by id");
            }
        }

        /** A number with these sharers, listing the first {@value #LISTED} by id. */
        public static SharedNumber of(List<String> ids) {
            List<String> sorted = ids.stream().sorted().toList();
            return new SharedNumber(sorted.size(), sorted.subList(0, Math.min(LISTED, sorted.size())));
        }
    }

    /** Every department and source together. */
    public Count total() {
        return counts.stream().reduce(new Count("", "", 0, 0, 0, 0, 0, 0), Count::plus);
    }
}
