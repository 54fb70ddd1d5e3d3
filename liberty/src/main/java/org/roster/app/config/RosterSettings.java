package org.roster.app.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.roster.app.sources.CleartextBind;
import org.roster.app.sources.SourceDefinition;
import org.roster.demo.DemoDirectory;
import org.roster.directory.EntryNormaliser;
import org.roster.platform.JournalContactPlatform;
import org.roster.platform.RecordedContactPlatform;
import org.roster.schedule.Schedule;
import org.roster.source.Secret;
import org.roster.source.SourceKinds;
import org.roster.sync.ContactPlatform;
import org.roster.sync.MergeKey;
import org.roster.sync.RemovalGuard;

/**
 * Roster's configuration from MicroProfile Config (environment variables, {@code server.env},
 * {@code bootstrap.properties}); the keys are the ones DESIGN.md lists.
 */
@ApplicationScoped
public class RosterSettings {

    @Inject @ConfigProperty(name = "roster.source.ldap.url")
    Optional<String> ldapUrl;

    @Inject @ConfigProperty(name = "roster.source.ldap.bind-dn")
    Optional<String> bindDn;

    @Inject @ConfigProperty(name = "roster.source.ldap.password")
    Optional<String> password;

    @Inject @ConfigProperty(name = "roster.source.ldap.base-dn")
    String baseDn;

    @Inject @ConfigProperty(name = "roster.source.ldap.filter")
    String filter;

    @Inject @ConfigProperty(name = "roster.source.ldap.id-attribute")
    String idAttribute;

    @Inject @ConfigProperty(name = "roster.source.ldap.mapping")
    Optional<String> mapping;

    @Inject @ConfigProperty(name = "roster.source.ldap.group-attribute", defaultValue = "memberOf")
    String groupAttribute;

    @Inject @ConfigProperty(name = "roster.source.ldap.page-size")
    int pageSize;

    @Inject @ConfigProperty(name = "roster.source.default-region")
    String defaultRegion;

    @Inject @ConfigProperty(name = "roster.source.region-by-location")
    Optional<String> regionByLocation;

    @Inject @ConfigProperty(name = "roster.policy")
    String policy;

    @Inject @ConfigProperty(name = "roster.demo.ldap.port")
    int demoPort;

    @Inject @ConfigProperty(name = "roster.demo.size")
    int demoSize;

    @Inject @ConfigProperty(name = "roster.sync.on-start")
    boolean syncOnStart;

    @Inject @ConfigProperty(name = "roster.safety.max-removal-share")
    double maxRemovalShare;

    @Inject @ConfigProperty(name = "roster.safety.max-removals")
    long maxRemovals;

    /** The one directory source there is for now; schedules and runs name it. */
    public static final String SOURCE_ID = "directory";

    @Inject @ConfigProperty(name = "roster.schedule")
    Optional<String> schedule;

    @Inject @ConfigProperty(name = "roster.schedule.zone", defaultValue = "UTC")
    String scheduleZone;

    @Inject @ConfigProperty(name = "roster.schedule.poll", defaultValue = "PT10S")
    String schedulePoll;

    /**
     * The schedule a source gets at its first start, if any: an ISO-8601 interval ({@code PT6H}) or
     * a five-field cron expression ({@code 30 2 * * *}). Changed later through the API, it stays.
     */
    public Optional<Schedule> schedule() {
        return schedule.map(String::strip).filter(s -> !s.isEmpty() && !"none".equals(s)).map(s -> {
            try {
                return s.startsWith("P") ? Schedule.interval(s)
                        : Schedule.cron(s, scheduleZone());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("roster.schedule: " + e.getMessage(), e);
            }
        });
    }

    public ZoneId scheduleZone() {
        try {
            return ZoneId.of(scheduleZone.strip());
        } catch (DateTimeException e) {
            throw new IllegalStateException("roster.schedule.zone is not a time zone such as Europe/Berlin: "
                    + scheduleZone, e);
        }
    }

    @Inject @ConfigProperty(name = "roster.directory.check-every", defaultValue = "PT30S")
    String directoryCheckEvery;

    /** How often the directory's reachability is asked in the background; probes read the last answer. */
    public Duration directoryCheckEvery() {
        Duration every = duration("roster.directory.check-every", directoryCheckEvery);
        if (every.isNegative() || every.isZero()) {
            throw new IllegalStateException("roster.directory.check-every must be positive, not "
                    + directoryCheckEvery);
        }
        return every;
    }

    /** How often each server looks for due schedules (and for runs of servers that went quiet). */
    public Duration schedulePoll() {
        Duration poll = duration("roster.schedule.poll", schedulePoll);
        if (poll.isNegative() || poll.isZero()) {
            throw new IllegalStateException("roster.schedule.poll must be positive, not " + schedulePoll);
        }
        return poll;
    }

    @Inject @ConfigProperty(name = "roster.server.id")
    Optional<String> serverId;

    @Inject @ConfigProperty(name = "roster.run.stale-after", defaultValue = "PT2M")
    String staleRunAfter;

    @Inject @ConfigProperty(name = "roster.delivery.platform", defaultValue = "recorded")
    String platformName;

    @Inject @ConfigProperty(name = "roster.delivery.journal", defaultValue = "deliveries.jsonl")
    String journal;

    @Inject @ConfigProperty(name = "roster.delivery.batch-size", defaultValue = "200")
    int deliveryBatchSize;

    @Inject @ConfigProperty(name = "roster.delivery.pause-millis", defaultValue = "0")
    long deliveryPauseMillis;

    private ContactPlatform platform;

    /**
     * This server's name among the servers sharing the database: configured, or the host name and
     * the Liberty server's name. A restarted server knows its own interrupted runs by it.
     */
    public String serverId() {
        return serverId.filter(s -> !s.isBlank()).orElseGet(() -> {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "localhost";
            }
            return host + "/" + System.getProperty("wlp.server.name", "roster") + ":"
                    + Path.of("").toAbsolutePath().hashCode();
        });
    }

    /** How long a run may go without reporting progress before another server takes it over. */
    public Duration staleRunAfter() {
        return duration("roster.run.stale-after", staleRunAfter);
    }

    /** Whether contacts go to employees' Telegram accounts ({@code roster.delivery.platform=telegram}). */
    public boolean telegramDelivery() {
        return "telegram".equals(platformName.strip());
    }

    /** Where contacts are delivered: {@code recorded} (the default) or {@code journal}; see {@link #telegramDelivery}. */
    public synchronized ContactPlatform platform() {
        if (platform == null) {
            platform = switch (platformName.strip()) {
                case "recorded" -> new RecordedContactPlatform();
                case "journal" -> new JournalContactPlatform(Path.of(journal));
                default -> throw new IllegalStateException("roster.delivery.platform must be recorded, journal or "
                        + "telegram, not " + platformName);
            };
        }
        return platform;
    }

    public int deliveryBatchSize() {
        if (deliveryBatchSize < 1) {
            throw new IllegalStateException("roster.delivery.batch-size must be at least 1, not " + deliveryBatchSize);
        }
        return deliveryBatchSize;
    }

    public long deliveryPauseMillis() {
        return Math.max(0, deliveryPauseMillis);
    }

    @Inject @ConfigProperty(name = "roster.db.url")
    Optional<String> dbUrl;

    @Inject @ConfigProperty(name = "roster.db.user", defaultValue = "roster")
    String dbUser;

    @Inject @ConfigProperty(name = "roster.db.password", defaultValue = "roster")
    String dbPassword;

    @Inject @ConfigProperty(name = "roster.db.embedded.port", defaultValue = "15432")
    int embeddedDbPort;

    @Inject @ConfigProperty(name = "roster.db.embedded.dir", defaultValue = "postgres")
    String embeddedDbDir;

    @Inject @ConfigProperty(name = "roster.db.embedded.bin")
    Optional<String> embeddedDbBin;

    /**
     * Whether Roster runs its own embedded PostgreSQL: when no database URL is configured, or the
     * configured one is the embedded database's own.
     */
    public boolean embeddedDatabase() {
        return dbUrl.filter(u -> !u.isBlank()).map(u -> u.strip().equals(EmbeddedPostgres.url(embeddedDbPort)))
                .orElse(true);
    }

    /** The embedded database, under the server's directory unless configured elsewhere. */
    EmbeddedPostgres embeddedPostgres(DatabaseCredentials owner) {
        return new EmbeddedPostgres(Path.of(embeddedDbDir), embeddedDbPort, owner,
                new DatabaseCredentials(dbUser(), dbPassword.toCharArray()),
                embeddedDbBin.filter(b -> !b.isBlank()).map(Path::of));
    }

    /** The role Roster works as in the database. */
    public String dbUser() {
        return dbUser.strip();
    }

    @Inject @ConfigProperty(name = "roster.audit.min-retention", defaultValue = "P365D")
    String minAuditRetention;

    /** The least any policy may keep audit records: drafts asking less are refused, older policies clamped. */
    public Duration minAuditRetention() {
        Duration floor = duration("roster.audit.min-retention", minAuditRetention);
        if (floor.isNegative()) {
            throw new IllegalStateException("roster.audit.min-retention must not be negative, not " + minAuditRetention);
        }
        return floor;
    }

    /** The safety limit on removals per run. */
    public RemovalGuard removalGuard() {
        return RemovalGuard.of(maxRemovalShare, maxRemovals);
    }

    @Inject @ConfigProperty(name = "roster.source.kind", defaultValue = "ldap")
    String sourceKind;

    @Inject @ConfigProperty(name = "roster.source.entra.tenant-id")
    Optional<String> entraTenant;

    @Inject @ConfigProperty(name = "roster.source.entra.client-id")
    Optional<String> entraClient;

    @Inject @ConfigProperty(name = "roster.source.entra.client-secret")
    Optional<String> entraSecret;

    @Inject @ConfigProperty(name = "roster.source.entra.group-ids")
    Optional<String> entraGroups;

    @Inject @ConfigProperty(name = "roster.source.entra.authority-host")
    Optional<String> entraAuthority;

    @Inject @ConfigProperty(name = "roster.source.entra.graph-url")
    Optional<String> entraGraph;

    @Inject @ConfigProperty(name = "roster.source.entra.trust-store")
    Optional<String> entraTrustStore;

    @Inject @ConfigProperty(name = "roster.source.entra.trust-store-password")
    Optional<String> entraTrustStorePassword;

    @Inject @ConfigProperty(name = "roster.source.merge-key", defaultValue = "id")
    String mergeKey;

    /**
     * What several sources' entries are merged by: {@code id} (the sources' identity attribute
     * values) or a field such as {@code mail}; entries with equal keys are one employee.
     */
    public MergeKey mergeKey() {
        try {
            return MergeKey.parse(mergeKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("roster.source.merge-key: " + e.getMessage(), e);
        }
    }

    /** Whether the server's configuration sets a source at all ({@code roster.source.kind=none}: only the API's). */
    public boolean configuredSource() {
        return !"none".equals(sourceKind.strip());
    }

    /** Whether the configured directory is an Entra ID tenant read through Microsoft Graph (else LDAP). */
    public boolean entraSource() {
        String kind = sourceKind.strip();
        if (!kind.equals("ldap") && !kind.equals("entra") && !kind.equals("none")) {
            throw new IllegalStateException("roster.source.kind must be ldap, entra or none, not " + sourceKind);
        }
        return kind.equals("entra");
    }

    /**
     * The source the server's configuration sets ({@code roster.source.ldap.*} or
     * {@code roster.source.entra.*}), or the embedded demo directory, described as the API's
     * sources are.
     */
    public SourceDefinition configuredDefinition() {
        Map<String, String> values = new HashMap<>();
        Map<String, Secret> secrets = new HashMap<>();
        values.put("default-region", defaultRegion);
        values.put("region-by-location", regionByLocation());
        if (entraSource()) {
            entraTenant.ifPresent(v -> values.put("tenant-id", v));
            entraClient.ifPresent(v -> values.put("client-id", v));
            entraGroups.ifPresent(v -> values.put("group-ids", v));
            entraAuthority.ifPresent(v -> values.put("authority-host", v));
            entraGraph.ifPresent(v -> values.put("graph-url", v));
            entraTrustStore.ifPresent(v -> values.put("trust-store", v));
            entraSecret.ifPresent(v -> secrets.put("client-secret", Secret.of(v.toCharArray())));
            entraTrustStorePassword.ifPresent(v -> secrets.put("trust-store-password", Secret.of(v.toCharArray())));
        } else {
            boolean demo = demoDirectory();
            values.put("url", demo ? "ldap://127.0.0.1:" + demoPort : ldapUrl.orElseThrow());
            values.put("base-dn", demo ? DemoDirectory.DEFAULT_BASE_DN : baseDn);
            values.put("filter", filter);
            values.put("id-attribute", idAttribute);
            // unset, it is the LDAP kind's default mapping, shown as any other setting
            values.put("mapping", mapping.orElseGet(() -> SourceKinds.named(SourceDefinition.LDAP).orElseThrow()
                    .defaults().get("mapping")));
            values.put("group-attribute", groupAttribute);
            values.put("page-size", Integer.toString(pageSize));
            values.put("connect-timeout", connectTimeout);
            values.put("response-timeout", responseTimeout);
            values.put("change-attribute", changeAttribute);
            // the demo directory is read anonymously and in the clear, whatever is configured for a real one
            if (!demo) {
                bindDn.ifPresent(v -> values.put("bind-dn", v));
                password.ifPresent(v -> secrets.put("password", Secret.of(v.toCharArray())));
                values.put("start-tls", Boolean.toString(startTls));
                trustStore.ifPresent(v -> values.put("trust-store", v));
                if (allowInsecure) {
                    values.put(CleartextBind.ALLOW, "true");
                }
                trustStorePassword.ifPresent(v -> secrets.put("trust-store-password", Secret.of(v.toCharArray())));
            }
        }
        values.values().removeIf(v -> v == null || v.isBlank());
        return new SourceDefinition(SOURCE_ID, entraSource() ? SourceDefinition.ENTRA : SourceDefinition.LDAP,
                demoDirectory() ? "Demo directory" : "Configured directory", 0, true, values, secrets, true);
    }

    /** Whether Roster serves and reads its embedded demo directory (an LDAP source with no URL configured). */
    public boolean demoDirectory() {
        return configuredSource() && !entraSource() && ldapUrl.filter(u -> !u.isBlank()).isEmpty();
    }

    @Inject @ConfigProperty(name = "roster.source.ldap.start-tls", defaultValue = "false")
    boolean startTls;

    @Inject @ConfigProperty(name = "roster.source.ldap.trust-store")
    Optional<String> trustStore;

    @Inject @ConfigProperty(name = "roster.source.ldap.allow-insecure", defaultValue = "false")
    boolean allowInsecure;

    @Inject @ConfigProperty(name = "roster.source.ldap.trust-store-password")
    Optional<String> trustStorePassword;

    @Inject @ConfigProperty(name = "roster.source.ldap.connect-timeout", defaultValue = "PT10S")
    String connectTimeout;

    @Inject @ConfigProperty(name = "roster.source.ldap.response-timeout", defaultValue = "PT60S")
    String responseTimeout;

    @Inject @ConfigProperty(name = "roster.source.ldap.change-attribute", defaultValue = "none")
    String changeAttribute;

    @Inject @ConfigProperty(name = "roster.source.full-read-every", defaultValue = "P1D")
    String fullReadEvery;

    /** How often a source that tracks changes is still read in full, to find who is gone. */
    public Duration fullReadEvery() {
        return duration("roster.source.full-read-every", fullReadEvery);
    }

    /** How the configured source's entries are normalised: by its default region and offices' regions. */
    public EntryNormaliser normaliser() {
        return configuredDefinition().normaliser(defaultRegion(), regionByLocation());
    }

    /** A setting that is an ISO-8601 duration, or an error naming the setting. */
    public static Duration duration(String key, String text) {
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(key + " is not an ISO-8601 duration such as PT10S or P1D: " + text, e);
        }
    }

    /** The attribute listing an entry's groups, read only when the policy has group rules. */
    public String groupAttribute() {
        return groupAttribute;
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    /**
     * Regions for numbers written without a country code, by office location; the demo directory's
     * offices are in several countries, so it always has them.
     */
    public String regionByLocation() {
        if (demoDirectory()) {
            return DemoDirectory.locationRegions().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(","));
        }
        return regionByLocation.orElse("");
    }

    public String policy() {
        return policy;
    }

    public int demoPort() {
        return demoPort;
    }

    public int demoSize() {
        return demoSize;
    }

    public boolean syncOnStart() {
        return syncOnStart;
    }
}
