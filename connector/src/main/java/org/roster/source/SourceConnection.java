package org.roster.source;

import java.util.Optional;
import java.util.Set;

import org.roster.directory.DirectorySource;
import org.roster.policy.PersonField;

/**
 * A source's connection, kept for the server's lifetime: an LDAP source's connection pool, an
 * Entra ID source's signed-in client. Runs, reachability checks and connection tests share it; a
 * source whose configuration it no longer serves gets a new one.
 *
 * <pre>{@code
 * if (!connection.serves(changed)) {
 *     connection.close();
 *     connection = changed.connect(Optional.empty());
 * }
 * DirectorySource reader = connection.reader(changed, Set.of(PersonField.MAIL), Optional.empty());
 * }</pre>
 */
public interface SourceConnection extends AutoCloseable {

    /** Whether this connection can serve this configuration (same servers or tenant, account and secrets). */
    boolean serves(SourceConfiguration configuration);

    /**
     * A reader of the source asking only for these fields (all mapped ones when null), and for the
     * groups in {@code groupAttribute} where the kind reads groups from an attribute.
     */
    DirectorySource reader(SourceConfiguration configuration, Set<PersonField> fields,
                           Optional<String> groupAttribute);

    /**
     * Tests the source step by step, counting matching entries up to {@code countLimit} where the
     * kind counts, and sampling a few.
     */
    ConnectionReport test(SourceConfiguration configuration, int sample, long countLimit);

    /** Lets go of the connection. */
    @Override
    void close();
}
