package org.roster.app.sources;

import java.util.Optional;
import java.util.logging.Logger;

import org.roster.source.SourceKind;
import org.roster.source.SourceKinds;

/**
 * An LDAP bind password sent over plain {@code ldap://} travels in clear text to anyone on the
 * path. A source with a password must use {@code ldaps://} or StartTLS, unless an admin says in
 * its {@code allow-insecure} setting that they accept the risk (a lab, a server on the same host).
 * A source without a password (an anonymous read, such as the embedded demo directory) sends
 * nothing secret and is left alone. Which sources would send a secret in clear text, and where,
 * their kind says ({@link SourceKind#secretInClearTextTo}).
 *
 * <pre>{@code
 * CleartextBind.refusal(definition).ifPresent(why -> { throw new IllegalArgumentException(why); });
 * boolean shownAsInsecure = CleartextBind.exposed(definition);
 * }</pre>
 */
public final class CleartextBind {

    private static final Logger LOG = Logger.getLogger(CleartextBind.class.getName());

    /** The setting with which an admin accepts a password over plain ldap://. */
    public static final String ALLOW = "allow-insecure";

    private CleartextBind() {
    }

    /** Whether this source sends its bind password in clear text (allowed or not). */
    static boolean exposed(SourceDefinition source) {
        return exposedTo(source).isPresent();
    }

    /** Where this source sends its bind password in clear text, if it does. */
    private static Optional<String> exposedTo(SourceDefinition source) {
        return SourceKinds.named(source.kind()).flatMap(kind -> kind.secretInClearTextTo(source.sourceSettings()));
    }

    /** Whether an admin has accepted a password over plain ldap:// for this source. */
    static boolean allowed(SourceDefinition source) {
        return Boolean.parseBoolean(source.settings().getOrDefault(ALLOW, "false").strip());
    }

    /** Why this source may not be kept as described, if its password would travel in clear text unasked. */
    static Optional<String> refusal(SourceDefinition source) {
        Optional<String> exposedTo = exposedTo(source);
        if (exposedTo.isEmpty() || allowed(source)) {
            return Optional.empty();
        }
        return Optional.of("source " + source.id() + ": a password would travel in clear text to "
                + exposedTo.get().strip() + ": use ldaps:// or start-tls, or set " + ALLOW
                + " to true to accept that");
    }

    /**
     * The configured source is the operator's own and is not refused (a server that read its
     * directory yesterday still starts), but a password in clear text is said plainly at start.
     */
    public static void warnAtStart(SourceDefinition configured) {
        Optional<String> exposedTo;
        try {
            exposedTo = exposedTo(configured);
        } catch (IllegalArgumentException misconfigured) {
            return; // the first run and the connection test name what is wrong
        }
        if (exposedTo.isPresent() && !allowed(configured)) {
            LOG.warning(() -> "The directory's bind password (roster.source.ldap.password) travels in clear text to "
                    + exposedTo.get() + ": use ldaps:// or roster.source.ldap.start-tls=true, or set "
                    + "roster.source.ldap.allow-insecure=true to accept that");
        } else if (exposedTo.isPresent()) {
            LOG.info(() -> "The directory's bind password travels in clear text to " + exposedTo.get()
                    + " (roster.source.ldap.allow-insecure=true)");
        }
    }
}
