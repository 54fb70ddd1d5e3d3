package org.roster.platform.telegram;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TDLib answered a request with an {@code error} object, or did not answer. It carries TDLib's code
 * and message (such as {@code 400 PHONE_CODE_INVALID}); the exception's own message says the same in
 * plain words where Roster knows them. Messages never hold phone numbers, names or keys: long runs of
 * digits that TDLib might echo are masked.
 *
 * <pre>{@code
 * try {
 *     client.call(request);
 * } catch (TdException.RetryAfter wait) {
 *     pauseUntil(clock.instant().plus(wait.retryAfter()));
 * } catch (TdException e) {
 *     record(e.code(), e.getMessage());
 * }
 * }</pre>
 */
public class TdException extends Exception {

    private static final long serialVersionUID = 1L;

    /** TDLib's "Too Many Requests: retry after N", and MTProto's raw FLOOD_WAIT_N should one pass through. */
    private static final Pattern RETRY_AFTER = Pattern.compile("(?:retry after |FLOOD_WAIT_)(\\d{1,9})");
    /** Runs of digits long enough to be a phone number, with or without a leading plus. */
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?\\d[\\d ]{5,}\\d");

    /** The code when TDLib gave no answer at all (not one of TDLib's codes). */
    public static final int NO_ANSWER = 0;

    private final int code;
    private final String tdlibMessage;

    public TdException(int code, String tdlibMessage, String plainMessage) {
        super(mask(plainMessage));
        this.code = code;
        this.tdlibMessage = mask(tdlibMessage);
    }

    /** The exception for TDLib's {@code error} object: {@link RetryAfter} for a 429 with a wait. */
    public static TdException of(int code, String tdlibMessage) {
        Matcher wait = RETRY_AFTER.matcher(tdlibMessage);
        if ((code == 429 || code == 420) && wait.find()) {
            long seconds = Long.parseLong(wait.group(1));
            return new RetryAfter(code, tdlibMessage, Duration.ofSeconds(seconds));
        }
        return new TdException(code, tdlibMessage, "Telegram refused the request: " + code + " " + tdlibMessage);
    }

    /** TDLib's error code (400 a bad request, 401 not signed in, 429 too many requests...); 0 if none came. */
    public int code() {
        return code;
    }

    /** TDLib's own message, such as {@code PHONE_CODE_INVALID}. */
    public String tdlibMessage() {
        return tdlibMessage;
    }

    /** This error with a plain-words message in place of the generic one. */
    public TdException explained(String plainMessage) {
        return new TdException(code, tdlibMessage, plainMessage);
    }

    static String mask(String text) {
        return text == null ? "" : PHONE_LIKE.matcher(text).replaceAll("[number]");
    }

    /**
     * Telegram asks that no request be sent for a while: "429 Too Many Requests: retry after N".
     * TDLib itself waits out short flood waits (up to about a minute in all) and hands longer ones
     * to the application as this error.
     */
    public static final class RetryAfter extends TdException {
        private static final long serialVersionUID = 1L;

        private final Duration retryAfter;

        RetryAfter(int code, String tdlibMessage, Duration retryAfter) {
            super(code, tdlibMessage, "Telegram asks to wait " + retryAfter.toSeconds()
                    + " seconds before the next request");
            this.retryAfter = retryAfter;
        }

        /** How long to send nothing to the account. */
        public Duration retryAfter() {
            return retryAfter;
        }

        @Override
        public TdException explained(String plainMessage) {
            return this;
        }
    }
}
