package org.roster.source.ldap;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadFactory;

import org.roster.directory.DirectorySource;
import org.roster.policy.PersonField;
import org.roster.source.ConnectionReport;
import org.roster.source.SourceConfiguration;
import org.roster.source.SourceConnection;
import org.roster.source.SourceKind;
import org.roster.source.SourceSettings;

/**
 * LDAP directories ({@code ldap}): servers in failover order, a bind account, a base DN and
 * filter, the attribute mapping, and TLS by {@code ldaps://} or StartTLS.
 *
 * <pre>{@code
 * SourceConfiguration hr = new LdapSourceKind().configure(new SourceSettings("hr",
 *         Map.of("url", "ldaps://ldap.example.org", "base-dn", "ou=people,dc=example,dc=org"), Map.of()));
 * }</pre>
 */
public final class LdapSourceKind implements SourceKind {

    /** The setting with which an admin accepts a bind password over plain ldap://. */
    static final String ALLOW_INSECURE = "allow-insecure";

    private static final Set<String> SETTINGS = Set.of("url", "bind-dn", "base-dn", "filter", "id-attribute",
            "mapping", "group-attribute", "start-tls", "trust-store", "connect-timeout", "response-timeout",
            "change-attribute", ALLOW_INSECURE);
    private static final Set<String> SECRETS = Set.of("password", "trust-store-password");
    private static final Set<String> ENDPOINT = Set.of("url", "bind-dn", "trust-store");

    /** The settings an LDAP source takes when it leaves them out. */
    private static final Map<String, String> DEFAULTS = Map.of("filter", "(objectClass=inetOrgPerson)",
            "id-attribute", "uid", "mapping", LdapSourceConfig.DEFAULT_MAPPING, "group-attribute", "memberOf",
            "page-size", "500", "start-tls", "false", "connect-timeout", "PT10S", "response-timeout", "PT60S",
            "change-attribute", "none");

    @Override
    public String name() {
        return "ldap";
    }

    @Override
    public Set<String> settings() {
        return SETTINGS;
    }

    @Override
    public Set<String> secrets() {
        return SECRETS;
    }

    @Override
    public Set<String> endpointSettings() {
        return ENDPOINT;
    }

    @Override
    public Map<String, String> defaults() {
        return DEFAULTS;
    }

    @Override
    public SourceConfiguration configure(SourceSettings s) {
        return configured(s);
    }

    private static Configured configured(SourceSettings s) {
        String url = s.required("url");
        LdapConnectionSettings connection = LdapConnectionSettings.DEFAULT
                .timeouts(millis(s, "connect-timeout"), millis(s, "response-timeout"))
                .startTls(Boolean.parseBoolean(setting(s, "start-tls")));
        Optional<Path> store = s.trustStore();
        if (store.isPresent()) {
            connection = connection.trusting(store.get(), s.secret("trust-store-password"));
        }
        try {
            return new Configured(LdapSourceConfig.parse(url, Optional.ofNullable(s.values().get("bind-dn")).orElse(""),
                            s.secret("password"), s.required("base-dn"), setting(s, "filter"),
                            setting(s, "id-attribute"), setting(s, "mapping"), pageSize(s))
                    .connectingWith(connection).trackingChangesBy(setting(s, "change-attribute")));
        } catch (IllegalArgumentException e) {
            throw s.problem(e.getMessage(), e);
        }
    }

    /** A bind password over a connection without TLS goes to the server in clear text. */
    @Override
    public Optional<String> secretInClearTextTo(SourceSettings s) {
        if (s.secret("password").isEmpty() || configured(s).config().tls()) {
            return Optional.empty();
        }
        return Optional.of(s.values().get("url"));
    }

    @Override
    public Optional<Servers> servers(SourceSettings s) {
        LdapSourceConfig c = configured(s).config();
        return Optional.of(new Servers(c.urls().stream().map(Object::toString).toList(),
                "ldaps".equals(c.url().getScheme()) ? "ldaps" : c.connection().startTls() ? "starttls" : "none"));
    }

    private static String setting(SourceSettings s, String key) {
        return s.valueOr(key, DEFAULTS.getOrDefault(key, ""));
    }

    private static int pageSize(SourceSettings s) {
        try {
            int size = Integer.parseInt(setting(s, "page-size"));
            if (size < 1 || size > 5000) {
                throw new NumberFormatException();
            }
            return size;
        } catch (NumberFormatException e) {
            throw s.problem("page-size must be a whole number from 1 to 5000, not " + s.values().get("page-size"), e);
        }
    }

    private static int millis(SourceSettings s, String key) {
        try {
            return Math.toIntExact(Duration.parse(setting(s, key)).toMillis());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw s.problem(key + " must be an ISO-8601 duration such as PT10S, not " + s.values().get(key), e);
        }
    }

    /** An LDAP source as configured. */
    record Configured(LdapSourceConfig config) implements SourceConfiguration {

        @Override
        public boolean tracksChanges() {
            return config.changeAttribute().isPresent();
        }

        @Override
        public SourceConnection connect(Optional<ThreadFactory> readAhead) {
            return new Pooled(new LdapConnections(config), readAhead);
        }
    }

    /** A source's connection pool; its readers read ahead on the server's threads when it has some. */
    private record Pooled(LdapConnections pool, Optional<ThreadFactory> readAhead) implements SourceConnection {

        @Override
        public boolean serves(SourceConfiguration configuration) {
            return configuration instanceof Configured ldap && pool.serves(ldap.config());
        }

        @Override
        public DirectorySource reader(SourceConfiguration configuration, Set<PersonField> fields,
                                      Optional<String> groupAttribute) {
            LdapSourceConfig config = fields == null ? config(configuration) : config(configuration).onlyFields(fields);
            if (groupAttribute.isPresent()) {
                config = config.withGroups(groupAttribute.get());
            }
            return reader(config);
        }

        @Override
        public ConnectionReport test(SourceConfiguration configuration, int sample, long countLimit) {
            return reader(config(configuration)).test(sample, countLimit);
        }

        private LdapDirectorySource reader(LdapSourceConfig config) {
            LdapDirectorySource reader = new LdapDirectorySource(config, pool);
            return readAhead.map(reader::readingAheadOn).orElse(reader);
        }

        private static LdapSourceConfig config(SourceConfiguration configuration) {
            if (!(configuration instanceof Configured ldap)) {
                throw new IllegalArgumentException("not an LDAP source: " + configuration);
            }
            return ldap.config();
        }

        @Override
        public void close() {
            pool.close();
        }
    }
}
