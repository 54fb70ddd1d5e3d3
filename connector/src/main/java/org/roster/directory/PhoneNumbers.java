package org.roster.directory;

import java.util.Locale;
import java.util.Objects;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Turns phone numbers as people write them into E.164, using a default region for numbers written
 * without a country code.
 *
 * <pre>{@code
 * PhoneNumbers de = PhoneNumbers.forRegion("DE");
 * de.toE164("0151 2345 6789");   // +4915123456789
 * de.toE164("12");               // throws InvalidPhoneNumberException
 * de.read("0151 2345 6789").regionGuessed();   // true: no country code, read as a number of DE
 * }</pre>
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    private PhoneNumbers(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /**
     * Numbers without a country code are read as numbers of this region.
     *
     * @param region an ISO 3166-1 alpha-2 code, such as {@code DE}
     * @throws IllegalArgumentException if libphonenumber does not know the region
     */
    public static PhoneNumbers forRegion(String region) {
        String code = Objects.requireNonNull(region, "region").trim().toUpperCase(Locale.ROOT);
        if (!UTIL.getSupportedRegions().contains(code)) {
            throw new IllegalArgumentException("\"" + region + "\" is not a region with a phone numbering plan"
                    + " (expected an ISO 3166 code such as DE)");
        }
        return new PhoneNumbers(code);
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    /**
     * The number in E.164.
     *
     * @throws InvalidPhoneNumberException if the text is not a valid number, with a reason
     */
    public String toE164(String raw) throws InvalidPhoneNumberException {
        return read(raw).e164();
    }

    /**
     * A number as read: in E.164, and whether its region was guessed, that is, the text had no
     * country code and was read as a number of the default region.
     *
     * @param e164          the number in E.164
     * @param regionGuessed whether the region came from the default rather than from the text
     */
    public record Reading(String e164, boolean regionGuessed) {
        public Reading {
            Objects.requireNonNull(e164, "e164");
        }
    }

    /**
     * The number in E.164, and whether its region was guessed.
     *
     * @throws InvalidPhoneNumberException if the text is not a valid number, with a reason
     */
    public Reading read(String raw) throws InvalidPhoneNumberException {
        String text = raw.strip();
        // "0049 ..." is how many people write an international number; libphonenumber only reads it
        // for regions whose international prefix is 00, so make it explicit
        if (text.startsWith("00")) {
            text = "+" + text.substring(2);
        }
        PhoneNumber number;
        try {
            // keeping the raw input is what makes libphonenumber say where the country code came from
            number = UTIL.parseAndKeepRawInput(text, defaultRegion);
        } catch (NumberParseException e) {
            throw new InvalidPhoneNumberException("is not a phone number");
        }
        if (!UTIL.isValidNumber(number)) {
            throw new InvalidPhoneNumberException("is not a valid number for region "
                    + regionOf(number));
        }
        return new Reading(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164),
                number.getCountryCodeSource() == PhoneNumber.CountryCodeSource.FROM_DEFAULT_COUNTRY);
    }

    private String regionOf(PhoneNumber number) {
        String region = UTIL.getRegionCodeForCountryCode(number.getCountryCode());
        return "ZZ".equals(region) ? defaultRegion : region;
    }

    /** A text that is not a usable phone number; the message completes "mobile "…" …". */
    public static final class InvalidPhoneNumberException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidPhoneNumberException(String reason) {
            super(reason);
        }
    }
}
