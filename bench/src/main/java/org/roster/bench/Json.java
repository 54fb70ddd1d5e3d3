package org.roster.bench;

import java.io.StringWriter;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

/** The report as pretty-printed JSON, through JSON-P. */
final class Json {

    private Json() {
    }

    static String write(Map<String, Object> report) {
        JsonObject json = jakarta.json.Json.createObjectBuilder(report).build();
        StringWriter out = new StringWriter();
        try (JsonWriter writer = jakarta.json.Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(out)) {
            writer.writeObject(json);
        }
        return out.toString().strip() + "\n";
    }
}
