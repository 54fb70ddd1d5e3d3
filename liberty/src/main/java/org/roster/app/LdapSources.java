package org.roster.app;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.roster.source.ldap.LdapConnections;
import org.roster.source.ldap.LdapDirectorySource;
import org.roster.source.ldap.LdapSourceConfig;

/**
 * The configured LDAP source with one connection pool for the server's lifetime: runs, readiness
 * checks and connection tests share it, and a changed configuration gets a new pool.
 */
@ApplicationScoped
public class LdapSources {

    @Inject
    RosterSettings settings;

    private LdapConnections connections;

    /** The source as configured, asking for what {@code config} asks (a policy may need fewer fields). */
    public synchronized LdapDirectorySource source(LdapSourceConfig config) {
        if (connections == null || !connections.serves(config)) {
            if (connections != null) {
                connections.close();
            }
            connections = new LdapConnections(config);
        }
        return new LdapDirectorySource(config, connections);
    }

    /** The source as configured, reading every mapped field. */
    public LdapDirectorySource source() {
        return source(settings.ldapSource());
    }

    @PreDestroy
    synchronized void close() {
        if (connections != null) {
            connections.close();
        }
    }
}
