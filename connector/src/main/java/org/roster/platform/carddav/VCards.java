package org.roster.platform.carddav;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.StructuredName;
import org.roster.policy.PersonField;
import org.roster.sync.ContactCard;

/**
 * Writes a contact card as a vCard (3.0 or 4.0) with ez-vcard. Only the card's fields are written,
 * and a card holds only what the policy releases; nothing else of the colleague can appear.
 *
 * <pre>{@code
 * String text = VCards.write(card, VCardVersion.V3_0);
 * }</pre>
 */
public final class VCards {

    private VCards() {
    }

    /** The card's stable UID: the same colleague has the same UID in every address book. */
    public static String uid(String contactId) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("roster-contact:" + contactId).getBytes(StandardCharsets.UTF_8));
    }

    public static String write(ContactCard card, VCardVersion version) {
        Map<PersonField, String> fields = card.fields();
        VCard vcard = new VCard();
        vcard.setUid(new ezvcard.property.Uid(uid(card.contactId())));
        String given = fields.get(PersonField.GIVEN_NAME);
        String surname = fields.get(PersonField.SURNAME);
        if (given != null || surname != null) {
            StructuredName name = new StructuredName();
            name.setGiven(given);
            name.setFamily(surname);
            vcard.setStructuredName(name);
        }
        vcard.setFormattedName(formattedName(fields));
        if (fields.containsKey(PersonField.MOBILE)) {
            vcard.addTelephoneNumber(fields.get(PersonField.MOBILE), TelephoneType.CELL);
        }
        if (fields.containsKey(PersonField.WORK_PHONE)) {
            vcard.addTelephoneNumber(fields.get(PersonField.WORK_PHONE), TelephoneType.WORK);
        }
        if (fields.containsKey(PersonField.MAIL)) {
            vcard.addEmail(fields.get(PersonField.MAIL), EmailType.WORK);
        }
        if (fields.containsKey(PersonField.DEPARTMENT)) {
            vcard.setOrganization(fields.get(PersonField.DEPARTMENT));
        }
        if (fields.containsKey(PersonField.TITLE)) {
            vcard.addTitle(fields.get(PersonField.TITLE));
        }
        if (fields.containsKey(PersonField.LOCATION)) {
            vcard.addExtendedProperty("X-ROSTER-LOCATION", fields.get(PersonField.LOCATION));
        }
        return Ezvcard.write(vcard).version(version).prodId(false).go();
    }

    /** FN is required: the display name, else the names, else the first number released. */
    private static String formattedName(Map<PersonField, String> fields) {
        if (fields.containsKey(PersonField.DISPLAY_NAME)) {
            return fields.get(PersonField.DISPLAY_NAME);
        }
        String names = (fields.getOrDefault(PersonField.GIVEN_NAME, "") + " "
                + fields.getOrDefault(PersonField.SURNAME, "")).strip();
        if (!names.isEmpty()) {
            return names;
        }
        return fields.getOrDefault(PersonField.MOBILE, fields.getOrDefault(PersonField.WORK_PHONE,
                fields.getOrDefault(PersonField.MAIL, "Colleague")));
    }
}
