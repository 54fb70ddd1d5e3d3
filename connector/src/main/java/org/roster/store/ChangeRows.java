package org.roster.store;

import java.io.StringReader;
import java.util.EnumMap;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import org.roster.policy.PersonField;
import org.roster.sync.ContactCard;
import org.roster.sync.ContactChange;

/**
 * How a contact change is kept in a row of the outbox and of the delivered state: its action as
 * text, and the released fields of its card as a flat JSON object keyed by the policy's field names.
 */
final class ChangeRows {

    /**
     * The JSON provider, looked up once: {@code Json.createObjectBuilder()} and its kind look the
     * provider up again on every call, which cost planning and delivery most of their time.
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    private ChangeRows() {
    }

    /** The card an add or an update delivers; none for a removal. */
    static ContactCard card(ContactChange change) {
        return change instanceof ContactChange.Add add ? add.card()
                : change instanceof ContactChange.Update update ? update.card() : null;
    }

    static String action(ContactChange change) {
        return change instanceof ContactChange.Add ? "ADD" : change instanceof ContactChange.Update ? "UPDATE" : "REMOVE";
    }

    /** The change a row holds, as {@link #action} and {@link #toJson} wrote it. */
    static ContactChange change(String action, String contactId, String fields, String ruleId) {
        return switch (action) {
            case "ADD" -> new ContactChange.Add(new ContactCard(contactId, fromJson(fields), ruleId));
            case "UPDATE" -> new ContactChange.Update(new ContactCard(contactId, fromJson(fields), ruleId));
            default -> new ContactChange.Remove(contactId);
        };
    }

    /** The released fields as stored: a flat JSON object keyed by the policy's field names. */
    static String toJson(Map<PersonField, String> fields) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        fields.forEach((field, value) -> json.add(field.policyName(), value));
        return json.build().toString();
    }

    /** Reads what {@link #toJson} wrote. */
    static Map<PersonField, String> fromJson(String text) {
        Map<PersonField, String> fields = new EnumMap<>(PersonField.class);
        try (var reader = JSON.createReader(new StringReader(text))) {
            JsonObject json = reader.readObject();
            json.forEach((name, value) -> PersonField.byName(name).ifPresent(field ->
                    fields.put(field, ((JsonString) value).getString())));
        }
        return fields;
    }
}
