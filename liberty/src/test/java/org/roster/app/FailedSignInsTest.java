package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class FailedSignInsTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private final FailedSignIns guesses = new FailedSignIns(3, Duration.ofMinutes(15), 2);

    @Test
    void aNameWaitsAfterTooManyWrongPasswordsUntilTheOldestAgesOut() {
        guesses.failed("p1", T0);
        guesses.failed("p1", T0.plusSeconds(60));
        assertThat(guesses.wait("p1", T0.plusSeconds(61))).as("two wrong passwords are allowed").isEmpty();

        guesses.failed("p1", T0.plusSeconds(120));

        assertThat(guesses.wait("p1", T0.plusSeconds(121))).hasValue(Duration.ofSeconds(15 * 60 - 121));
        assertThat(guesses.wait("p2", T0.plusSeconds(121))).as("other names are not affected").isEmpty();
        assertThat(guesses.wait("p1", T0.plus(Duration.ofMinutes(15)))).as("the first failure has aged out")
                .isEmpty();
    }

    @Test
    void theRightPasswordClearsTheFailures() {
        guesses.failed("p1", T0);
        guesses.failed("p1", T0);
        guesses.succeeded("p1");
        guesses.failed("p1", T0);

        assertThat(guesses.wait("p1", T0)).isEmpty();
    }

    @Test
    void onlyTheMostRecentlyUsedNamesAreRemembered() {
        for (String name : new String[] {"a", "b", "c"}) {
            for (int i = 0; i < 3; i++) {
                guesses.failed(name, T0);
            }
        }

        assertThat(guesses.wait("a", T0)).as("forgotten: the memory holds two names").isEmpty();
        assertThat(guesses.wait("c", T0)).isPresent();
    }
}
