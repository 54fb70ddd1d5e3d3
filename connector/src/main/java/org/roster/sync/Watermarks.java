package org.roster.sync;

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
 * One watermark per source, kept in the run's single watermark as a JSON object. A watermark that
 * is not a JSON object is the single source's of a run that read one source.
 *
 * <pre>{@code
 * String kept = Watermarks.format(Map.of("hr", "20261125120000Z", "entra", "https://graph…/delta?…"));
 * Watermarks.parse(kept, "directory").get("hr"); // "20261125120000Z"
 * }</pre>
 */
public final class Watermarks {

    private Watermarks() {
    }

    public static String format(Map<String, String> bySource) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        bySource.forEach(object::add);
        return object.build().toString();
    }

    /**
     * @param single the source a watermark that is not an object belongs to
     */
    public static Map<String, String> parse(String kept, String single) {
        Map<String, String> bySource = new LinkedHashMap<>();
        if (kept == null || kept.isBlank()) {
            return bySource;
        }
        if (!kept.startsWith("{")) {
            bySource.put(single, kept);
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
