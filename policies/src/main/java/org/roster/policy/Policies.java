package org.roster.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The policies bundled with Roster, by name.
 *
 * <pre>{@code
 * Policy policy = Policies.bundled("default");
 * }</pre>
 */
public final class Policies {

    /** The names of the bundled policies. */
    public static final List<String> BUNDLED = List.of("default", "strict-minimal", "regulated");

    private Policies() {
    }

    /**
     * Loads a bundled policy.
     *
     * @throws IllegalArgumentException if no bundled policy has that name
     * @throws IllegalStateException if the bundled file is invalid (a build defect; tests prevent it)
     */
    public static Policy bundled(String name) {
        return parse(name, text(name));
    }

    /** The text of a bundled policy, as a compliance officer would read it. */
    public static String text(String name) {
        if (!BUNDLED.contains(name)) {
            throw new IllegalArgumentException("no bundled policy named \"" + name + "\"; bundled are " + BUNDLED);
        }
        String resource = "/policies/" + name + ".yaml";
        try (InputStream in = Policies.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled policy " + resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("can't read bundled policy " + resource, e);
        }
    }

    private static Policy parse(String name, String text) {
        try {
            return PolicyParser.parse(name + ".yaml", text);
        } catch (InvalidPolicyException e) {
            throw new IllegalStateException("bundled policy is invalid: " + e.getMessage(), e);
        }
    }
}
