package org.roster.platform.telegram;

import java.io.StringReader;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/**
 * Which TDLib a loaded {@code libtdjson} is, and whether Roster is tested with it. TDLib's JSON
 * interface changes between minor versions (request and field names come and go), so a library of
 * another major.minor than the tested one is refused at start unless the operator allows it.
 *
 * <pre>{@code
 * String version = TdlibVersion.tested().require(td, allowUntested); // "1.8.67", or UntestedVersion
 * }</pre>
 */
public final class TdlibVersion {

    /** The TDLib version Roster's tests run against (the npm package {@code @prebuilt-tdlib/linux-x64-glibc}). */
    public static final String TESTED = "1.8.67";
    /** The setting that lets Roster run on another TDLib version. */
    public static final String ALLOW_UNTESTED = "roster.telegram.allow-untested-version";

    private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)(?:\\.\\d+)?$");

    private final String tested;

    private TdlibVersion(String tested) {
        this.tested = Objects.requireNonNull(tested, "tested");
        majorMinor(tested);
    }

    /** The check against the version Roster is tested with. */
    public static TdlibVersion tested() {
        return new TdlibVersion(TESTED);
    }

    /** The check against another tested version (for tests of the check itself). */
    static TdlibVersion testedWith(String version) {
        return new TdlibVersion(version);
    }

    /**
     * Reads the library's version ({@code getOption version}, which TDLib answers synchronously).
     *
     * @throws UntestedVersion if the library does not say, which no TDLib since 1.7 does
     */
    public static String of(TdJson td) throws UntestedVersion {
        String answer = td.execute("{\"@type\":\"getOption\",\"name\":\"version\"}");
        try (JsonReader reader = Json.createReader(new StringReader(answer == null ? "" : answer))) {
            JsonObject value = reader.readObject();
            if ("optionValueString".equals(value.getString("@type", ""))) {
                return value.getString("value", "");
            }
        } catch (JsonException | IllegalStateException e) {
            // handled below: whatever it was, it is not a version
        }
        throw new UntestedVersion("the TDLib library does not say which version it is (getOption version), so "
                + "it is older than TDLib 1.7 or not TDLib; Roster is tested with TDLib " + TESTED);
    }

    /**
     * The library's version, if its major.minor is the tested one's, or if untested versions are
     * allowed.
     *
     * @throws UntestedVersion naming both versions, otherwise
     */
    public String require(TdJson td, boolean allowUntested) throws UntestedVersion {
        String version = of(td);
        if (allowUntested || matches(version)) {
            return version;
        }
        throw new UntestedVersion("the TDLib library is version " + version + ", but Roster is tested with TDLib "
                + tested + ": its JSON interface may differ, so Roster does not use it. Install TDLib " + tested
                + " (see the README), or set " + ALLOW_UNTESTED + "=true to run on " + version + " anyway");
    }

    /** Whether the version has the tested one's major and minor. */
    public boolean matches(String version) {
        return version != null && MAJOR_MINOR.matcher(version).matches()
                && majorMinor(version).equals(majorMinor(tested));
    }

    private static String majorMinor(String version) {
        Matcher m = MAJOR_MINOR.matcher(version);
        if (!m.matches()) {
            throw new IllegalArgumentException("a TDLib version is major.minor.patch, such as 1.8.67, not " + version);
        }
        return Integer.parseInt(m.group(1)) + "." + Integer.parseInt(m.group(2));
    }

    /** The library is not the TDLib Roster is tested with; the message names both versions. */
    public static final class UntestedVersion extends Exception {
        private static final long serialVersionUID = 1L;

        UntestedVersion(String message) {
            super(message);
        }
    }
}
