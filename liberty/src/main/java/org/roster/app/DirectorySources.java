package org.roster.app;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.roster.source.graph.GraphDirectorySource;
import org.roster.source.graph.GraphSourceConfig;
import org.roster.source.ldap.LdapConnections;
import org.roster.source.ldap.LdapDirectorySource;
import org.roster.source.ldap.LdapSourceConfig;

/**
 * The configured directory with its connections kept for the server's lifetime: an LDAP source's
 * connection pool, or an Entra ID source's signed-in Graph client. Runs, readiness checks and
 * connection tests share them, and a changed configuration gets new ones.
 */
@ApplicationScoped
public class DirectorySources {

    @Inject
    RosterSettings settings;

    private LdapConnections connections;
    private GraphDirectorySource graph;

    /** The LDAP source as configured, asking for what {@code config} asks (a policy may need fewer fields). */
    public synchronized LdapDirectorySource source(LdapSourceConfig config) {
        if (connections == null || !connections.serves(config)) {
            if (connections != null) {
                connections.close();
            }
            connections = new LdapConnections(config);
        }
        return new LdapDirectorySource(config, connections);
    }

    /** The LDAP source as configured, reading every mapped field. */
    public LdapDirectorySource source() {
        return source(settings.ldapSource());
    }

    /** The Entra ID source as configured, reading every mapped property. */
    public GraphDirectorySource graph() {
        return graph(settings.graphSource());
    }

    /** The Entra ID source reading as {@code config} says, signed in once for as long as the tenant and app stay. */
    public synchronized GraphDirectorySource graph(GraphSourceConfig config) {
        if (graph != null) {
            try {
                return graph.reading(config);
            } catch (IllegalArgumentException anotherTenantOrApp) {
                // the configuration changed: sign in afresh
            }
        }
        graph = new GraphDirectorySource(config);
        return graph;
    }

    @PreDestroy
    synchronized void close() {
        if (connections != null) {
            connections.close();
        }
    }
}
