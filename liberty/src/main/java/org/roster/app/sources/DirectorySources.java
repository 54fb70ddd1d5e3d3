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
import org.roster.source.graph.GraphDirectorySource;
import org.roster.source.graph.GraphSourceConfig;
import org.roster.source.ldap.LdapConnections;
import org.roster.source.ldap.LdapDirectorySource;
import org.roster.source.ldap.LdapSourceConfig;

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

    private final Map<String, LdapConnections> pools = new HashMap<>();
    private final Map<String, GraphDirectorySource> graphs = new HashMap<>();

    /**
     * A reader of the source asking only for these fields (all mapped ones when null), and for the
     * groups in {@code groupAttribute} when the policy has group rules.
     */
    public synchronized DirectorySource reader(SourceDefinition source, Set<PersonField> fields,
                                               Optional<String> groupAttribute) {
        if (SourceDefinition.ENTRA.equals(source.kind())) {
            GraphSourceConfig config = fields == null ? source.entra() : source.entra().onlyFields(fields);
            return graph(source.id(), config);
        }
        LdapSourceConfig config = fields == null ? source.ldap() : source.ldap().onlyFields(fields);
        if (groupAttribute.isPresent()) {
            config = config.withGroups(groupAttribute.get());
        }
        return ldap(source.id(), config);
    }

    /** The LDAP reader of a source, on its pool. */
    public synchronized LdapDirectorySource ldap(String sourceId, LdapSourceConfig config) {
        LdapConnections pool = pools.get(sourceId);
        if (pool == null || !pool.serves(config)) {
            if (pool != null) {
                pool.close();
            }
            pool = new LdapConnections(config);
            pools.put(sourceId, pool);
        }
        LdapDirectorySource reader = new LdapDirectorySource(config, pool);
        return readAheadThreads == null ? reader : reader.readingAheadOn(readAheadThreads);
    }

    /** The Entra ID reader of a source, signed in once for as long as its tenant and app stay. */
    public synchronized GraphDirectorySource graph(String sourceId, GraphSourceConfig config) {
        GraphDirectorySource graph = graphs.get(sourceId);
        if (graph != null) {
            try {
                return graph.reading(config);
            } catch (IllegalArgumentException anotherTenantOrApp) {
                // the source changed: sign in afresh
            }
        }
        graph = new GraphDirectorySource(config);
        graphs.put(sourceId, graph);
        return graph;
    }

    /** Lets go of a removed source's connections. */
    public synchronized void forget(String sourceId) {
        LdapConnections pool = pools.remove(sourceId);
        if (pool != null) {
            pool.close();
        }
        graphs.remove(sourceId);
    }

    @PreDestroy
    synchronized void close() {
        pools.values().forEach(LdapConnections::close);
        pools.clear();
        graphs.clear();
    }
}
