package org.roster.records;

import java.time.Instant;
import java.util.Objects;

/**
 * A run about to be recorded, carried from the start by the server that starts it.
 *
 * @param startedBy    who asked for it: a user, or {@code system}
 * @param server       the server that carries it
 * @param scheduledFor the fire time of the schedule that started it, or null
 */
public record NewRun(String trigger, boolean dryRun, String policyName, String platform, String startedBy,
                     String server, Instant at, Instant scheduledFor) {

    public NewRun {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(at, "at");
    }
}
