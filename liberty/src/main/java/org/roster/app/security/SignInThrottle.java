package org.roster.app.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing without handing the guesser a way to lock the employee out.
 * Wrong passwords are counted per client address and per (address, name); either, once over its
 * limit, makes that address wait before a password is checked again. Per name alone nothing is
 * ever locked: someone guessing an employee's name from elsewhere must not stop that employee's
 * phone. When a name draws many wrong passwords from anywhere, each address that has got it wrong
 * waits until its own failures for it have drained, while an address with none still signs in.
 *
 * <p>Each count is a leaky bucket (a "generic cell rate" limit): {@code limit} failures at once,
 * then one more per {@code window / limit}; one instant per key, held in memory for at most
 * {@code remembered} keys of each kind (the longest-idle forgotten first), so a flood of made-up
 * names or addresses can't grow it without bound. IPv6 addresses count by their /64, the block one
 * subscriber is given.
 *
 * <pre>{@code
 * SignInThrottle guesses = new SignInThrottle(SignInThrottle.Limits.DEFAULT);
 * Optional<Duration> wait = guesses.wait(address, name, now); // then 429 with Retry-After
 * guesses.failed(address, name, now);                          // after a wrong password
 * }</pre>
 */
public final class SignInThrottle {

    /**
     * @param perAddress         wrong passwords from one address, for any names
     * @param perAddressAndName  wrong passwords from one address for one name
     * @param perName            wrong passwords for one name from anywhere before each address
     *                           that got it wrong waits until its failures for it have drained
     * @param window             the time in which each limit may be reached
     * @param remembered         how many keys of each kind are held
     */
    public record Limits(int perAddress, int perAddressAndName, int perName, Duration window, int remembered) {

        /** 100 wrong passwords from an address, 10 for one name, 100 for a name from anywhere, in 15 minutes. */
        public static final Limits DEFAULT = new Limits(100, 10, 100, Duration.ofMinutes(15), 100_000);

        public Limits {
            if (perAddress < 1 || perAddressAndName < 1 || perName < 1 || remembered < 1 || window.isNegative()
                    || window.isZero()) {
                throw new IllegalArgumentException("sign-in limits, window and memory must be positive: " + perAddress
                        + ", " + perAddressAndName + ", " + perName + ", " + window + ", " + remembered);
            }
        }
    }

    private final Buckets byAddress;
    private final Buckets byAddressAndName;
    private final Buckets byName;

    public SignInThrottle(Limits limits) {
        this.byAddress = new Buckets(limits.perAddress(), limits.window(), limits.remembered());
        this.byAddressAndName = new Buckets(limits.perAddressAndName(), limits.window(), limits.remembered());
        this.byName = new Buckets(limits.perName(), limits.window(), limits.remembered());
    }

    /** How long this address must wait before a password for this name is checked; empty if it may try now. */
    public synchronized Optional<Duration> wait(String address, String name, Instant now) {
        String pair = pair(address, name);
        Duration longest = Duration.ZERO;
        longest = longer(longest, byAddress.wait(address, now));
        longest = longer(longest, byAddressAndName.wait(pair, now));
        if (byName.wait(name, now).isPresent()) {
            // the name is under attack: an address that got it wrong waits until that has drained
            longest = longer(longest, byAddressAndName.drained(pair, now));
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    public synchronized void failed(String address, String name, Instant now) {
        byAddress.add(address, now);
        byAddressAndName.add(pair(address, name), now);
        byName.add(name, now);
    }

    /** The right password clears this address's failures for the name (not its failures for others). */
    public synchronized void succeeded(String address, String name) {
        byAddressAndName.forget(pair(address, name));
    }

    /**
     * The key a client address counts under: the address itself, or for IPv6 its /64. An address
     * that can't be read counts as itself.
     */
    public static String addressKey(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        if (remoteAddress.indexOf(':') < 0) {
            return remoteAddress;
        }
        try {
            InetAddress parsed = InetAddress.getByName(remoteAddress); // a literal: no name is looked up
            if (parsed instanceof Inet6Address) {
                return HexFormat.of().formatHex(Arrays.copyOf(parsed.getAddress(), 8)) + "::/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }

    private static String pair(String address, String name) {
        return address + "\u0000" + name;
    }

    private static Duration longer(Duration a, Optional<Duration> b) {
        return b.filter(d -> d.compareTo(a) > 0).orElse(a);
    }

    /** Leaky buckets by key: for each, the instant its failures will have drained. */
    private static final class Buckets {

        private final Duration window;
        private final Duration interval;
        private final Map<String, Instant> drainedAt;

        Buckets(int limit, Duration window, int remembered) {
            this.window = window;
            this.interval = window.dividedBy(limit);
            this.drainedAt = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                    return size() > remembered;
                }
            };
        }

        /** Full: {@code limit} failures not yet drained; the wait is until one more fits. */
        Optional<Duration> wait(String key, Instant now) {
            Instant at = drainedAt.get(key);
            if (at == null) {
                return Optional.empty();
            }
            Duration left = Duration.between(now, at);
            if (left.isNegative() || left.isZero()) {
                drainedAt.remove(key);
                return Optional.empty();
            }
            Duration over = left.minus(window).plus(interval);
            return over.isNegative() || over.isZero() ? Optional.empty() : Optional.of(over);
        }

        /** Until every failure of this key has drained; empty if it has none. */
        Optional<Duration> drained(String key, Instant now) {
            Instant at = drainedAt.get(key);
            return at == null || !at.isAfter(now) ? Optional.empty() : Optional.of(Duration.between(now, at));
        }

        void add(String key, Instant now) {
            Instant at = drainedAt.get(key);
            Instant from = at == null || at.isBefore(now) ? now : at;
            Instant next = from.plus(interval);
            // a bucket never holds more than its limit: failures while it waits don't extend the wait
            Instant cap = now.plus(window);
            drainedAt.put(key, next.isAfter(cap) ? cap : next);
        }

        void forget(String key) {
            drainedAt.remove(key);
        }
    }
}
