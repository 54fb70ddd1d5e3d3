package org.roster.source.ldap;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;

/**
 * The connections to one LDAP source: a small pool over its servers in failover order, each
 * connection encrypted as configured ({@code ldaps://} or StartTLS, with the server's host name
 * checked against its certificate), bound as the source's service account, following no
 * referrals. The pool is made at first use and kept until closed.
 *
 * <pre>{@code
 * try (LdapConnections connections = new LdapConnections(config)) {
 *     LDAPConnection connection = connections.take();
 *     ...
 *     connections.giveBack(connection, true);
 * }
 * }</pre>
 */
public final class LdapConnections implements AutoCloseable {

    private final LdapSourceConfig config;
    private LDAPConnectionPool pool;

    public LdapConnections(LdapSourceConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Whether these connections serve this configuration (same servers, account and settings). */
    public boolean serves(LdapSourceConfig other) {
        return config.urls().equals(other.urls()) && config.bindDn().equals(other.bindDn())
                && config.password().equals(other.password()) && config.connection().equals(other.connection());
    }

    /** A bound connection from the pool; give it back when done. */
    public synchronized LDAPConnection take() throws LDAPException {
        if (pool == null || pool.isClosed()) {
            pool = newPool();
        }
        return pool.getConnection();
    }

    /** Returns a connection; one that failed is closed rather than reused. */
    public synchronized void giveBack(LDAPConnection connection, boolean healthy) {
        if (pool == null) {
            connection.close();
        } else if (healthy) {
            pool.releaseConnection(connection);
        } else {
            pool.releaseDefunctConnection(connection);
        }
    }

    /** A connection of its own, outside the pool, to the given server: for a report on each server. */
    public LDAPConnection connectTo(LDAPURL url) throws LDAPException {
        LDAPConnection connection = new LDAPConnection(socketFactory(), options());
        try {
            connection.connect(url.getHost(), url.getPort(), config.connection().connectTimeoutMillis());
            PostConnectProcessor startTls = startTls();
            if (startTls != null) {
                startTls.processPreAuthenticatedConnection(connection);
            }
            return connection;
        } catch (LDAPException e) {
            connection.close();
            throw e;
        }
    }

    /** The bind of the source's service account; null for an anonymous source. */
    BindRequest bind() {
        if (config.bindDn().isEmpty()) {
            return null;
        }
        char[] password = config.password().reveal();
        try {
            return new SimpleBindRequest(config.bindDn(), new String(password));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }

    private LDAPConnectionPool newPool() throws LDAPException {
        List<LDAPURL> urls = config.urls();
        String[] hosts = urls.stream().map(LDAPURL::getHost).toArray(String[]::new);
        int[] ports = urls.stream().mapToInt(LDAPURL::getPort).toArray();
        ServerSet servers = new FailoverServerSet(hosts, ports, socketFactory(), options());
        LDAPConnectionPool created = new LDAPConnectionPool(servers, bind(), 1, config.connection().poolSize(),
                startTls());
        created.setConnectionPoolName("roster-ldap");
        created.setRetryFailedOperationsDueToInvalidConnections(true);
        return created;
    }

    private LDAPConnectionOptions options() {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(config.connection().connectTimeoutMillis());
        options.setResponseTimeoutMillis(config.connection().responseTimeoutMillis());
        options.setFollowReferrals(false);
        // a connection serves one read at a time (taken from the pool, given back after), so the
        // thread that reads decodes the server's answers itself: no reader thread handing it each
        // entry, which on two shared cores took a sixth of a read's time
        options.setUseSynchronousMode(true);
        if (config.tls()) {
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        }
        return options;
    }

    private SocketFactory socketFactory() throws LDAPException {
        return "ldaps".equals(config.url().getScheme()) ? sslSocketFactory() : SocketFactory.getDefault();
    }

    private PostConnectProcessor startTls() throws LDAPException {
        return !"ldaps".equals(config.url().getScheme()) && config.connection().startTls()
                ? new StartTLSPostConnectProcessor(sslSocketFactory()) : null;
    }

    private SSLSocketFactory sslSocketFactory() throws LDAPException {
        try {
            TrustManager trust;
            if (config.connection().trustStore().isPresent()) {
                char[] password = config.connection().trustStorePassword().reveal();
                trust = new TrustStoreTrustManager(config.connection().trustStore().get().toFile(),
                        password.length == 0 ? null : password, null, true);
            } else {
                trust = JVMDefaultTrustManager.getInstance();
            }
            return new SSLUtil(trust).createSSLSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new LDAPException(ResultCode.LOCAL_ERROR, "TLS can't be set up with the trust store "
                    + config.connection().trustStore().map(Object::toString).orElse("of the JVM") + ": "
                    + e.getMessage(), e);
        }
    }
}
