package org.roster.platform.telegram;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

/**
 * How TDLib 1.8.67 parses the JSON of a request, for the requests the emulator knows, so that the
 * emulator refuses what TDLib refuses with TDLib's words: text that is not JSON, an object without
 * a known {@code "@type"}, a field of the wrong kind. As TDLib does, it ignores fields it does not
 * know, takes a missing field as its default, accepts numbers written as strings, and does not
 * check the {@code "@type"} of nested objects. The shapes are td_api.tl's, checked against the real
 * library by {@code EmulatorConformanceTest}.
 *
 * <pre>{@code
 * TdlibRequestShapes.parse("{\"@type\":\"getUser\",\"user_id\":true}").error();
 * // "Failed to parse JSON object as TDLib request: Expected String or Number, but receive Boolean"
 * }</pre>
 */
public final class TdlibRequestShapes {

    /** The kinds of td_api.tl's field types, as TDLib's JSON parser tells them apart. */
    private enum Kind { INT32, INT53, BOOL, STRING, BYTES, OBJECT, INT53_ARRAY, OBJECT_ARRAY }

    /** A nested {@code importedContact} (earlier {@code contact}): what importContacts carries. */
    private static final Map<String, Kind> CONTACT = Map.of("phone_number", Kind.STRING, "first_name", Kind.STRING,
            "last_name", Kind.STRING, "vcard", Kind.STRING, "user_id", Kind.INT53, "note", Kind.OBJECT);

    private static final Map<String, Map<String, Kind>> REQUESTS = Map.ofEntries(
            Map.entry("getAuthorizationState", Map.of()),
            Map.entry("setTdlibParameters", Map.ofEntries(Map.entry("use_test_dc", Kind.BOOL),
                    Map.entry("database_directory", Kind.STRING), Map.entry("files_directory", Kind.STRING),
                    Map.entry("database_encryption_key", Kind.BYTES), Map.entry("use_file_database", Kind.BOOL),
                    Map.entry("use_chat_info_database", Kind.BOOL), Map.entry("use_message_database", Kind.BOOL),
                    Map.entry("use_secret_chats", Kind.BOOL), Map.entry("api_id", Kind.INT32),
                    Map.entry("api_hash", Kind.STRING), Map.entry("system_language_code", Kind.STRING),
                    Map.entry("device_model", Kind.STRING), Map.entry("system_version", Kind.STRING),
                    Map.entry("application_version", Kind.STRING))),
            Map.entry("setAuthenticationPhoneNumber", Map.of("phone_number", Kind.STRING, "settings", Kind.OBJECT)),
            Map.entry("checkAuthenticationCode", Map.of("code", Kind.STRING)),
            Map.entry("checkAuthenticationPassword", Map.of("password", Kind.STRING)),
            Map.entry("logOut", Map.of()),
            Map.entry("close", Map.of()),
            Map.entry("getMe", Map.of()),
            Map.entry("getContacts", Map.of()),
            Map.entry("getUser", Map.of("user_id", Kind.INT53)),
            Map.entry("importContacts", Map.of("contacts", Kind.OBJECT_ARRAY)),
            Map.entry("removeContacts", Map.of("user_ids", Kind.INT53_ARRAY)),
            Map.entry("getOption", Map.of("name", Kind.STRING)),
            Map.entry("setLogVerbosityLevel", Map.of("new_verbosity_level", Kind.INT32)));

    private static final String NOT_A_REQUEST = "Failed to parse JSON object as TDLib request: ";

    /** A request as TDLib parses it: the object and its type, or the error TDLib answers with. */
    record Parsed(JsonObject request, String type, String error) {
        boolean ok() {
            return error == null;
        }

        /** The request's {@code "@extra"} if the text was a JSON object with one, else JSON null. */
        JsonValue extra() {
            return request == null ? JsonValue.NULL : request.getOrDefault("@extra", JsonValue.NULL);
        }
    }

    private TdlibRequestShapes() {
    }

    static Parsed parse(String text) {
        JsonStructure structure;
        try (JsonReader reader = Json.createReader(new StringReader(text == null ? "" : text))) {
            structure = reader.read();
        } catch (JsonException | IllegalStateException e) {
            return new Parsed(null, "", "Failed to parse request as JSON object: " + e.getMessage());
        }
        if (!(structure instanceof JsonObject request)) {
            return new Parsed(null, "", "Expected a JSON object");
        }
        JsonValue type = request.get("@type");
        if (type == null) {
            return new Parsed(request, "", NOT_A_REQUEST + "Can't find field \"@type\"");
        }
        if (!(type instanceof JsonString name)) {
            return new Parsed(request, "", NOT_A_REQUEST + "Unknown constructor " + type);
        }
        Map<String, Kind> fields = REQUESTS.get(name.getString());
        if (fields == null) {
            return new Parsed(request, name.getString(), NOT_A_REQUEST + "Unknown class \"" + name.getString() + "\"");
        }
        Optional<String> wrong = check(request, fields);
        return new Parsed(request, name.getString(), wrong.map(w -> NOT_A_REQUEST + w).orElse(null));
    }

    private static Optional<String> check(JsonObject object, Map<String, Kind> fields) {
        for (Map.Entry<String, Kind> field : fields.entrySet()) {
            JsonValue value = object.get(field.getKey());
            if (value == null || value == JsonValue.NULL) {
                continue;
            }
            Optional<String> wrong = check(value, field.getValue());
            if (wrong.isPresent()) {
                return wrong;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> check(JsonValue value, Kind kind) {
        return switch (kind) {
            case INT32 -> integer(value, "Number");
            case INT53 -> integer(value, "String or Number");
            case BOOL -> value.getValueType() == JsonValue.ValueType.TRUE
                    || value.getValueType() == JsonValue.ValueType.FALSE || value instanceof JsonNumber
                    ? Optional.empty() : expected("Boolean", value);
            case STRING -> value instanceof JsonString ? Optional.empty() : expected("String", value);
            case BYTES -> bytes(value);
            case OBJECT -> value instanceof JsonObject ? Optional.empty() : expected("Object", value);
            case INT53_ARRAY -> elements(value, Kind.INT53);
            case OBJECT_ARRAY -> {
                Optional<String> wrong = elements(value, Kind.OBJECT);
                if (wrong.isEmpty()) {
                    for (JsonValue element : value.asJsonArray()) {
                        if (element instanceof JsonObject contact) {
                            wrong = check(contact, CONTACT);
                            if (wrong.isPresent()) {
                                break;
                            }
                        }
                    }
                }
                yield wrong;
            }
        };
    }

    private static Optional<String> elements(JsonValue value, Kind kind) {
        if (!(value instanceof JsonArray array)) {
            return expected("Array", value);
        }
        for (JsonValue element : array) {
            if (element != JsonValue.NULL) {
                Optional<String> wrong = check(element, kind);
                if (wrong.isPresent()) {
                    return wrong;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> integer(JsonValue value, String expected) {
        String text;
        if (value instanceof JsonNumber number) {
            text = number.toString();
        } else if (value instanceof JsonString string) {
            text = string.getString();
        } else {
            return expected(expected, value);
        }
        try {
            new BigDecimal(text).longValueExact();
            if (text.matches("-?\\d+")) {
                return Optional.empty();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // not an integer: TDLib's words follow
        }
        return Optional.of("Can't parse as an integer string \"" + text + "\"");
    }

    private static Optional<String> bytes(JsonValue value) {
        if (!(value instanceof JsonString string)) {
            return expected("String", value);
        }
        try {
            Base64.getDecoder().decode(string.getString());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("Wrong padding length");
        }
    }

    private static Optional<String> expected(String kind, JsonValue value) {
        return Optional.of("Expected " + kind + ", but receive " + kindOf(value));
    }

    private static String kindOf(JsonValue value) {
        return switch (value.getValueType()) {
            case ARRAY -> "Array";
            case OBJECT -> "Object";
            case STRING -> "String";
            case NUMBER -> "Number";
            case TRUE, FALSE -> "Boolean";
            case NULL -> "Null";
        };
    }
}
