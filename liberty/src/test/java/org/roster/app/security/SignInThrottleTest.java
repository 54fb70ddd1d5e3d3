package org.roster.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final String ATTACKER = "203.0.113.7";
    private static final String PHONE = "198.51.100.20";

    /** 6 from an address, 3 for one name from one address, 4 for a name from anywhere, in 15 minutes. */
    private final SignInThrottle guesses = new SignInThrottle(new SignInThrottle.Limits(6, 3, 4, WINDOW, 100));

    private void fail(String address, String name, int times) {
        for (int i = 0; i < times; i++) {
            guesses.failed(address, name, T0);
        }
    }

    @Test
    void anAddressWaitsAfterTooManyWrongPasswordsForOneName() {
        fail(ATTACKER, "p1", 2);
        assertThat(guesses.wait(ATTACKER, "p1", T0)).as("two wrong passwords are allowed").isEmpty();

        fail(ATTACKER, "p1", 1);

        assertThat(guesses.wait(ATTACKER, "p1", T0)).as("then one more fits after a third of the window")
                .hasValue(Duration.ofMinutes(5));
        assertThat(guesses.wait(ATTACKER, "p1", T0.plus(Duration.ofMinutes(5)))).isEmpty();
    }

    @Test
    void guessingAnEmployeesNameFromElsewhereNeverStopsTheirPhone() {
        fail(ATTACKER, "p1", 3);
        fail("203.0.113.8", "p1", 3);
        fail("203.0.113.9", "p1", 3);

        assertThat(guesses.wait(ATTACKER, "p1", T0)).isPresent();
        assertThat(guesses.wait(PHONE, "p1", T0)).as("the phone's address got nothing wrong").isEmpty();
        guesses.succeeded(PHONE, "p1");
        assertThat(guesses.wait(PHONE, "p1", T0.plusSeconds(1))).isEmpty();
    }

    @Test
    void whileANameIsUnderAttackAnAddressThatGotItWrongWaitsUntilItsFailuresHaveDrained() {
        fail(ATTACKER, "p1", 2);
        fail("203.0.113.8", "p1", 2);
        fail(PHONE, "p1", 1);

        assertThat(guesses.wait(PHONE, "p1", T0)).as("one mistyped password, under attack")
                .hasValue(Duration.ofMinutes(5));
        assertThat(guesses.wait("198.51.100.21", "p1", T0)).as("a clean address still tries").isEmpty();
        assertThat(guesses.wait(PHONE, "p1", T0.plus(Duration.ofMinutes(5)))).isEmpty();
    }

    @Test
    void anAddressGuessingAcrossNamesWaitsForEveryName() {
        for (int i = 0; i < 6; i++) {
            fail(ATTACKER, "name-" + i, 1);
        }

        assertThat(guesses.wait(ATTACKER, "someone-else", T0)).isPresent();
        assertThat(guesses.wait(PHONE, "someone-else", T0)).isEmpty();
    }

    @Test
    void theRightPasswordClearsThatAddresssFailuresForTheNameOnly() {
        fail(PHONE, "p1", 3);
        fail(PHONE, "p2", 2);
        guesses.succeeded(PHONE, "p1");

        assertThat(guesses.wait(PHONE, "p1", T0)).isEmpty();
        fail(PHONE, "p2", 1);
        assertThat(guesses.wait(PHONE, "p2", T0)).as("failures for another name stay").isPresent();
    }

    @Test
    void failuresWhileWaitingDoNotLengthenTheWait() {
        SignInThrottle patient = new SignInThrottle(new SignInThrottle.Limits(100, 3, 100, WINDOW, 100));
        for (int i = 0; i < 50; i++) {
            patient.failed(ATTACKER, "p1", T0);
        }

        assertThat(patient.wait(ATTACKER, "p1", T0)).hasValue(Duration.ofMinutes(5));
    }

    @Test
    void onlyTheMostRecentlyUsedKeysAreRemembered() {
        SignInThrottle small = new SignInThrottle(new SignInThrottle.Limits(100, 1, 100, WINDOW, 2));
        for (String name : new String[] {"a", "b", "c"}) {
            small.failed(ATTACKER, name, T0);
        }

        assertThat(small.wait(ATTACKER, "a", T0)).as("forgotten: the memory holds two").isEmpty();
        assertThat(small.wait(ATTACKER, "c", T0)).isPresent();
    }

    @Test
    void anIpv6ClientCountsByItsSlash64() {
        assertThat(SignInThrottle.addressKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(SignInThrottle.addressKey("2001:db8:1:2:bbbb::99")).isEqualTo("20010db800010002::/64");
        assertThat(SignInThrottle.addressKey("2001:db8:1:3::1")).isNotEqualTo(SignInThrottle.addressKey("2001:db8:1:2::1"));
        assertThat(SignInThrottle.addressKey("127.0.0.2")).isEqualTo("127.0.0.2");
        assertThat(SignInThrottle.addressKey("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
    }
}
