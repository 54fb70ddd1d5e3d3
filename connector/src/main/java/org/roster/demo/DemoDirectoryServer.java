package org.roster.demo;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Iterator;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A real LDAP server on the loopback interface holding a {@link DemoDirectory}, so the
 * LDAP source can be demonstrated and tested against the protocol rather than a mock.
 *
 * <p>It is UnboundID's in-memory server with the standard schema (so
 * {@code inetOrgPerson} and syntax checks apply), anonymous reads, and the operational
 * attributes a real server adds ({@code entryUUID}, {@code createTimestamp},
 * {@code modifyTimestamp}). Entries are added one by one as the directory generates
 * them, and the listener opens only once all are in, so a client never sees half a
 * directory.
 *
 * <pre>{@code
 * try (DemoDirectoryServer ldap = DemoDirectoryServer.start(0, DemoDirectory.standard(),
 *         DemoDirectory.DEFAULT_BASE_DN);
 *      LDAPConnection connection = new LDAPConnection("127.0.0.1", ldap.port())) {
 *   SearchResult people = connection.search(DemoDirectory.DEFAULT_BASE_DN, SearchScope.SUB,
 *       "(objectClass=inetOrgPerson)");
 *   ldap.server().modify("uid=p000042," + DemoDirectory.DEFAULT_BASE_DN,
 *       new Modification(ModificationType.REPLACE, "mobile", "+49 171 2345678"));
 * }
 * }</pre>
 */
public final class DemoDirectoryServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DemoDirectoryServer.class.getName());
    private static final String LOOPBACK = "127.0.0.1";

    private final InMemoryDirectoryServer server;
    private final int port;

    private DemoDirectoryServer(InMemoryDirectoryServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts a server on {@code 127.0.0.1:port} whose naming context is the parent of
     * {@code baseDn}, loaded with all of {@code directory}'s entries.
     *
     * @param port      the port to listen on, or 0 for any free one (see {@link #port()})
     * @param directory the people to serve
     * @param baseDn    where they live, as for {@link DemoDirectory#entries(String)}
     * @return the running server; close it to free the port
     * @throws IllegalArgumentException if {@code baseDn} is not an {@code ou} below {@code dc} components
     * @throws IllegalStateException    if the server cannot be configured, loaded or bound to the port
     */
    public static DemoDirectoryServer start(int port, DemoDirectory directory, String baseDn) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
        // Opened first because it rejects a malformed base DN before anything is configured.
        Stream<Entry> entries = directory.entries(baseDn);
        InMemoryDirectoryServer server;
        String suffix;
        try {
            suffix = new DN(baseDn).getParent().toString();
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(suffix);
            config.setListenerConfigs(
                    InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getByName(LOOPBACK), port, null));
            server = new InMemoryDirectoryServer(config);
        } catch (LDAPException | UnknownHostException e) {
            entries.close();
            throw new IllegalStateException("cannot configure a demo directory for base DN \"" + baseDn + "\": "
                    + e.getMessage(), e);
        }

        long count = 0;
        try (entries) {
            Iterator<Entry> iterator = entries.iterator();
            while (iterator.hasNext()) {
                Entry entry = iterator.next();
                try {
                    server.add(entry);
                } catch (LDAPException e) {
                    server.shutDown(true);
                    // The DN holds a uid, never a name, so it may be reported.
                    throw new IllegalStateException("demo directory rejected entry " + entry.getDN() + ": "
                            + e.getResultCode() + " " + e.getDiagnosticMessage(), e);
                }
                count++;
            }
        }

        try {
            server.startListening();
        } catch (LDAPException e) {
            server.shutDown(true);
            throw new IllegalStateException("cannot listen on " + LOOPBACK + ":" + port + " for the demo directory: "
                    + e.getMessage(), e);
        }
        int boundPort = server.getListenPort();
        long loaded = count;
        LOG.info(() -> "demo directory " + suffix + " serves " + loaded + " entries on ldap://" + LOOPBACK + ":"
                + boundPort);
        return new DemoDirectoryServer(server, boundPort);
    }

    /**
     * The port the server listens on, the chosen one if it was started on port 0.
     *
     * @return a port between 1 and 65535
     */
    public int port() {
        return port;
    }

    /**
     * Where to connect.
     *
     * @return {@code ldap://127.0.0.1:<port>}
     */
    public String url() {
        return "ldap://" + LOOPBACK + ":" + port;
    }

    /**
     * The running in-memory server, for tests that add, modify or delete people while a
     * sync watches.
     *
     * @return the server, never {@code null}
     */
    public InMemoryDirectoryServer server() {
        return server;
    }

    /** Closes all client connections and frees the port. */
    @Override
    public void close() {
        server.shutDown(true);
    }
}
