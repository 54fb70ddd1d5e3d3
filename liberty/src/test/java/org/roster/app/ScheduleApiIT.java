package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A directory admin sets when the directory is synced; a bad schedule is refused saying what is wrong. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScheduleApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL base;

    @Test
    void anAdminSchedulesNightlySyncsAndABadScheduleIsRefused() {
        RosterApi admin = new RosterApi(URI.create(base.toString()).resolve("/"));

        RosterApi.Reply wordy = admin.put("api/schedules/directory", "application/json", "{\"interval\": \"every hour\"}");
        assertThat(wordy.status()).isEqualTo(400);
        assertThat(wordy.object().getString("detail")).contains("\"every hour\" is not an ISO-8601 duration");
        RosterApi.Reply both = admin.put("api/schedules/directory", "application/json",
                "{\"interval\": \"PT1H\", \"cron\": \"0 * * * *\"}");
        assertThat(both.object().getString("detail")).startsWith("Give exactly one of interval");
        RosterApi.Reply badZone = admin.put("api/schedules/directory", "application/json",
                "{\"cron\": \"30 2 * * 1-5\", \"zone\": \"Mars/Olympus\"}");
        assertThat(badZone.object().getString("detail")).contains("\"Mars/Olympus\" is not a time zone");
        assertThat(admin.as("compliance").put("api/schedules/directory", "application/json",
                "{\"interval\": \"PT6H\"}").status()).isEqualTo(403);

        RosterApi.Reply nightly = admin.put("api/schedules/directory", "application/json",
                "{\"cron\": \"30 2 * * 1-5\", \"zone\": \"Europe/Berlin\"}");
        assertThat(nightly.status()).as(nightly.body()).isEqualTo(200);
        JsonObject schedule = admin.as("auditor").get("api/schedules/directory").object();
        assertThat(schedule.getString("kind")).isEqualTo("cron");
        assertThat(schedule.getString("expression")).isEqualTo("30 2 * * 1-5");
        assertThat(schedule.getBoolean("enabled")).isTrue();
        assertThat(Instant.parse(schedule.getString("nextFireAt"))).isAfter(Instant.now());
        assertThat(schedule.getString("updatedBy")).isEqualTo("admin");

        JsonObject off = admin.send("DELETE", "api/schedules/directory").object();
        assertThat(off.getBoolean("enabled")).isFalse();
        assertThat(off.getOrDefault("nextFireAt", JsonValue.NULL)).as("no next fire time")
                .isEqualTo(JsonValue.NULL);

        List<String> trail = admin.as("auditor").get("api/audit?subject=source:directory").array()
                .getValuesAs(JsonObject.class).stream().map(r -> r.getString("action") + " by " + r.getString("actor"))
                .toList();
        assertThat(trail).contains("schedule.changed by admin", "schedule.disabled by admin");
    }
}
