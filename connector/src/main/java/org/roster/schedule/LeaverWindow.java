package org.roster.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The policy's promise that a leaver disappears from every phone within a window (its
 * {@code retention.leaverRemoval}) holds only if a complete run finishes within that window of
 * anyone leaving. Whatever the schedule says, a run is due once the last complete run started so
 * long ago that another one, taking as long, would end past the window.
 *
 * <pre>{@code
 * LeaverWindow window = new LeaverWindow(Duration.ofHours(4));
 * window.runDue(lastStart, lastDuration, now);   // true from lastStart + 4h - lastDuration
 * }</pre>
 *
 * @param window the policy's leaver removal window; zero means "at the next run", which promises nothing
 */
public record LeaverWindow(Duration window) {

    public LeaverWindow {
        Objects.requireNonNull(window, "window");
    }

    /**
     * Whether a run must start now to keep the promise.
     *
     * @param lastStart    when the last complete run started; empty if none has ever completed
     * @param lastDuration how long it took
     */
    public boolean runDue(Optional<Instant> lastStart, Duration lastDuration, Instant now) {
        if (window.isZero() || window.isNegative()) {
            return false;
        }
        if (lastStart.isEmpty()) {
            return true;
        }
        Duration margin = lastDuration.compareTo(window) >= 0 ? window : lastDuration;
        return !now.isBefore(lastStart.get().plus(window).minus(margin));
    }
}
