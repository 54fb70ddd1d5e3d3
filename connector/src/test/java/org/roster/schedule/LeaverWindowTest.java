package org.roster.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LeaverWindowTest {

    private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");
    private final LeaverWindow fourHours = new LeaverWindow(Duration.ofHours(4));

    @Test
    void aRunIsDueWhenAnotherAsLongAsTheLastWouldEndPastTheWindow() {
        Duration tookTwentyMinutes = Duration.ofMinutes(20);

        assertThat(fourHours.runDue(Optional.of(NINE), tookTwentyMinutes, Instant.parse("2026-03-02T12:39:59Z")))
                .isFalse();
        assertThat(fourHours.runDue(Optional.of(NINE), tookTwentyMinutes, Instant.parse("2026-03-02T12:40:00Z")))
                .isTrue();
    }

    @Test
    void withNoCompleteRunYetOneIsDueAtOnce() {
        assertThat(fourHours.runDue(Optional.empty(), Duration.ZERO, NINE)).isTrue();
    }

    @Test
    void aRunLongerThanTheWindowMakesEveryMomentDue() {
        assertThat(fourHours.runDue(Optional.of(NINE), Duration.ofHours(5), NINE)).isTrue();
    }

    @Test
    void aPolicyWithoutAWindowLeavesItToTheSchedule() {
        assertThat(new LeaverWindow(Duration.ZERO).runDue(Optional.empty(), Duration.ZERO, NINE)).isFalse();
    }
}
