package org.roster.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * A digest of one viewer's whole permitted contact set: each contact's id, the fingerprint of its
 * released fields and the rule that grants it ({@link ContactCard#plannedAs}), in id order. Equal
 * digests mean the viewer's list has nothing to change.
 *
 * <pre>{@code
 * String digest = ViewerDigest.of(desiredCards);
 * }</pre>
 */
public final class ViewerDigest {

    private ViewerDigest() {
    }

    /** A viewer's digest with the size of the set it stands for. */
    public record Planned(String digest, int contacts) {
        public static Planned of(List<ContactCard> cards) {
            return new Planned(ViewerDigest.of(cards), cards.size());
        }
    }

    public static String of(List<ContactCard> cards) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            cards.stream().sorted(Comparator.comparing(ContactCard::contactId)).forEach(card -> {
                sha.update(card.contactId().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(card.plannedAs().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            });
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
