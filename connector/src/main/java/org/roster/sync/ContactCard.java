package org.roster.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.roster.policy.PersonField;

/**
 * What one viewer is to receive about one colleague: only the fields the policy releases, and the
 * visibility rule that grants it.
 *
 * <pre>{@code
 * ContactCard card = new ContactCard("p7", Map.of(PersonField.SURNAME, "Ruiz"), "same-department");
 * card.fingerprint(); // changes exactly when a delivered field changes
 * card.plannedAs();   // changes when a delivered field or the granting rule changes
 * }</pre>
 *
 * <p>Immutable, and its fingerprint is computed once: one card about a colleague is shared by
 * every viewer a plan grants them to.
 */
public final class ContactCard {

    private final String contactId;
    private final Map<PersonField, String> fields;
    private final String ruleId;
    /** Computed on first use; a race computes the same value twice, harmlessly. */
    private String fingerprint;

    /**
     * @param contactId the colleague's employee id
     * @param fields    the released fields, never any other
     * @param ruleId    the visibility rule that grants the viewer this contact
     */
    public ContactCard(String contactId, Map<PersonField, String> fields, String ruleId) {
        this.contactId = Objects.requireNonNull(contactId, "contactId");
        this.ruleId = Objects.requireNonNull(ruleId, "ruleId");
        Map<PersonField, String> copy = new EnumMap<>(PersonField.class);
        copy.putAll(fields);
        this.fields = Map.copyOf(copy);
    }

    public String contactId() {
        return contactId;
    }

    public Map<PersonField, String> fields() {
        return fields;
    }

    public String ruleId() {
        return ruleId;
    }

    /**
     * A short digest of the delivered fields: equal fingerprints mean nothing to deliver. The rule
     * is not part of it, since a contact granted by another rule looks the same on the phone.
     */
    public String fingerprint() {
        String known = fingerprint;
        if (known == null) {
            known = computeFingerprint();
            fingerprint = known;
        }
        return known;
    }

    /**
     * What a plan compares with what a viewer holds: the {@link #fingerprint() fingerprint} and the
     * rule. A contact now granted by another rule is updated although the phone shows the same card:
     * what Roster keeps as delivered names the rule that grants it, and the API shows that rule.
     */
    public String plannedAs() {
        return plannedAs(fingerprint(), ruleId);
    }

    /** {@link #plannedAs()} of a card delivered with this fingerprint under this rule. */
    public static String plannedAs(String fingerprint, String ruleId) {
        return fingerprint + ' ' + ruleId;
    }

    private String computeFingerprint() {
        StringBuilder canonical = new StringBuilder();
        for (PersonField field : PersonField.values()) {
            String value = fields.get(field);
            if (value != null) {
                canonical.append(field.policyName()).append('=').append(value).append('\n');
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContactCard card && contactId.equals(card.contactId) && fields.equals(card.fields)
                && ruleId.equals(card.ruleId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contactId, fields, ruleId);
    }

    @Override
    public String toString() {
        return "ContactCard[" + contactId + ", fields=" + fields.keySet() + ", rule=" + ruleId + "]";
    }
}
