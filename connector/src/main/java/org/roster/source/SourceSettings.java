package org.roster.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One source's settings and secrets as an admin wrote them, before its kind has read them; with the
 * readings every kind needs, whose errors name the source and the setting.
 *
 * <pre>{@code
 * SourceSettings hr = new SourceSettings("hr", Map.of("url", "ldaps://ldap.example.org"), Map.of());
 * String url = hr.required("url"); // or "source hr: the setting url is required"
 * }</pre>
 *
 * @param sourceId the source's id, which every error names
 * @param values   its settings by name (they hold no secrets)
 * @param secrets  its secrets by name
 */
public record SourceSettings(String sourceId, Map<String, String> values, Map<String, Secret> secrets) {

    public SourceSettings {
        values = Map.copyOf(new TreeMap<>(values));
        secrets = Map.copyOf(secrets);
    }

    /** A setting as written, stripped, or {@code fallback} when it is left out or blank. */
    public String valueOr(String key, String fallback) {
        String value = values.get(key);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** A setting that must be given, stripped. */
    public String required(String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("source " + sourceId + ": the setting " + key + " is required");
        }
        return value.strip();
    }

    /** A secret, or none when not set. */
    public Secret secret(String name) {
        return secrets.getOrDefault(name, Secret.none());
    }

    /** The trust store named by the {@code trust-store} setting, if one is; it must be readable. */
    public Optional<Path> trustStore() {
        Optional<String> store = Optional.ofNullable(values.get("trust-store")).filter(t -> !t.isBlank());
        if (store.isEmpty()) {
            return Optional.empty();
        }
        Path path = Path.of(store.get().strip());
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("source " + sourceId + ": the trust store " + path + " can't be read");
        }
        return Optional.of(path);
    }

    /** An error in these settings, said as every error about this source is: naming it first. */
    public IllegalArgumentException problem(String message, Throwable cause) {
        return new IllegalArgumentException("source " + sourceId + ": " + message, cause);
    }

    @Override
    public String toString() {
        // settings hold no secrets; secrets are named, never shown
        return "SourceSettings[" + sourceId + ", " + new TreeMap<>(values) + ", secrets set "
                + new TreeMap<>(secrets).keySet() + "]";
    }
}
