package org.roster.app.sources;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.roster.directory.EntryNormaliser;
import org.roster.directory.PhoneNumbers;
import org.roster.source.Secret;
import org.roster.source.graph.GraphSourceConfig;
import org.roster.source.ldap.LdapConnectionSettings;
import org.roster.source.ldap.LdapSourceConfig;

/**
 * One directory source as an admin describes it: what kind it is, its settings (the same names as
 * the {@code roster.source.ldap.*} and {@code roster.source.entra.*} configuration keys, without the
 * prefix), its secrets, and where it stands among the others when their entries are merged. The
 * source set in the server's configuration and the sources added through the API are both
 * described this way, and become a reader's configuration through the same code.
 *
 * <pre>{@code
 * SourceDefinition hr = new SourceDefinition("hr", "ldap", "HR directory", 10, true,
 *         Map.of("url", "ldaps://ldap.example.org", "base-dn", "ou=people,dc=example,dc=org"),
 *         Map.of("password", Secret.of(pw)), false);
 * LdapSourceConfig config = hr.ldap(); // or IllegalArgumentException naming the bad setting
 * }</pre>
 *
 * @param precedence lower comes first: when merged entries disagree on a field, the source with the
 *                   lowest precedence that has a value wins
 * @param configured set in the server's configuration rather than through the API (and then not
 *                   editable there)
 */
public record SourceDefinition(String id, String kind, String name, int precedence, boolean enabled,
                               Map<String, String> settings, Map<String, Secret> secrets, boolean configured) {

    public static final String LDAP = "ldap";
    public static final String ENTRA = "entra";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Set<String> COMMON = Set.of("default-region", "region-by-location", "page-size");
    private static final Set<String> LDAP_SETTINGS = Set.of("url", "bind-dn", "base-dn", "filter", "id-attribute",
            "mapping", "group-attribute", "start-tls", "trust-store", "connect-timeout", "response-timeout",
            "change-attribute", CleartextBind.ALLOW);
    private static final Set<String> LDAP_SECRETS = Set.of("password", "trust-store-password");
    private static final Set<String> ENTRA_SETTINGS = Set.of("tenant-id", "client-id", "group-ids", "authority-host",
            "graph-url", "trust-store");
    private static final Set<String> ENTRA_SECRETS = Set.of("client-secret", "trust-store-password");

    /** The settings an LDAP source takes when it leaves them out. */
    static final Map<String, String> LDAP_DEFAULTS = Map.of("filter", "(objectClass=inetOrgPerson)",
            "id-attribute", "uid", "mapping", LdapSourceConfig.DEFAULT_MAPPING, "group-attribute", "memberOf",
            "page-size", "500", "start-tls", "false", "connect-timeout", "PT10S", "response-timeout", "PT60S",
            "change-attribute", "none");

    public SourceDefinition {
        settings = Map.copyOf(new TreeMap<>(settings));
        secrets = Map.copyOf(secrets);
        name = name == null || name.isBlank() ? id : name.strip();
    }

    /**
     * Checks everything an admin can get wrong, before anything is stored: the id, the kind, that
     * every setting and secret is one the kind takes, and that the settings make a working
     * configuration.
     *
     * @throws IllegalArgumentException saying what is wrong, naming the setting (never a secret's value)
     */
    public SourceDefinition validated() {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("the source id \"" + id + "\" must be 1 to 63 lower-case letters, "
                    + "digits or dashes, starting with a letter or digit");
        }
        if (!LDAP.equals(kind) && !ENTRA.equals(kind)) {
            throw new IllegalArgumentException("the source kind must be \"ldap\" or \"entra\", not \"" + kind + "\"");
        }
        Set<String> allowed = new HashSet<>(COMMON);
        allowed.addAll(LDAP.equals(kind) ? LDAP_SETTINGS : ENTRA_SETTINGS);
        List<String> unknown = settings.keySet().stream().filter(k -> !allowed.contains(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("an " + kind + " source has no setting " + String.join(", ", unknown)
                    + "; it takes " + String.join(", ", new TreeSet<>(allowed)));
        }
        Set<String> secretNames = LDAP.equals(kind) ? LDAP_SECRETS : ENTRA_SECRETS;
        List<String> unknownSecrets = secrets.keySet().stream().filter(k -> !secretNames.contains(k)).sorted().toList();
        if (!unknownSecrets.isEmpty()) {
            throw new IllegalArgumentException("an " + kind + " source has no secret "
                    + String.join(", ", unknownSecrets) + "; it takes " + String.join(", ",
                    new TreeSet<>(secretNames)));
        }
        if (LDAP.equals(kind)) {
            ldap();
            String allow = settings.getOrDefault(CleartextBind.ALLOW, "false").strip();
            if (!allow.equals("true") && !allow.equals("false")) {
                throw new IllegalArgumentException("source " + id + ": " + CleartextBind.ALLOW
                        + " must be true or false, not " + allow);
            }
            CleartextBind.refusal(this).ifPresent(why -> {
                throw new IllegalArgumentException(why);
            });
        } else {
            entra();
        }
        normaliser("DE", "");
        return this;
    }

    /** The names of the secrets this kind of source takes. */
    public Set<String> secretNames() {
        return LDAP.equals(kind) ? LDAP_SECRETS : ENTRA_SECRETS;
    }

    /** Whether this source can read only what changed since its last read. */
    public boolean tracksChanges() {
        return LDAP.equals(kind) ? ldap().changeAttribute().isPresent() : entra().groupIds().isEmpty();
    }

    /** The LDAP reader's configuration. */
    public LdapSourceConfig ldap() {
        String url = required("url");
        LdapConnectionSettings connection = LdapConnectionSettings.DEFAULT
                .timeouts(millis("connect-timeout"), millis("response-timeout"))
                .startTls(Boolean.parseBoolean(setting("start-tls")));
        Optional<Path> store = trustStore();
        if (store.isPresent()) {
            connection = connection.trusting(store.get(), secret("trust-store-password"));
        }
        try {
            return LdapSourceConfig.parse(url, Optional.ofNullable(settings.get("bind-dn")).orElse(""),
                            secret("password"), required("base-dn"), setting("filter"), setting("id-attribute"),
                            setting("mapping"), pageSize())
                    .connectingWith(connection).trackingChangesBy(setting("change-attribute"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("source " + id + ": " + e.getMessage(), e);
        }
    }

    /** The Entra ID reader's configuration; Microsoft's public cloud unless told otherwise. */
    public GraphSourceConfig entra() {
        try {
            GraphSourceConfig config = GraphSourceConfig.of(required("tenant-id"), required("client-id"),
                    secret("client-secret"));
            URI authority = Optional.ofNullable(settings.get("authority-host")).filter(a -> !a.isBlank())
                    .map(String::strip).map(URI::create).orElse(GraphSourceConfig.PUBLIC_AUTHORITY);
            URI graph = Optional.ofNullable(settings.get("graph-url")).filter(a -> !a.isBlank())
                    .map(String::strip).map(URI::create).orElse(GraphSourceConfig.PUBLIC_GRAPH);
            config = config.at(authority, graph, trustStore(), secret("trust-store-password"));
            List<String> groups = Arrays.stream(settings.getOrDefault("group-ids", "").split(","))
                    .map(String::strip).filter(g -> !g.isEmpty()).toList();
            return groups.isEmpty() ? config : config.inGroups(groups);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("source " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * How this source's entries are normalised: numbers without a country code read by its default
     * region (or the server's) and by its offices' regions.
     */
    public EntryNormaliser normaliser(String serverRegion, String serverRegionsByLocation) {
        try {
            return new EntryNormaliser(PhoneNumbers.forRegion(settings.getOrDefault("default-region", serverRegion)),
                    EntryNormaliser.regionsByLocation(settings.getOrDefault("region-by-location",
                            serverRegionsByLocation)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("source " + id + ": " + e.getMessage(), e);
        }
    }

    /** A secret, or none when not set. */
    public Secret secret(String name) {
        return secrets.getOrDefault(name, Secret.none());
    }

    /** This definition with its secrets replaced where {@code changes} names them (an empty one clears). */
    public SourceDefinition withSecrets(Map<String, Secret> changes) {
        Map<String, Secret> merged = new HashMap<>(secrets);
        changes.forEach((name, value) -> {
            if (value.isEmpty()) {
                merged.remove(name);
            } else {
                merged.put(name, value);
            }
        });
        return new SourceDefinition(id, kind, name, precedence, enabled, settings, merged, configured);
    }

    private String setting(String key) {
        String value = settings.get(key);
        return value == null || value.isBlank() ? LDAP_DEFAULTS.getOrDefault(key, "") : value.strip();
    }

    private String required(String key) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("source " + id + ": the setting " + key + " is required");
        }
        return value.strip();
    }

    private int pageSize() {
        try {
            int size = Integer.parseInt(setting("page-size"));
            if (size < 1 || size > 5000) {
                throw new NumberFormatException();
            }
            return size;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("source " + id + ": page-size must be a whole number from 1 to 5000, not "
                    + settings.get("page-size"), e);
        }
    }

    private int millis(String key) {
        try {
            return Math.toIntExact(Duration.parse(setting(key)).toMillis());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("source " + id + ": " + key
                    + " must be an ISO-8601 duration such as PT10S, not " + settings.get(key), e);
        }
    }

    private Optional<Path> trustStore() {
        Optional<String> store = Optional.ofNullable(settings.get("trust-store")).filter(t -> !t.isBlank());
        if (store.isEmpty()) {
            return Optional.empty();
        }
        Path path = Path.of(store.get().strip());
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("source " + id + ": the trust store " + path + " can't be read");
        }
        return Optional.of(path);
    }

    @Override
    public String toString() {
        // settings hold no secrets; secrets are named, never shown
        return "SourceDefinition[" + id + ", " + kind + ", precedence " + precedence + ", secrets set "
                + new TreeSet<>(secrets.keySet()) + "]";
    }
}
