package org.roster.source;

import java.util.List;

import org.roster.directory.DirectoryEntry;

/**
 * What testing a source found, step by step, for an admin to read: for LDAP which servers
 * answered (and how they encrypt), whether the bind and the base DN work, how many entries the
 * filter matches; for Entra ID whether the app signs in, reads users and finds its groups; and a
 * few entries as mapped. The sample is raw directory data: whoever shows it applies the policy
 * first.
 *
 * <pre>{@code
 * ConnectionReport report = source.test(3, 1_000);
 * report.steps().stream().filter(step -> !step.ok()).forEach(step -> show(step.name(), step.detail()));
 * }</pre>
 *
 * @param ok       whether the source can be read
 * @param steps    each step and what it found
 * @param matching entries the filter matches (for Entra ID, users in the tenant); -1 when not
 *                 reached or not counted
 * @param capped   whether counting stopped at the limit (there are more)
 * @param sample   a few matching entries, mapped
 */
public record ConnectionReport(boolean ok, List<Step> steps, long matching, boolean capped,
                               List<DirectoryEntry> sample) {

    public ConnectionReport {
        steps = List.copyOf(steps);
        sample = List.copyOf(sample);
    }

    /** One step: its name, whether it worked, and what it found in plain words. */
    public record Step(String name, boolean ok, String detail) {
        public static Step ok(String name, String detail) {
            return new Step(name, true, detail);
        }

        public static Step failed(String name, String detail) {
            return new Step(name, false, detail);
        }
    }
}
