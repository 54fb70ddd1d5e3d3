package org.roster.app.sources;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * An LDAP bind password sent over plain {@code ldap://} travels in clear text to anyone on the
 * path. A source with a password must use {@code ldaps://} or StartTLS, unless an admin says in
 * its {@code allow-insecure} setting that they accept the risk (a lab, a server on the same host).
 * A source without a password (an anonymous read, such as the embedded demo directory) sends
 * nothing secret and is left alone. Which sources would send a secret in clear text, and where,
 * their kind says ({@link SourceDefinition#secretInClearTextTo}), which refuses such a
 * definition unless it is allowed.
 *
 * <pre>{@code
 * boolean accepted = CleartextBind.allowed(definition);
 * boolean shownAsInsecure = CleartextBind.exposed(definition);
 * }</pre>
 */
public final class CleartextBind {

    private static final Logger LOG = Logger.getLogger(CleartextBind.class.getName());

    /** The setting with which an admin accepts a password over plain ldap://. */
    public static final String ALLOW = SourceDefinition.ALLOW_INSECURE;

    private CleartextBind() {
    }

    /** Whether this source sends its bind password in clear text (allowed or not). */
    static boolean exposed(SourceDefinition source) {
        return source.secretInClearTextTo().isPresent();
    }

    /** Whether an admin has accepted a password over plain ldap:// for this source. */
    static boolean allowed(SourceDefinition source) {
        return source.allowsInsecure();
    }

    /**
     * The configured source is the operator's own and is not refused (a server that read its
     * directory yesterday still starts), but a password in clear text is said plainly at start.
     */
    public static void warnAtStart(SourceDefinition configured) {
        Optional<String> exposedTo;
        try {
            exposedTo = configured.secretInClearTextTo();
        } catch (IllegalArgumentException misconfigured) {
            return; // the first run and the connection test name what is wrong
        }
        if (exposedTo.isPresent() && !configured.allowsInsecure()) {
            LOG.warning(() -> "The directory's bind password (roster.source.ldap.password) travels in clear text to "
                    + exposedTo.get() + ": use ldaps:// or roster.source.ldap.start-tls=true, or set "
                    + "roster.source.ldap.allow-insecure=true to accept that");
        } else if (exposedTo.isPresent()) {
            LOG.info(() -> "The directory's bind password travels in clear text to " + exposedTo.get()
                    + " (roster.source.ldap.allow-insecure=true)");
        }
    }
}
