package org.roster.app.sources;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.roster.source.Secret;
import org.roster.source.SourceKinds;

/**
 * A source's secrets belong to the endpoint they were given for. When a change points the source
 * elsewhere (another server, bind account, tenant, app registration, sign-in or Graph host, or
 * trust store), the stored secrets are dropped unless the same change supplies them again:
 * otherwise the next test or run would hand a bind password or client secret to whatever server
 * the new settings name.
 *
 * <pre>{@code
 * SecretsBoundToEndpoint.Carried carried = SecretsBoundToEndpoint.carry(old, "ldap", newSettings, requestSecrets);
 * carried.secrets();  // what the changed source starts from, before the request's own secrets apply
 * carried.cleared();  // e.g. [password], to say so in the answer and the audit trail
 * }</pre>
 */
final class SecretsBoundToEndpoint {

    /**
     * The settings that say where a source's secrets go, or what vouches for that place, as each
     * kind names them; a kind's setting of that name never means anything else in another kind.
     */
    static final Set<String> ENDPOINT = SourceKinds.endpointSettings();

    /**
     * The secrets a changed source keeps, and the names of those it loses.
     *
     * @param secrets     the stored secrets the changed source starts from
     * @param moved       the endpoint settings that changed (or {@code kind} when the kind changed), sorted
     * @param cleared     the stored secrets dropped because of that and not supplied again, sorted
     */
    record Carried(Map<String, Secret> secrets, List<String> moved, List<String> cleared) {

        Carried {
            secrets = Map.copyOf(secrets);
            moved = List.copyOf(moved);
            cleared = List.copyOf(cleared);
        }

        /** A sentence for the admin, or empty when nothing was cleared. */
        String sentence() {
            if (cleared.isEmpty()) {
                return "";
            }
            return "The stored " + String.join(" and ", cleared) + (cleared.size() == 1 ? " was" : " were")
                    + " cleared because " + String.join(", ", moved) + " changed: a secret is only sent where it "
                    + "was given for. Supply " + (cleared.size() == 1 ? "it" : "them") + " again in the same "
                    + "change to keep " + (cleared.size() == 1 ? "it" : "them") + ".";
        }
    }

    private SecretsBoundToEndpoint() {
    }

    /**
     * Which of {@code old}'s secrets carry over to its changed description.
     *
     * @param kind     the changed source's kind
     * @param settings the changed source's settings
     * @param supplied the secrets the change itself names (an empty one clears, a filled one replaces)
     */
    static Carried carry(SourceDefinition old, String kind, Map<String, String> settings,
                         Map<String, Secret> supplied) {
        List<String> moved = new ArrayList<>();
        if (!Objects.equals(old.kind(), kind)) {
            moved.add("kind");
        }
        for (String key : new TreeSet<>(ENDPOINT)) {
            if (!normalised(old.settings().get(key)).equals(normalised(settings.get(key)))) {
                moved.add(key);
            }
        }
        if (moved.isEmpty()) {
            return new Carried(old.secrets(), List.of(), List.of());
        }
        List<String> cleared = new ArrayList<>();
        for (String name : new TreeSet<>(old.secrets().keySet())) {
            if (!supplied.containsKey(name)) {
                cleared.add(name);
            }
        }
        return new Carried(Map.of(), moved, cleared);
    }

    private static String normalised(String value) {
        return value == null ? "" : value.strip();
    }
}
