package org.roster.app.people;

import java.time.Instant;
import java.util.Map;

/** One contact as delivered to a viewer: only the released fields, with where its delivery stands. */
public record ContactView(String id, Map<String, String> fields, String rule, long deliveredRun,
                          Instant deliveredAt, String state, String reason) {
}
