package org.roster.platform.carddav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.roster.policy.PersonField;
import org.roster.sync.ContactCard;

class CardDavProtocolTest {

    /** An address book in memory that journals every change, as the delivery journal does. */
    static final class Book implements AddressBook {
        private final Map<String, ContactCard> cards = new LinkedHashMap<>();
        private final List<String> journal = new ArrayList<>();

        void put(ContactCard card) {
            cards.put(card.contactId(), card);
            journal.add(card.contactId());
        }

        void remove(String contactId) {
            cards.remove(contactId);
            journal.add(contactId);
        }

        @Override
        public List<Card> cards(String viewerId) {
            return cards.values().stream().map(c -> new Card(c, c.fingerprint())).toList();
        }

        @Override
        public Optional<Card> card(String viewerId, String contactId) {
            return Optional.ofNullable(cards.get(contactId)).map(c -> new Card(c, c.fingerprint()));
        }

        @Override
        public long syncToken(String viewerId) {
            return journal.size();
        }

        @Override
        public Optional<Changes> changesSince(String viewerId, long token) {
            if (token < 0 || token > journal.size()) {
                return Optional.empty();
            }
            List<Card> changed = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            journal.subList((int) token, journal.size()).stream().distinct().forEach(id -> {
                if (cards.containsKey(id)) {
                    changed.add(new Card(cards.get(id), cards.get(id).fingerprint()));
                } else {
                    removed.add(id);
                }
            });
            return Optional.of(new Changes(journal.size(), changed, removed));
        }
    }

    private final Book book = new Book();
    private final CardDavProtocol dav = new CardDavProtocol("/dav", book);

    private static ContactCard card(String id, String given, String mobile) {
        return new ContactCard(id, Map.of(PersonField.GIVEN_NAME, given, PersonField.SURNAME, "Doe",
                PersonField.MOBILE, mobile), "same-department");
    }

    private String call(String method, String path, String depth, String body, int status) throws Exception {
        CardDavProtocol.Response response = dav.handle(method, path, depth,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), "p1", null);
        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.status()).as(text).isEqualTo(status);
        return text;
    }

    @Test
    void aClientFindsTheAddressBookFromTheRootAsCardDavDiscoveryDoes() throws Exception {
        String root = call("PROPFIND", "/", "0", "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:current-user-principal/>"
                + "</d:prop></d:propfind>", 207);
        assertThat(root).contains("<d:current-user-principal><d:href>/dav/principals/p1/</d:href>");

        String principal = call("PROPFIND", "/principals/p1/", "0", "<d:propfind xmlns:d=\"DAV:\" "
                + "xmlns:c=\"urn:ietf:params:xml:ns:carddav\"><d:prop><c:addressbook-home-set/></d:prop></d:propfind>", 207);
        assertThat(principal).contains("<card:addressbook-home-set><d:href>/dav/addressbooks/p1/</d:href>");

        String home = call("PROPFIND", "/addressbooks/p1/", "1", "<d:propfind xmlns:d=\"DAV:\"><d:prop>"
                + "<d:resourcetype/><d:displayname/><x:unknown xmlns:x=\"urn:other\"/></d:prop></d:propfind>", 207);
        assertThat(home).contains("<d:href>/dav/addressbooks/p1/contacts/</d:href>")
                .contains("<d:resourcetype><d:collection/><card:addressbook/></d:resourcetype>")
                .as("an unknown property is not found").contains("HTTP/1.1 404 Not Found");
    }

    @Test
    void aSyncFetchesEverythingFirstThenExactlyWhatChangedAndWhatWent() throws Exception {
        book.put(card("p2", "Ana", "+4915100000002"));
        book.put(card("p3", "Ben", "+4915100000003"));
        String report = "<d:sync-collection xmlns:d=\"DAV:\"><d:sync-token>%s</d:sync-token><d:sync-level>1"
                + "</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>";

        String first = call("REPORT", "/addressbooks/p1/contacts/", "0", String.format(report, ""), 207);
        assertThat(first).contains("/contacts/p2.vcf").contains("/contacts/p3.vcf")
                .contains("<d:sync-token>urn:roster:sync:2</d:sync-token>");

        book.put(card("p3", "Benjamin", "+4915100000003"));
        book.remove("p2");
        String second = call("REPORT", "/addressbooks/p1/contacts/", "0", String.format(report, "urn:roster:sync:2"),
                207);
        assertThat(second).contains("/contacts/p3.vcf").contains("<d:sync-token>urn:roster:sync:4</d:sync-token>");
        assertThat(second.substring(second.indexOf("p2.vcf"))).startsWith("p2.vcf</d:href><d:status>HTTP/1.1 404");

        String nothing = call("REPORT", "/addressbooks/p1/contacts/", "0", String.format(report, "urn:roster:sync:4"),
                207);
        assertThat(nothing).doesNotContain(".vcf");

        assertThat(call("REPORT", "/addressbooks/p1/contacts/", "0", String.format(report, "urn:roster:sync:99"), 403))
                .contains("valid-sync-token");
    }

    @Test
    void cardsCarryOnlyTheReleasedFieldsWithEtagsAndTheVersionAskedFor() throws Exception {
        book.put(card("p2", "Ana", "+4915100000002"));
        String listed = call("PROPFIND", "/addressbooks/p1/contacts/", "1", "<d:propfind xmlns:d=\"DAV:\"><d:prop>"
                + "<d:getetag/><d:getcontenttype/></d:prop></d:propfind>", 207);
        String etag = "&quot;" + card("p2", "Ana", "+4915100000002").fingerprint() + "&quot;";
        assertThat(listed).contains(etag).contains("text/vcard");

        String multiget = call("REPORT", "/addressbooks/p1/contacts/", "0", "<c:addressbook-multiget xmlns:d=\"DAV:\" "
                + "xmlns:c=\"urn:ietf:params:xml:ns:carddav\"><d:prop><d:getetag/><c:address-data version=\"4.0\"/>"
                + "</d:prop><d:href>/dav/addressbooks/p1/contacts/p2.vcf</d:href>"
                + "<d:href>/dav/addressbooks/p1/contacts/gone.vcf</d:href></c:addressbook-multiget>", 207);
        assertThat(multiget).contains("VERSION:4.0").contains("FN:Ana Doe").contains("TEL;TYPE=cell:+4915100000002")
                .contains("gone.vcf</d:href><d:status>HTTP/1.1 404");
        assertThat(multiget).doesNotContain("ORG").doesNotContain("TITLE").doesNotContain("EMAIL");

        CardDavProtocol.Response got = dav.handle("GET", "/addressbooks/p1/contacts/p2.vcf", null,
                new ByteArrayInputStream(new byte[0]), "p1", null);
        assertThat(got.headers()).containsEntry("ETag", "\"" + card("p2", "Ana", "+4915100000002").fingerprint() + "\"");
        assertThat(new String(got.body(), StandardCharsets.UTF_8)).contains("VERSION:3.0").contains("UID:urn:uuid:");
    }

    @Test
    void anotherEmployeesBookIsNotFoundAndNothingCanBeWritten() throws Exception {
        book.put(card("p2", "Ana", "+4915100000002"));
        call("PROPFIND", "/addressbooks/p9/contacts/", "1", "", 404);
        call("GET", "/addressbooks/p9/contacts/p2.vcf", null, "", 404);
        call("PUT", "/addressbooks/p1/contacts/p2.vcf", null, "BEGIN:VCARD", 403);
        call("DELETE", "/addressbooks/p1/contacts/p2.vcf", null, "", 403);
    }

    @Test
    void aBodyWithADoctypeIsRefusedBeforeAnythingIsResolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:displayname>&x;</d:displayname></d:prop></d:propfind>";
        assertThatThrownBy(() -> call("PROPFIND", "/", "0", xxe, 207)).isInstanceOf(CardDavProtocol.BadRequest.class)
                .hasMessageContaining("not well-formed XML");
    }
}
