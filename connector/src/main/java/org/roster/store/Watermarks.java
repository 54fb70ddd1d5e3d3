package org.roster.store;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * How the store keeps a run's watermarks: one per source, by source id, as one JSON object in the
 * run's row. The engine hands over and gets back a map; the format is the store's business. A kept
 * value that is not a JSON object was written before runs read several sources, by the configured
 * source, whose id is {@value #CONFIGURED_SOURCE}.
 *
 * <pre>{@code
 * String kept = Watermarks.format(Map.of("hr", "20261125120000Z", "entra", "https://graph…/delta?…"));
 * Watermarks.parse(kept).get("hr"); // "20261125120000Z"
 * }</pre>
 */
public final class Watermarks {

    /** The id of the source configured in the server's settings, which kept plain watermarks. */
    public static final String CONFIGURED_SOURCE = "directory";

    private Watermarks() {
    }

    /** The JSON object of these watermarks, or null when there are none (the run tracked no changes). */
    public static String format(Map<String, String> bySource) {
        if (bySource.isEmpty()) {
            return null;
        }
        JsonObjectBuilder object = Json.createObjectBuilder();
        bySource.forEach(object::add);
        return object.build().toString();
    }

    /** The watermarks kept, by source id; empty when none were, or when they can't be read. */
    public static Map<String, String> parse(String kept) {
        Map<String, String> bySource = new LinkedHashMap<>();
        if (kept == null || kept.isBlank()) {
            return bySource;
        }
        if (!kept.startsWith("{")) {
            bySource.put(CONFIGURED_SOURCE, kept);
            return bySource;
        }
        try (JsonReader reader = Json.createReader(new StringReader(kept))) {
            reader.readObject().forEach((source, value) -> {
                if (value.getValueType() == JsonValue.ValueType.STRING) {
                    bySource.put(source, ((JsonString) value).getString());
                }
            });
        } catch (JsonException e) {
            // an unreadable watermark means reading in full, which is always safe
            bySource.clear();
        }
        return bySource;
    }
}
