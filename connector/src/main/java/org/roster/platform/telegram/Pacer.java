package org.roster.platform.telegram;

import java.time.Duration;

/**
 * How delivery waits between requests to one Telegram account: for real in production, by moving a
 * test clock in tests, which therefore never sleep.
 *
 * <pre>{@code
 * Pacer pacer = Pacer.blocking();
 * pacer.pause(Duration.ofSeconds(2));
 * }</pre>
 */
@FunctionalInterface
public interface Pacer {

    /** Returns once the duration has passed on the clock delivery reads. */
    void pause(Duration duration);

    /** Waits on the current thread; an interrupt ends the wait early and stays set. */
    static Pacer blocking() {
        return duration -> {
            try {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
