package org.roster.source;

import java.util.Arrays;

/**
 * A password or other secret. Its {@code toString} never shows the value, so a secret can't leak
 * into a log line or an error by accident.
 *
 * <pre>{@code
 * Secret password = Secret.of("s3cret".toCharArray());
 * password.toString(); // "Secret[redacted]"
 * }</pre>
 */
public final class Secret {

    private static final Secret NONE = new Secret(new char[0]);

    private final char[] value;

    private Secret(char[] value) {
        this.value = value;
    }

    public static Secret of(char[] value) {
        return value.length == 0 ? NONE : new Secret(value.clone());
    }

    public static Secret none() {
        return NONE;
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    /** The secret's characters; the caller should clear the copy after use. */
    public char[] reveal() {
        return value.clone();
    }

    @Override
    public String toString() {
        return isEmpty() ? "Secret[none]" : "Secret[redacted]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && Arrays.equals(value, s.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }
}
