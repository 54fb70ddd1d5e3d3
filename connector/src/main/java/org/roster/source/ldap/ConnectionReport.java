package org.roster.source.ldap;

import java.util.List;

import org.roster.directory.DirectoryEntry;

/**
 * What testing a source found, step by step, for an admin to read: which servers answered (and
 * how they encrypt), whether the bind and the base DN work, how many entries the filter matches,
 * and a few entries as mapped. The sample is raw directory data: whoever shows it applies the
 * policy first.
 *
 * @param ok       whether the source can be read
 * @param steps    each step and what it found
 * @param matching entries the filter matches; -1 when the search was not reached
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
        static Step ok(String name, String detail) {
            return new Step(name, true, detail);
        }

        static Step failed(String name, String detail) {
            return new Step(name, false, detail);
        }
    }
}
