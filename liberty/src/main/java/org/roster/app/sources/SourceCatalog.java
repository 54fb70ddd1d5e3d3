package org.roster.app.sources;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import org.roster.app.audit.AuditTrail;
import org.roster.app.config.RosterSettings;
import org.roster.app.config.TransactionalWork;
import org.roster.app.http.Problem;
import org.roster.app.keys.SecretKeys;
import org.roster.records.StoredSource;
import org.roster.records.StoredSources;
import org.roster.source.Secret;
import org.roster.store.SecretBox;

/**
 * Every directory source Roster reads: the one the server's configuration sets (id
 * {@value RosterSettings#SOURCE_ID}, read-only here), and those admins add through the API, kept in
 * the database with their secrets sealed ({@link SecretBox}) under {@code roster.secrets.key}.
 * Each change commits with its audit record, which names the actor; secrets appear in no answer,
 * log line or audit record.
 *
 * <pre>{@code
 * List<SourceDefinition> sources = catalog.enabled(); // in precedence order
 * catalog.create(definition, "admin");
 * }</pre>
 */
@ApplicationScoped
public class SourceCatalog {

    @Inject
    StoredSources stored;

    @Inject
    TransactionalWork tx;

    @Inject
    RosterSettings settings;

    @Inject
    AuditTrail trail;

    @Inject
    SecretKeys keys;

    private final Clock clock = Clock.systemUTC();

    /** Every source, configured first, then by precedence and id. */
    public List<SourceDefinition> all() {
        List<SourceDefinition> all = new ArrayList<>();
        if (settings.configuredSource()) {
            all.add(settings.configuredDefinition());
        }
        tx.inTransaction(() -> stored.all())
                .forEach(s -> all.add(definition(s)));
        all.sort(Comparator.comparingInt(SourceDefinition::precedence).thenComparing(SourceDefinition::id));
        return all;
    }

    /** The sources runs read. */
    public List<SourceDefinition> enabled() {
        return all().stream().filter(SourceDefinition::enabled).toList();
    }

    public Optional<SourceDefinition> find(String id) {
        if (settings.configuredSource() && RosterSettings.SOURCE_ID.equals(id)) {
            return Optional.of(settings.configuredDefinition());
        }
        return tx.inTransaction(() -> stored.find(id)).map(this::definition);
    }

    /**
     * Adds a source.
     *
     * @throws IllegalArgumentException when the definition is invalid or the id is taken
     */
    public SourceDefinition create(SourceDefinition definition, String actor) {
        definition.validated();
        if (find(definition.id()).isPresent() || RosterSettings.SOURCE_ID.equals(definition.id())) {
            throw new IllegalStateException("There is a source " + definition.id() + " already.");
        }
        String sealed = seal(definition);
        tx.inTransaction(() -> {
            stored.add(stored(definition, sealed), actor, clock.instant());
            audit(actor, "source.created", definition, "added " + describe(definition));
            if (CleartextBind.allowed(definition)) {
                auditInsecure(actor, definition);
            }
        });
        return find(definition.id()).orElseThrow();
    }

    /**
     * Replaces an API source's description; secrets left out are kept, empty ones are cleared.
     *
     * @return the source as now stored
     */
    public Updated update(SourceDefinition changed, Map<String, Secret> secretChanges, String actor) {
        SourceDefinition old = find(changed.id()).orElseThrow(() -> Problem.notFound("There is no source "
                + changed.id() + "."));
        if (old.configured()) {
            throw new IllegalStateException("The source " + changed.id() + " is set in the server's configuration "
                    + "(roster.source.*); change it there.");
        }
        SecretsBoundToEndpoint.Carried carried = SecretsBoundToEndpoint.carry(old, changed.kind(), changed.settings(),
                secretChanges);
        SourceDefinition next = new SourceDefinition(changed.id(), changed.kind(), changed.name(), changed.precedence(),
                changed.enabled(), changed.settings(), carried.secrets(), false).withSecrets(secretChanges).validated();
        String sealed = seal(next);
        List<String> what = new ArrayList<>();
        Map<String, String> before = new TreeMap<>(old.settings());
        next.settings().forEach((k, v) -> {
            if (!v.equals(before.remove(k))) {
                what.add(k + " = " + v);
            }
        });
        before.keySet().forEach(k -> what.add(k + " unset"));
        secretChanges.forEach((k, v) -> what.add(k + (v.isEmpty() ? " cleared" : " changed")));
        carried.cleared().forEach(k -> what.add(k + " cleared because " + String.join(", ", carried.moved())
                + " changed"));
        if (old.precedence() != next.precedence()) {
            what.add("precedence " + old.precedence() + " -> " + next.precedence());
        }
        if (old.enabled() != next.enabled()) {
            what.add(next.enabled() ? "enabled" : "disabled");
        }
        tx.inTransaction(() -> {
            stored.replace(stored(next, sealed), actor, clock.instant());
            audit(actor, "source.updated", next, "changed " + next.id() + ": " + (what.isEmpty() ? "nothing" : what));
            if (CleartextBind.allowed(next) && !CleartextBind.allowed(old)) {
                auditInsecure(actor, next);
            }
        });
        return new Updated(find(next.id()).orElseThrow(), carried.cleared(), carried.sentence());
    }

    /**
     * A changed source as now stored, and the secrets the change cleared because it pointed the
     * source at another endpoint without supplying them again (names only).
     *
     * @param notice a sentence saying so, or empty
     */
    public record Updated(SourceDefinition source, List<String> secretsCleared, String notice) {
    }

    /** Accepting a password in clear text is a decision an auditor should find on its own. */
    private void auditInsecure(String actor, SourceDefinition source) {
        audit(actor, "source.insecure-allowed", source, "allowed " + source.id() + " to bind with its password in "
                + "clear text (" + CleartextBind.ALLOW + " = true) to " + source.settings().get("url"));
    }

    /** Removes an API source; the next complete run drops its entries, and whoever is in no other source leaves. */
    public void delete(String id, String actor) {
        SourceDefinition old = find(id).orElseThrow(() -> Problem.notFound("There is no source " + id + "."));
        if (old.configured()) {
            throw new IllegalStateException("The source " + id + " is set in the server's configuration "
                    + "(roster.source.*); set roster.source.kind=none to read only the sources added here.");
        }
        tx.inTransaction(() -> {
            stored.remove(id);
            audit(actor, "source.deleted", old, "removed " + describe(old) + "; the next complete run withdraws the "
                    + "contacts only it provided");
        });
    }

    /** Records a change in the transaction that makes it: both commit, or neither. */
    private void audit(String actor, String action, SourceDefinition source, String detail) {
        trail.record(actor, action, "source:" + source.id(), detail);
    }

    /** What a source is, for the audit trail: settings (which hold no secrets) and which secrets are set. */
    private static String describe(SourceDefinition d) {
        return d.kind() + " source " + d.id() + " (" + d.name() + ", precedence " + d.precedence()
                + (d.enabled() ? "" : ", disabled") + ") with settings " + new TreeMap<>(d.settings())
                + " and secrets " + new TreeSet<>(d.secrets().keySet());
    }

    private SourceDefinition definition(StoredSource row) {
        Map<String, Secret> secrets = new HashMap<>();
        row.sealedSecrets().ifPresent(sealed -> {
            byte[] plain = box().open(sealed, context(row.id()));
            try (JsonReader reader = Json.createReader(new StringReader(new String(plain, StandardCharsets.UTF_8)))) {
                reader.readObject().forEach((k, v) -> secrets.put(k, Secret.of(((JsonString) v).getString()
                        .toCharArray())));
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        });
        return new SourceDefinition(row.id(), row.kind(), row.name(), row.precedence(), row.enabled(),
                row.settings(), secrets, false);
    }

    private static StoredSource stored(SourceDefinition d, String sealed) {
        return new StoredSource(d.id(), d.kind(), d.name(), d.precedence(), d.enabled(), d.settings(),
                Optional.ofNullable(sealed));
    }

    private String seal(SourceDefinition d) {
        if (d.secrets().isEmpty()) {
            return null;
        }
        JsonObjectBuilder json = Json.createObjectBuilder();
        d.secrets().forEach((name, secret) -> {
            char[] value = secret.reveal();
            json.add(name, new String(value));
            Arrays.fill(value, '\0');
        });
        return box().seal(json.build().toString().getBytes(StandardCharsets.UTF_8), context(d.id()));
    }

    private static String context(String id) {
        return "directory_source:" + id;
    }

    private SecretBox box() {
        return keys.box();
    }
}
