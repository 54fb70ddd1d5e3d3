package org.roster.records;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A directory source an admin added, as kept: its description and its secrets, sealed as one
 * value by whoever holds the secrets key (the store never sees them in clear).
 *
 * @param settings      the source's settings, which hold no secrets
 * @param sealedSecrets its secrets sealed together, or empty when it has none
 */
public record StoredSource(String id, String kind, String name, int precedence, boolean enabled,
                           Map<String, String> settings, Optional<String> sealedSecrets) {

    public StoredSource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        settings = Map.copyOf(new TreeMap<>(settings));
        Objects.requireNonNull(sealedSecrets, "sealedSecrets");
    }
}
