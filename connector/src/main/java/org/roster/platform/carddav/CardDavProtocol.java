package org.roster.platform.carddav;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import ezvcard.VCardVersion;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The CardDAV protocol (RFC 6352 on WebDAV, RFC 4918) for one signed-in employee's read-only
 * address book, without a servlet: a request in, a {@link Response} out. Resources, under the DAV
 * root (e.g. {@code /dav}):
 *
 * <pre>
 * /                                  the root: who is signed in (current-user-principal)
 * /principals/{id}/                  the employee (addressbook-home-set)
 * /addressbooks/{id}/                their address book home
 * /addressbooks/{id}/contacts/       the address book: the contacts Roster delivers to them
 * /addressbooks/{id}/contacts/{contact}.vcf   one card
 * </pre>
 *
 * <p>Supported: {@code OPTIONS}, {@code PROPFIND} (depth 0 and 1), {@code GET}/{@code HEAD} of a
 * card (vCard 3.0, or 4.0 when asked), {@code REPORT} {@code addressbook-multiget},
 * {@code addressbook-query} (every card; filters are not applied) and {@code sync-collection}
 * (RFC 6578, sync level 1). Everything that would change the book is refused: Roster's
 * directory and policy decide its content. Another employee's resources are not found.
 *
 * <pre>{@code
 * CardDavProtocol dav = new CardDavProtocol("/dav", book);
 * CardDavProtocol.Response answer = dav.handle("PROPFIND", "/addressbooks/p1/contacts/", "1", body, "p1", accept);
 * }</pre>
 */
public final class CardDavProtocol {

    static final String DAV = "DAV:";
    static final String CARDDAV = "urn:ietf:params:xml:ns:carddav";
    static final String CALSERVER = "http://calendarserver.org/ns/";
    private static final String TOKEN_PREFIX = "urn:roster:sync:";
    private static final String BOOK = "contacts";
    private static final String VCARD_TYPE = "text/vcard; charset=utf-8";

    /** An answer: status, headers and body (possibly empty). */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        static Response of(int status, String contentType, String body) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            return new Response(status, headers, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
        }

        Response with(String header, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(header, value);
            return new Response(status, more, body);
        }
    }

    private final String root;
    private final AddressBook book;

    /**
     * @param root the path the DAV resources are served under, e.g. {@code /dav}, without a trailing slash
     */
    public CardDavProtocol(String root, AddressBook book) {
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        this.book = book;
    }

    /** Where a client starts: the signed-in employee's principal. */
    public String principal(String viewerId) {
        return root + "/principals/" + segment(viewerId) + "/";
    }

    private String home(String viewerId) {
        return root + "/addressbooks/" + segment(viewerId) + "/";
    }

    private String bookPath(String viewerId) {
        return home(viewerId) + BOOK + "/";
    }

    private String cardPath(String viewerId, String contactId) {
        return bookPath(viewerId) + segment(contactId) + ".vcf";
    }

    /**
     * Handles one request of the signed-in employee.
     *
     * @param path   the path below the root, e.g. {@code /addressbooks/p1/contacts/}
     * @param depth  the Depth header, or null
     * @param body   the request body (may be empty)
     * @param accept the Accept header, or null
     */
    public Response handle(String method, String path, String depth, InputStream body, String viewerId,
                           String accept) throws IOException {
        String m = method.toUpperCase(Locale.ROOT);
        Target target = target(path == null || path.isEmpty() ? "/" : path, viewerId);
        if (m.equals("OPTIONS")) {
            return Response.of(200, null, null).with("DAV", "1, 3, addressbook")
                    .with("Allow", "OPTIONS, GET, HEAD, PROPFIND, REPORT");
        }
        if (target == null) {
            return Response.of(404, "text/plain; charset=utf-8", "Not found: there is no such address book or card.");
        }
        switch (m) {
            case "PROPFIND":
                return propfind(target, depth, parse(body), viewerId);
            case "REPORT":
                return report(target, parse(body), viewerId);
            case "GET":
            case "HEAD":
                return get(target, viewerId, accept, m.equals("HEAD"));
            default:
                return Response.of(403, "text/plain; charset=utf-8", "This address book is read-only: Roster fills "
                        + "it from the directory, as the policy allows.").with("Allow",
                        "OPTIONS, GET, HEAD, PROPFIND, REPORT");
        }
    }

    // --- resources ---------------------------------------------------------------------------

    private enum Kind { ROOT, PRINCIPAL, HOME, BOOK, CARD }

    private record Target(Kind kind, String contactId) {
    }

    /** The resource a path names, or null when it is not one of the employee's. */
    private Target target(String path, String viewerId) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        if (parts.isEmpty()) {
            return new Target(Kind.ROOT, null);
        }
        if (parts.size() >= 2 && !parts.get(1).equals(viewerId)) {
            // another employee's resources do not exist for this one
            return null;
        }
        if (parts.get(0).equals("principals") && parts.size() == 2) {
            return new Target(Kind.PRINCIPAL, null);
        }
        if (!parts.get(0).equals("addressbooks") || parts.size() < 2) {
            return null;
        }
        if (parts.size() == 2) {
            return new Target(Kind.HOME, null);
        }
        if (!parts.get(2).equals(BOOK)) {
            return null;
        }
        if (parts.size() == 3) {
            return new Target(Kind.BOOK, null);
        }
        if (parts.size() == 4 && parts.get(3).endsWith(".vcf")) {
            String contactId = parts.get(3).substring(0, parts.get(3).length() - 4);
            return book.card(viewerId, contactId).isPresent() ? new Target(Kind.CARD, contactId) : null;
        }
        return null;
    }

    // --- GET ---------------------------------------------------------------------------------

    private Response get(Target target, String viewerId, String accept, boolean head) {
        if (target.kind() != Kind.CARD) {
            return Response.of(200, "text/plain; charset=utf-8", head ? null : "Roster's address book of "
                    + viewerId + ": subscribe with a CardDAV client at " + bookPath(viewerId));
        }
        AddressBook.Card card = book.card(viewerId, target.contactId()).orElseThrow();
        VCardVersion version = accept != null && accept.contains("version=4.0") ? VCardVersion.V4_0 : VCardVersion.V3_0;
        String text = VCards.write(card.card(), version);
        Response response = Response.of(200, VCARD_TYPE, head ? null : text).with("ETag", quoted(card.etag()));
        return response;
    }

    // --- PROPFIND ----------------------------------------------------------------------------

    private Response propfind(Target target, String depth, Document request, String viewerId) {
        List<QName> asked = requestedProperties(request);
        Multistatus out = new Multistatus();
        out.resource(href(target, viewerId), properties(target, viewerId, asked));
        if ("1".equals(depth) || "infinity".equalsIgnoreCase(depth == null ? "" : depth)) {
            if (target.kind() == Kind.ROOT) {
                out.resource(principal(viewerId), properties(new Target(Kind.PRINCIPAL, null), viewerId, asked));
            } else if (target.kind() == Kind.HOME) {
                out.resource(bookPath(viewerId), properties(new Target(Kind.BOOK, null), viewerId, asked));
            } else if (target.kind() == Kind.BOOK) {
                for (AddressBook.Card card : book.cards(viewerId)) {
                    out.resource(cardPath(viewerId, card.card().contactId()),
                            cardProperties(card, asked, VCardVersion.V3_0));
                }
            }
        }
        return out.response();
    }

    /** The properties a PROPFIND asks for; null means all ({@code allprop}, or no body). */
    private static List<QName> requestedProperties(Document request) {
        if (request == null) {
            return null;
        }
        Element prop = first(request.getDocumentElement(), DAV, "prop");
        if (prop == null) {
            return null;
        }
        return children(prop).stream().map(QName::of).toList();
    }

    private Map<QName, String> properties(Target target, String viewerId, List<QName> asked) {
        Map<QName, String> all = new LinkedHashMap<>();
        String principal = "<d:href>" + xml(principal(viewerId)) + "</d:href>";
        all.put(new QName(DAV, "current-user-principal"), principal);
        all.put(new QName(DAV, "current-user-privilege-set"), "<d:privilege><d:read/></d:privilege>");
        switch (target.kind()) {
            case ROOT:
                all.put(new QName(DAV, "resourcetype"), "<d:collection/>");
                break;
            case PRINCIPAL:
                all.put(new QName(DAV, "resourcetype"), "<d:principal/>");
                all.put(new QName(DAV, "displayname"), xml(viewerId));
                all.put(new QName(DAV, "principal-URL"), principal);
                all.put(new QName(CARDDAV, "addressbook-home-set"), "<d:href>" + xml(home(viewerId)) + "</d:href>");
                break;
            case HOME:
                all.put(new QName(DAV, "resourcetype"), "<d:collection/>");
                all.put(new QName(CARDDAV, "addressbook-home-set"), "<d:href>" + xml(home(viewerId)) + "</d:href>");
                break;
            case BOOK:
                long token = book.syncToken(viewerId);
                all.put(new QName(DAV, "resourcetype"), "<d:collection/><card:addressbook/>");
                all.put(new QName(DAV, "displayname"), "Colleagues (Roster)");
                all.put(new QName(CARDDAV, "addressbook-description"),
                        "The colleagues your company's policy lets you see; kept up to date by Roster.");
                all.put(new QName(DAV, "sync-token"), TOKEN_PREFIX + token);
                all.put(new QName(CALSERVER, "getctag"), Long.toString(token));
                all.put(new QName(DAV, "supported-report-set"),
                        "<d:supported-report><d:report><card:addressbook-multiget/></d:report></d:supported-report>"
                        + "<d:supported-report><d:report><card:addressbook-query/></d:report></d:supported-report>"
                        + "<d:supported-report><d:report><d:sync-collection/></d:report></d:supported-report>");
                all.put(new QName(CARDDAV, "supported-address-data"),
                        "<card:address-data-type content-type=\"text/vcard\" version=\"3.0\"/>"
                        + "<card:address-data-type content-type=\"text/vcard\" version=\"4.0\"/>");
                break;
            default:
                return cardProperties(book.card(viewerId, target.contactId()).orElseThrow(), asked, VCardVersion.V3_0);
        }
        return select(all, asked);
    }

    private static Map<QName, String> cardProperties(AddressBook.Card card, List<QName> asked, VCardVersion version) {
        Map<QName, String> all = new LinkedHashMap<>();
        all.put(new QName(DAV, "resourcetype"), "");
        all.put(new QName(DAV, "getetag"), xml(quoted(card.etag())));
        all.put(new QName(DAV, "getcontenttype"), VCARD_TYPE);
        if (asked != null && asked.contains(new QName(CARDDAV, "address-data"))) {
            all.put(new QName(CARDDAV, "address-data"), xml(VCards.write(card.card(), version)));
        }
        return select(all, asked);
    }

    /** The asked properties: known ones with their values, unknown ones with a null value (404). */
    private static Map<QName, String> select(Map<QName, String> all, List<QName> asked) {
        if (asked == null) {
            return all;
        }
        Map<QName, String> chosen = new LinkedHashMap<>();
        for (QName name : asked) {
            chosen.put(name, all.get(name));
        }
        return chosen;
    }

    // --- REPORT ------------------------------------------------------------------------------

    private Response report(Target target, Document request, String viewerId) {
        if (request == null) {
            return Response.of(400, "text/plain; charset=utf-8", "A REPORT needs an XML body naming the report.");
        }
        Element report = request.getDocumentElement();
        QName kind = QName.of(report);
        List<QName> asked = requestedProperties(request);
        VCardVersion version = requestedVersion(report);
        if (kind.equals(new QName(CARDDAV, "addressbook-multiget"))) {
            Multistatus out = new Multistatus();
            for (Element href : descendants(report, DAV, "href")) {
                String path = href.getTextContent().strip();
                String relative = path.startsWith(root) ? path.substring(root.length()) : path;
                Target card = target(relative, viewerId);
                if (card == null || card.kind() != Kind.CARD) {
                    out.missing(path);
                } else {
                    out.resource(path, cardProperties(book.card(viewerId, card.contactId()).orElseThrow(), asked,
                            version));
                }
            }
            return out.response();
        }
        if (target.kind() != Kind.BOOK) {
            return Response.of(403, "text/plain; charset=utf-8", "This report is answered by the address book "
                    + bookPath(viewerId) + " only.");
        }
        if (kind.equals(new QName(CARDDAV, "addressbook-query"))) {
            Multistatus out = new Multistatus();
            for (AddressBook.Card card : book.cards(viewerId)) {
                out.resource(cardPath(viewerId, card.card().contactId()), cardProperties(card, asked, version));
            }
            return out.response();
        }
        if (kind.equals(new QName(DAV, "sync-collection"))) {
            return syncCollection(report, asked, version, viewerId);
        }
        return Response.of(403, "application/xml; charset=utf-8", "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<d:error xmlns:d=\"DAV:\"><d:supported-report/></d:error>");
    }

    /** RFC 6578: every card for an empty token, else what changed since it (gone cards as 404). */
    private Response syncCollection(Element report, List<QName> asked, VCardVersion version, String viewerId) {
        Element tokenElement = first(report, DAV, "sync-token");
        String token = tokenElement == null ? "" : tokenElement.getTextContent().strip();
        Element level = first(report, DAV, "sync-level");
        if (level != null && !"1".equals(level.getTextContent().strip())) {
            return Response.of(403, "application/xml; charset=utf-8", "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                    + "<d:error xmlns:d=\"DAV:\"><d:supported-report/></d:error>");
        }
        Multistatus out = new Multistatus();
        long now;
        if (token.isEmpty()) {
            now = book.syncToken(viewerId);
            for (AddressBook.Card card : book.cards(viewerId)) {
                out.resource(cardPath(viewerId, card.card().contactId()), cardProperties(card, asked, version));
            }
        } else {
            Optional<AddressBook.Changes> changes = parseToken(token).flatMap(t -> book.changesSince(viewerId, t));
            if (changes.isEmpty()) {
                return Response.of(403, "application/xml; charset=utf-8", "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                        + "<d:error xmlns:d=\"DAV:\"><d:valid-sync-token/></d:error>");
            }
            now = changes.get().token();
            for (AddressBook.Card card : changes.get().changed()) {
                out.resource(cardPath(viewerId, card.card().contactId()), cardProperties(card, asked, version));
            }
            for (String removed : changes.get().removed()) {
                out.missing(cardPath(viewerId, removed));
            }
        }
        out.syncToken(TOKEN_PREFIX + now);
        return out.response();
    }

    private static Optional<Long> parseToken(String token) {
        if (!token.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(token.substring(TOKEN_PREFIX.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static VCardVersion requestedVersion(Element report) {
        for (Element data : descendants(report, CARDDAV, "address-data")) {
            if ("4.0".equals(data.getAttribute("version"))) {
                return VCardVersion.V4_0;
            }
        }
        return VCardVersion.V3_0;
    }

    // --- XML ---------------------------------------------------------------------------------

    /** A property's name: namespace and local name. */
    record QName(String namespace, String local) {
        static QName of(Element element) {
            return new QName(element.getNamespaceURI() == null ? "" : element.getNamespaceURI(),
                    element.getLocalName() == null ? element.getNodeName() : element.getLocalName());
        }
    }

    /** A 207 Multi-Status answer being written. */
    private static final class Multistatus {
        private final StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<d:multistatus xmlns:d=\"DAV:\" xmlns:card=\"" + CARDDAV + "\" xmlns:cs=\"" + CALSERVER + "\">");
        private final Map<String, String> extraNamespaces = new LinkedHashMap<>();

        void resource(String href, Map<QName, String> properties) {
            xml.append("<d:response><d:href>").append(xml(href)).append("</d:href>");
            StringBuilder found = new StringBuilder();
            StringBuilder missing = new StringBuilder();
            for (Map.Entry<QName, String> property : properties.entrySet()) {
                String tag = tag(property.getKey());
                if (property.getValue() == null) {
                    missing.append('<').append(tag).append("/>");
                } else {
                    found.append('<').append(tag).append('>').append(property.getValue()).append("</").append(tag)
                            .append('>');
                }
            }
            if (found.length() > 0 || missing.length() == 0) {
                xml.append("<d:propstat><d:prop>").append(found).append("</d:prop>")
                        .append("<d:status>HTTP/1.1 200 OK</d:status></d:propstat>");
            }
            if (missing.length() > 0) {
                xml.append("<d:propstat><d:prop>").append(missing).append("</d:prop>")
                        .append("<d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>");
            }
            xml.append("</d:response>");
        }

        void missing(String href) {
            xml.append("<d:response><d:href>").append(xml(href)).append("</d:href>")
                    .append("<d:status>HTTP/1.1 404 Not Found</d:status></d:response>");
        }

        void syncToken(String token) {
            xml.append("<d:sync-token>").append(xml(token)).append("</d:sync-token>");
        }

        private String tag(QName name) {
            if (name.namespace().equals(DAV)) {
                return "d:" + name.local();
            }
            if (name.namespace().equals(CARDDAV)) {
                return "card:" + name.local();
            }
            if (name.namespace().equals(CALSERVER)) {
                return "cs:" + name.local();
            }
            // a property of another namespace is never one Roster has: it is only ever written empty,
            // in a 404 propstat, so its namespace is declared on the element itself
            String prefix = extraNamespaces.computeIfAbsent(name.namespace(), ns -> "x" + extraNamespaces.size());
            return prefix + ":" + name.local() + " xmlns:" + prefix + "=\"" + xml(name.namespace()) + "\"";
        }

        Response response() {
            xml.append("</d:multistatus>");
            return Response.of(207, "application/xml; charset=utf-8", xml.toString());
        }
    }

    private static Document parse(InputStream body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(1 << 20);
        if (bytes.length == 0 || new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // no entities, no external anything: a request body is untrusted
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // errors become the exception below, not lines on standard error
            builder.setErrorHandler(new DefaultHandler());
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML parser", e);
        } catch (SAXException e) {
            throw new BadRequest("The request body is not well-formed XML: " + e.getMessage());
        }
    }

    /** The request could not be understood; the message says why. */
    public static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                children.add((Element) nodes.item(i));
            }
        }
        return children;
    }

    private static Element first(Element parent, String namespace, String local) {
        return children(parent).stream().filter(e -> QName.of(e).equals(new QName(namespace, local))).findFirst()
                .orElse(null);
    }

    private static List<Element> descendants(Element parent, String namespace, String local) {
        NodeList nodes = parent.getElementsByTagNameNS(namespace, local);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    private String href(Target target, String viewerId) {
        switch (target.kind()) {
            case ROOT:
                return root + "/";
            case PRINCIPAL:
                return principal(viewerId);
            case HOME:
                return home(viewerId);
            case BOOK:
                return bookPath(viewerId);
            default:
                return cardPath(viewerId, target.contactId());
        }
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String quoted(String etag) {
        return "\"" + etag + "\"";
    }

    static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '&': out.append("&amp;"); break;
                case '"': out.append("&quot;"); break;
                default: out.append(c);
            }
        }
        return out.toString();
    }
}
