package org.roster.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void anIntervalFiresInStepWithItsFirstFireTime() {
        Schedule hourly = Schedule.interval("PT1H");

        assertThat(hourly.next(NINE, NINE.plusSeconds(5))).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(hourly.expression()).isEqualTo("PT1H");
    }

    @Test
    void fireTimesMissedWhileEveryServerWasDownAreSkippedNotCaughtUp() {
        Schedule hourly = Schedule.interval("PT1H");

        Instant afterOutage = Instant.parse("2026-03-02T13:20:00Z");
        assertThat(hourly.next(NINE, afterOutage)).isEqualTo(Instant.parse("2026-03-02T14:00:00Z"));
        assertThat(hourly.next(NINE, Instant.parse("2026-03-02T14:00:00Z")))
                .as("a fire time equal to now is past").isEqualTo(Instant.parse("2026-03-02T15:00:00Z"));
    }

    @Test
    void aCronScheduleFiresAtItsTimesInItsZone() {
        Schedule weekdaysAtHalfPastTwo = Schedule.cron("30 2 * * 1-5", ZoneId.of("Europe/Berlin"));

        // Friday 6 March 2026, 12:00 in Berlin: the next is Monday 9 March, 02:30 CET = 01:30 UTC
        Instant friday = Instant.parse("2026-03-06T11:00:00Z");
        assertThat(weekdaysAtHalfPastTwo.next(friday, friday)).isEqualTo(Instant.parse("2026-03-09T01:30:00Z"));
    }

    @Test
    void badSchedulesAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> Schedule.interval("every hour")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"every hour\" is not an ISO-8601 duration");
        assertThatThrownBy(() -> Schedule.interval("PT0.1S")).hasMessageContaining("at least PT1S");
        assertThatThrownBy(() -> Schedule.cron("61 * * * *", ZoneId.of("UTC")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"61 * * * *\" is not a cron");
        assertThatThrownBy(() -> Schedule.cron("* * *", ZoneId.of("UTC"))).hasMessageContaining("five fields");
    }
}
