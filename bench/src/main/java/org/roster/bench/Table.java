package org.roster.bench;

import java.util.List;
import java.util.Map;

/** The report's figures as a Markdown table, for the console and the README. */
final class Table {

    private Table() {
    }

    static String of(List<Map<String, Object>> sizes) {
        StringBuilder out = new StringBuilder();
        out.append("| employees | bare read | first full sync | steady-state full sync | incremental, 100 changes "
                + "| Keycloak LDAP sync, on PostgreSQL | Keycloak LDAP sync, on its H2 file | peak heap (full sync) |\n");
        out.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Map<String, Object> row : sizes) {
            Map<?, ?> full = (Map<?, ?>) row.get("firstFullSync");
            Map<?, ?> steady = (Map<?, ?>) row.get("steadyStateFullSync");
            Map<?, ?> incremental = (Map<?, ?>) row.get("incrementalSync");
            out.append(String.format("| %,d%s | %s s (%,d/s) | %s s (%,d/s) | %s | %s | %s | %s | %s MiB |%n",
                    ((Number) row.get("employees")).intValue(),
                    Boolean.TRUE.equals(row.get("planned")) ? " (planned)" : "",
                    row.get("bareReadSeconds"),
                    ((Number) row.get("employees")).longValue() * 1000 / Math.max(1,
                            Math.round((Double) row.get("bareReadSeconds") * 1000)),
                    full.get("seconds"), ((Number) full.get("entriesPerSecond")).longValue(),
                    steady == null ? "—" : String.format("%s s (%.2f× bare)", steady.get("seconds"),
                            (Double) row.get("ratioSteadyStateToBareRead")),
                    incremental == null ? "—" : String.format("%s s (%.1f %% of steady)", incremental.get("seconds"),
                            100 * (Double) row.get("ratioIncrementalToSteadyState")),
                    keycloak(row, "keycloakPostgresql", "ratioKeycloakPostgresqlToRosterFirstFullSync"),
                    keycloak(row, "keycloak", "ratioKeycloakToRosterFirstFullSync"),
                    full.get("peakHeapMiB")));
        }
        for (Map<String, Object> row : sizes) {
            if (row.get("planningEveryViewer") instanceof Map<?, ?> planning) {
                Map<?, ?> first = (Map<?, ?>) planning.get("firstRun");
                Map<?, ?> stages = (Map<?, ?>) first.get("stageSeconds");
                Map<?, ?> again = (Map<?, ?>) planning.get("runAgain");
                out.append(String.format("%n| %,d employees, every viewer planned | viewers | contacts | planning "
                                + "| delivering (delivered-state rows/s) | peak heap | the same run again |%n"
                                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: |%n"
                                + "| first run | %,d | %,d (%s per viewer) | %s s (%,d viewers/s) | %s s (%,d/s) "
                                + "| %s MiB | %s s |%n",
                        ((Number) row.get("employees")).intValue(), ((Number) planning.get("viewers")).longValue(),
                        ((Number) planning.get("contactsPlanned")).longValue(), planning.get("contactsPerViewer"),
                        stages.get("planning"), number(planning.get("viewersPlannedPerSecond")),
                        stages.get("delivering"), number(first.get("deliveredStateRowsPerSecond")), first.get("peakHeapMiB"), again.get("seconds")));
            }
        }
        return out.toString();
    }

    /** Keycloak's time and its ratio to Roster's first full sync, or why there is none. */
    private static String keycloak(Map<String, Object> row, String key, String ratio) {
        return !(row.get(key) instanceof Map<?, ?> keycloak) ? "—" : keycloak.get("seconds") instanceof Double s
                ? String.format("%s s (%.1f× Roster)", s, (Double) row.get(ratio))
                : String.valueOf(keycloak.get("error"));
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
