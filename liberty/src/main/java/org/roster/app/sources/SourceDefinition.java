package org.roster.app.sources;

import java.util.ArrayList;
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
import org.roster.source.SourceConfiguration;
import org.roster.source.SourceKind;
import org.roster.source.SourceKinds;
import org.roster.source.SourceSettings;

/**
 * One directory source as an admin describes it: what kind it is, its settings (the same names as
 * the {@code roster.source.ldap.*} and {@code roster.source.entra.*} configuration keys, without the
 * prefix), its secrets, and where it stands among the others when their entries are merged. The
 * source set in the server's configuration and the sources added through the API are both
 * described this way, and become a reader's configuration through the same code: their
 * {@link SourceKind}'s, which knows the settings it takes.
 *
 * <pre>{@code
 * SourceDefinition hr = new SourceDefinition("hr", "ldap", "HR directory", 10, true,
 *         Map.of("url", "ldaps://ldap.example.org", "base-dn", "ou=people,dc=example,dc=org"),
 *         Map.of("password", Secret.of(pw)), false);
 * SourceConfiguration config = hr.configuration(); // or IllegalArgumentException naming the bad setting
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

    /** The setting with which an admin accepts a password over plain ldap:// ({@link CleartextBind}). */
    public static final String ALLOW_INSECURE = "allow-insecure";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Set<String> COMMON = Set.of("default-region", "region-by-location", "page-size");

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
        Optional<SourceKind> sourceKind = SourceKinds.named(kind);
        if (sourceKind.isEmpty()) {
            throw new IllegalArgumentException("the source kind must be " + kindNames() + ", not \"" + kind + "\"");
        }
        Set<String> allowed = new HashSet<>(COMMON);
        allowed.addAll(sourceKind.get().settings());
        List<String> unknown = settings.keySet().stream().filter(k -> !allowed.contains(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("an " + kind + " source has no setting " + String.join(", ", unknown)
                    + "; it takes " + String.join(", ", new TreeSet<>(allowed)));
        }
        Set<String> secretNames = sourceKind.get().secrets();
        List<String> unknownSecrets = secrets.keySet().stream().filter(k -> !secretNames.contains(k)).sorted().toList();
        if (!unknownSecrets.isEmpty()) {
            throw new IllegalArgumentException("an " + kind + " source has no secret "
                    + String.join(", ", unknownSecrets) + "; it takes " + String.join(", ",
                    new TreeSet<>(secretNames)));
        }
        configuration();
        if (allowed.contains(ALLOW_INSECURE)) {
            String allow = settings.getOrDefault(ALLOW_INSECURE, "false").strip();
            if (!allow.equals("true") && !allow.equals("false")) {
                throw new IllegalArgumentException("source " + id + ": " + ALLOW_INSECURE
                        + " must be true or false, not " + allow);
            }
        }
        Optional<String> exposedTo = secretInClearTextTo();
        if (exposedTo.isPresent() && !allowsInsecure()) {
            throw new IllegalArgumentException("source " + id + ": a password would travel in clear text to "
                    + exposedTo.get().strip() + ": use ldaps:// or start-tls, or set " + ALLOW_INSECURE
                    + " to true to accept that");
        }
        normaliser("DE", "");
        return this;
    }

    /** The installed kinds' names, for an admin: {@code "ldap" or "entra"}. */
    private static String kindNames() {
        List<String> names = new ArrayList<>(SourceKinds.installed().stream().map(k -> "\"" + k.name() + "\"")
                .toList());
        if (names.size() < 2) {
            return String.join("", names);
        }
        String last = names.remove(names.size() - 1);
        return String.join(", ", names) + " or " + last;
    }

    /** The kind of this source, which knows its settings. */
    public SourceKind sourceKind() {
        return SourceKinds.named(kind).orElseThrow(() -> new IllegalArgumentException("source " + id
                + ": there is no source kind " + kind));
    }

    /** The names of the secrets this kind of source takes. */
    public Set<String> secretNames() {
        return sourceKind().secrets();
    }

    /** Whether this source can read only what changed since its last read. */
    public boolean tracksChanges() {
        return configuration().tracksChanges();
    }

    /** The source as its kind reads it: ready to connect to. */
    public SourceConfiguration configuration() {
        return sourceKind().configure(sourceSettings());
    }

    /** Its settings and secrets, as its kind reads them. */
    public SourceSettings sourceSettings() {
        return new SourceSettings(id, settings, secrets);
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

    @Override
    public String toString() {
        // settings hold no secrets; secrets are named, never shown
        return "SourceDefinition[" + id + ", " + kind + ", precedence " + precedence + ", secrets set "
                + new TreeSet<>(secrets.keySet()) + "]";
    }

    /** Where this source would send its secret in clear text, if it would: its kind says. */
    public Optional<String> secretInClearTextTo() {
        return SourceKinds.named(kind).flatMap(sourceKind -> sourceKind.secretInClearTextTo(sourceSettings()));
    }

    /** Whether an admin has accepted a password over plain ldap:// for this source. */
    public boolean allowsInsecure() {
        return Boolean.parseBoolean(settings.getOrDefault(ALLOW_INSECURE, "false").strip());
    }
}
