package org.roster.app.sources;

import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.roster.demo.DemoDirectory;
import org.roster.demo.DemoDirectoryServer;

/**
 * The embedded demo directory: an in-memory LDAP server with generated employees, started when no
 * LDAP URL is configured, listening on a local port so any LDAP client can browse it.
 */
@ApplicationScoped
public class DemoDirectoryService {

    private static final Logger LOG = Logger.getLogger(DemoDirectoryService.class.getName());

    private DemoDirectoryServer server;

    public synchronized void start(int port, int size) {
        if (server != null) {
            return;
        }
        server = DemoDirectoryServer.start(port, DemoDirectory.of(DemoDirectory.DEFAULT_SEED, size),
                DemoDirectory.DEFAULT_BASE_DN);
        LOG.info(() -> "Demo directory (demo only, generated people) listening on " + server.url()
                + " with base DN " + DemoDirectory.DEFAULT_BASE_DN);
    }

    synchronized Optional<DemoDirectoryServer> server() {
        return Optional.ofNullable(server);
    }

    @PreDestroy
    synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
