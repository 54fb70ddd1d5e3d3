package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * The server is killed with SIGKILL at several points of a run, and each time restarted: the
 * finished run has delivered every planned change, none twice. The server runs the embedded
 * PostgreSQL (which outlives the kill, as it would a crash of the application server) and delivers
 * into the journal, which, like a remote platform, applies a change key once and shows every
 * delivery it received.
 */
class CrashRecoveryIT {

    private static long count(JsonObject run, String name) {
        return run.getJsonObject("counts").getJsonNumber(name).longValue();
    }

    private static JsonObject awaitRun(RosterApi api, long id, String what, Predicate<JsonObject> state) {
        JsonObject[] last = new JsonObject[1];
        await(what).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(40)).until(() -> {
            last[0] = api.get("api/runs/" + id).object();
            return state.test(last[0]);
        });
        return last[0];
    }

    @Test
    void aRunKilledWhilePlanningAndTwiceWhileDeliveringEndsWithEveryChangeDeliveredOnce() throws Exception {
        Map<String, String> settings = Map.of(
                "ROSTER_DEMO_SIZE", "400",
                "ROSTER_DEMO_LDAP_PORT", Integer.toString(LibertyProcess.freePort()),
                "ROSTER_DB_EMBEDDED_PORT", Integer.toString(LibertyProcess.freePort()),
                "ROSTER_SYNC_ON_START", "true",
                "ROSTER_DELIVERY_PLATFORM", "journal",
                // small, paced batches: delivery takes long enough to be caught in the middle
                "ROSTER_DELIVERY_BATCH_SIZE", "20",
                "ROSTER_DELIVERY_PAUSE_MILLIS", "25");
        try (LibertyProcess server = LibertyProcess.create("crash-recovery", settings)) {
            RosterApi api = server.api();

            server.start();
            awaitRun(api, 1, "run 1 plans", r -> "planning".equals(r.getString("stage")));
            server.kill();

            server.start();
            assertThat(api.get("api/runs/1").object().getString("status")).isEqualTo("FAILED");
            assertThat(api.get("api/runs/1").object().getString("error")).contains("while this run was planning")
                    .contains("nothing of it was delivered");
            long second = api.get("api/runs?limit=1").array().getJsonObject(0).getJsonNumber("id").longValue();
            JsonObject caught = awaitRun(api, second, "run " + second + " delivers",
                    r -> "delivering".equals(r.getString("stage")) && count(r, "delivered") > 0);
            server.kill();

            server.start();
            long before = count(caught, "delivered");
            awaitRun(api, second, "run " + second + " resumes delivering",
                    r -> "RUNNING".equals(r.getString("status")) && count(r, "delivered") > before + 200);
            server.kill();

            // the last start only finishes the run: it delivers the rest in the usual batches, unpaced
            server.set("ROSTER_DELIVERY_BATCH_SIZE", "200");
            server.set("ROSTER_DELIVERY_PAUSE_MILLIS", "0");
            server.start();
            JsonObject done = awaitRun(api, second, "run " + second + " ends",
                    r -> !Set.of("QUEUED", "RUNNING").contains(r.getString("status")));

            assertThat(done.getString("status")).as("%s", done).isEqualTo("COMPLETED");
            long planned = count(done, "added");
            assertThat(planned).as("a first sync of 400 people plans thousands of contacts").isGreaterThan(1000);
            assertThat(count(done, "delivered")).isEqualTo(planned);
            assertThat(count(done, "failed")).isZero();

            // the platform's view: every planned change arrived exactly once
            List<String> journal = Files.readAllLines(server.dir().resolve("deliveries.jsonl"), StandardCharsets.UTF_8);
            Set<String> keys = new HashSet<>();
            Set<String> contacts = new HashSet<>();
            for (String line : journal) {
                JsonObject change = Json.createReader(new StringReader(line)).readObject();
                assertThat(keys.add(change.getString("key"))).as("applied once: %s", line).isTrue();
                assertThat(contacts.add(change.getString("viewer") + "->" + change.getString("contact")))
                        .as("one add per contact: %s", line).isTrue();
            }
            assertThat(journal).hasSize((int) planned);

            // nothing lost: a dry run from the same directory finds nothing left to do
            RosterApi.Reply dry = api.post("api/runs", "{\"dryRun\": true}");
            JsonObject check = api.awaitEnd(dry.object().getJsonNumber("id").longValue());
            assertThat(count(check, "added") + count(check, "updated") + count(check, "removed")).isZero();

            List<String> trail = api.as("auditor").get("api/audit?run=" + second).array()
                    .getValuesAs(JsonObject.class).stream().map(r -> r.getString("action")).toList();
            assertThat(trail).contains("run.resumed", "run.finished");
        }
    }
}
