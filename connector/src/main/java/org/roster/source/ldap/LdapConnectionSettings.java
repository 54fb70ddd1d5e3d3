package org.roster.source.ldap;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.roster.source.Secret;

/**
 * How Roster connects to an LDAP source: TLS (from an {@code ldaps://} URL, or StartTLS on an
 * {@code ldap://} one), which certificates it trusts, and how long it waits. Referrals are never
 * followed: a source reads one directory.
 *
 * <pre>{@code
 * LdapConnectionSettings tls = LdapConnectionSettings.DEFAULT.startTls(true)
 *         .trusting(Path.of("/etc/roster/ldap-ca.p12"), Secret.of(storePassword));
 * }</pre>
 *
 * @param startTls              upgrade plain {@code ldap://} connections with StartTLS
 * @param trustStore            the trust store (PKCS12 or JKS) holding the directory's CA; empty for the JVM's
 * @param trustStorePassword    its password
 * @param connectTimeoutMillis  how long a server may take to accept a connection before the next is tried
 * @param responseTimeoutMillis how long a server may take to answer one request (one page of a search)
 * @param poolSize              connections kept open to the directory, at most
 */
public record LdapConnectionSettings(boolean startTls, Optional<Path> trustStore, Secret trustStorePassword,
                                     int connectTimeoutMillis, int responseTimeoutMillis, int poolSize) {

    public static final LdapConnectionSettings DEFAULT =
            new LdapConnectionSettings(false, Optional.empty(), Secret.none(), 10_000, 60_000, 3);

    public LdapConnectionSettings {
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(trustStorePassword, "trustStorePassword");
        if (connectTimeoutMillis < 1 || responseTimeoutMillis < 1) {
            throw new IllegalArgumentException("LDAP timeouts must be positive, not " + connectTimeoutMillis + " ms and "
                    + responseTimeoutMillis + " ms");
        }
        if (poolSize < 1 || poolSize > 50) {
            throw new IllegalArgumentException("the LDAP connection pool size " + poolSize + " is not between 1 and 50");
        }
    }

    public LdapConnectionSettings startTls(boolean on) {
        return new LdapConnectionSettings(on, trustStore, trustStorePassword, connectTimeoutMillis,
                responseTimeoutMillis, poolSize);
    }

    public LdapConnectionSettings trusting(Path store, Secret password) {
        return new LdapConnectionSettings(startTls, Optional.of(store), password, connectTimeoutMillis,
                responseTimeoutMillis, poolSize);
    }

    public LdapConnectionSettings timeouts(int connectMillis, int responseMillis) {
        return new LdapConnectionSettings(startTls, trustStore, trustStorePassword, connectMillis, responseMillis,
                poolSize);
    }

    @Override
    public String toString() {
        return "LdapConnectionSettings[startTls=" + startTls + ", trustStore=" + trustStore.map(Path::toString)
                .orElse("the JVM's") + ", connectTimeoutMillis=" + connectTimeoutMillis + ", responseTimeoutMillis="
                + responseTimeoutMillis + ", poolSize=" + poolSize + "]";
    }
}
