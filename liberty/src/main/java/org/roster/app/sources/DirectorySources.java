package org.roster.app.sources;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import org.roster.directory.DirectorySource;
import org.roster.policy.PersonField;
import org.roster.source.ConnectionReport;
import org.roster.source.SourceConfiguration;
import org.roster.source.SourceConnection;

/**
 * The readers of the directory sources, with their connections kept for the server's lifetime: an
 * LDAP source's connection pool, an Entra ID source's signed-in Graph client, one per source. Runs,
 * readiness checks and connection tests share them; a changed source gets new ones.
 *
 * <pre>{@code
 * DirectorySource reader = sources.reader(definition, policy.referencedFields(), Optional.empty());
 * }</pre>
 */
@ApplicationScoped
public class DirectorySources {

    /** Where an LDAP read's search runs ahead of the run that handles its entries. */
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory readAheadThreads;

    private final Map<String, SourceConnection> connections = new HashMap<>();

    /**
     * A reader of the source asking only for these fields (all mapped ones when null), and for the
     * groups in {@code groupAttribute} when the policy has group rules.
     */
    public synchronized DirectorySource reader(SourceDefinition source, Set<PersonField> fields,
                                               Optional<String> groupAttribute) {
        SourceConfiguration configuration = source.configuration();
        return connection(source.id(), configuration).reader(configuration, fields, groupAttribute);
    }

    /**
     * Tests the source through its connection: its steps, a count up to {@code countLimit} and a
     * few entries. The test runs outside the lock, so runs and checks of other sources don't wait.
     */
    public ConnectionReport test(SourceDefinition source, int sample, long countLimit) {
        SourceConfiguration configuration = source.configuration();
        return connection(source.id(), configuration).test(configuration, sample, countLimit);
    }

    /** The source's connection, opened afresh when the one kept no longer serves its configuration. */
    private synchronized SourceConnection connection(String sourceId, SourceConfiguration configuration) {
        SourceConnection connection = connections.get(sourceId);
        if (connection == null || !connection.serves(configuration)) {
            if (connection != null) {
                connection.close();
            }
            connection = configuration.connect(Optional.ofNullable(readAheadThreads));
            connections.put(sourceId, connection);
        }
        return connection;
    }

    /** Lets go of a removed source's connections. */
    public synchronized void forget(String sourceId) {
        SourceConnection connection = connections.remove(sourceId);
        if (connection != null) {
            connection.close();
        }
    }

    @PreDestroy
    synchronized void close() {
        connections.values().forEach(SourceConnection::close);
        connections.clear();
    }
}
