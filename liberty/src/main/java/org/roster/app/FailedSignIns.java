package org.roster.app;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing: after {@code limit} wrong passwords for one name within
 * {@code window}, that name is refused without a check until the oldest of those failures has aged
 * out of the window (the check itself, PBKDF2, is also what a flood of guesses would burn). A
 * right password clears the name's failures. Held in memory, for at most {@code names} names
 * (the longest-idle forgotten first), so a flood of made-up names can't grow it without bound.
 */
final class FailedSignIns {

    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures;

    FailedSignIns(int limit, Duration window, int names) {
        if (limit < 1 || window.isNegative() || window.isZero() || names < 1) {
            throw new IllegalArgumentException("limit, window and names must be positive");
        }
        this.limit = limit;
        this.window = window;
        this.failures = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
                return size() > names;
            }
        };
    }

    /** How long this name must wait before a password is checked again; empty if it may try now. */
    synchronized Optional<Duration> wait(String name, Instant now) {
        Deque<Instant> recent = recent(name, now);
        if (recent == null || recent.size() < limit) {
            return Optional.empty();
        }
        Duration left = Duration.between(now, recent.peekFirst().plus(window));
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }

    synchronized void failed(String name, Instant now) {
        Deque<Instant> recent = recent(name, now);
        if (recent == null) {
            recent = new ArrayDeque<>();
            failures.put(name, recent);
        }
        recent.addLast(now);
        while (recent.size() > limit) {
            recent.removeFirst();
        }
    }

    synchronized void succeeded(String name) {
        failures.remove(name);
    }

    private Deque<Instant> recent(String name, Instant now) {
        Deque<Instant> recent = failures.get(name);
        if (recent != null) {
            while (!recent.isEmpty() && !recent.peekFirst().plus(window).isAfter(now)) {
                recent.removeFirst();
            }
            if (recent.isEmpty()) {
                failures.remove(name);
                return null;
            }
        }
        return recent;
    }
}
