package org.roster.source.ldap;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.net.ssl.SSLHandshakeException;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultListener;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.ContentSyncDoneControl;
import com.unboundid.ldap.sdk.controls.ContentSyncInfoIntermediateResponse;
import com.unboundid.ldap.sdk.controls.ContentSyncInfoType;
import com.unboundid.ldap.sdk.controls.ContentSyncRequestControl;
import com.unboundid.ldap.sdk.controls.ContentSyncRequestMode;
import com.unboundid.ldap.sdk.controls.ContentSyncStateControl;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.util.StaticUtils;
import org.roster.directory.DirectoryEntry;
import org.roster.directory.DirectorySource;
import org.roster.source.ConnectionReport;
import org.roster.sync.RunLines;

/**
 * Reads employees from an LDAP directory (OpenLDAP, 389-DS, Active Directory) with the UnboundID
 * LDAP SDK: a subtree search under the base DN with the simple paged results control (RFC 2696),
 * asking only for the mapped attributes, handing each entry on as it arrives.
 *
 * <pre>{@code
 * DirectorySource source = new LdapDirectorySource(config);
 * source.readAll(entry -> pipeline.accept(entry));
 * }</pre>
 */
public final class LdapDirectorySource implements DirectorySource {

    private static final Logger LOG = Logger.getLogger(LdapDirectorySource.class.getName());

    private final LdapSourceConfig config;
    private final LdapConnections connections;
    private final boolean ownsConnections;
    private Duration clockMargin = CLOCK_MARGIN;
    private ThreadFactory readAheadThreads = ReadAhead.DAEMONS;

    /** A source with connections of its own, closed after each read. */
    public LdapDirectorySource(LdapSourceConfig config) {
        this.config = config;
        this.connections = new LdapConnections(config);
        this.ownsConnections = true;
    }

    /** A source that uses a pool kept by its caller, who closes it. */
    public LdapDirectorySource(LdapSourceConfig config, LdapConnections connections) {
        if (!connections.serves(config)) {
            throw new IllegalArgumentException("these connections serve another LDAP source");
        }
        this.config = config;
        this.connections = connections;
        this.ownsConnections = false;
    }

    public LdapSourceConfig config() {
        return config;
    }

    /** How far the directory's clock may lag Roster's, for timestamp watermarks (default {@link #CLOCK_MARGIN}). */
    public LdapDirectorySource withClockMargin(Duration margin) {
        this.clockMargin = Objects.requireNonNull(margin, "margin");
        return this;
    }

    /**
     * Where a read's search runs while the caller handles the entries it has read (default: a
     * daemon thread per read); a container passes its managed thread factory.
     */
    public LdapDirectorySource readingAheadOn(ThreadFactory threads) {
        this.readAheadThreads = Objects.requireNonNull(threads, "threads");
        return this;
    }

    @Override
    public ReadSummary readAll(Consumer<DirectoryEntry> sink) {
        return search(config.filter(), mapping(sink), false, changed -> { });
    }

    /**
     * Reads every entry, digesting each one's content as it arrives ({@link ContentDigest}) and
     * mapping only those the receiver does not hold.
     */
    @Override
    public ReadSummary readAll(Receiver receiver) {
        return search(config.filter(), receiver, true, changed -> { });
    }

    /** A receiver that holds nothing and hands every mapped entry to the sink. */
    private static Receiver mapping(Consumer<DirectoryEntry> sink) {
        return new Receiver() {
            @Override
            public int holds(String id, byte[] content) {
                return NOT_HELD;
            }

            @Override
            public void entry(DirectoryEntry entry, byte[] content) {
                sink.accept(entry);
            }

            @Override
            public void held(int handle, byte[] content, Supplier<DirectoryEntry> mapped) {
                sink.accept(mapped.get());
            }
        };
    }

    @Override
    public boolean tracksChanges() {
        return config.changeAttribute().isPresent();
    }

    /**
     * Reads the entries changed since the watermark: the admin's filter and'ed with
     * {@code modifyTimestamp>=since} (OpenLDAP, 389-DS) or {@code uSNChanged>=since} (Active
     * Directory), built by the SDK, never by joining strings. The next watermark is the directory's
     * highest committed USN plus one, or, by timestamps, the earliest of the newest change read and
     * the read's start less {@link #CLOCK_MARGIN} (a change made while the read ran is read again
     * next time rather than missed).
     */
    @Override
    public ChangeRead readChanges(String since, Consumer<DirectoryEntry> sink) {
        return changes(since, mapping(sink), false);
    }

    /**
     * Reads the changes as {@link #readChanges(String, Consumer)} does, digesting each entry's
     * content for the receiver; content synchronisation hands every entry on mapped, without a
     * content digest.
     */
    @Override
    public ChangeRead readChanges(String since, Receiver receiver) {
        return changes(since, receiver, true);
    }

    /** Reads the changes since the watermark; {@code digesting}: with each entry's content digest. */
    private ChangeRead changes(String since, Receiver receiver, boolean digesting) {
        String attribute = config.changeAttribute().orElseThrow(() -> new UnsupportedOperationException(
                "this LDAP source does not track changes (roster.source.ldap.change-attribute)"));
        if (LdapSourceConfig.CONTENT_SYNC.equals(attribute)) {
            return contentSync(since, entry -> receiver.entry(entry, null), true);
        }
        if ("uSNChanged".equals(attribute)) {
            long highest;
            try {
                LDAPConnection connection = connections.take();
                boolean healthy = false;
                try {
                    String value = connection.getRootDSE().getAttributeValue("highestCommittedUSN");
                    if (value == null) {
                        throw new LDAPException(ResultCode.UNWILLING_TO_PERFORM, "the server's root DSE has no "
                                + "highestCommittedUSN: it is not an Active Directory; track modifyTimestamp instead");
                    }
                    highest = Long.parseLong(value.strip());
                    healthy = true;
                } finally {
                    connections.giveBack(connection, healthy);
                }
            } catch (LDAPException | NumberFormatException e) {
                return new ChangeRead(ReadSummary.incomplete(0, e instanceof LDAPException l ? describe(l)
                        : "the server's highestCommittedUSN is not a number"), since);
            }
            Filter filter = since == null ? config.filter()
                    : Filter.createANDFilter(config.filter(), Filter.createGreaterOrEqualFilter(attribute, since));
            ReadSummary summary = search(filter, receiver, digesting, changed -> { });
            return new ChangeRead(summary, summary.complete() ? Long.toString(highest + 1) : since);
        }
        Date start = new Date(System.currentTimeMillis() - clockMargin.toMillis());
        AtomicReference<Date> newest = new AtomicReference<>();
        Filter filter;
        try {
            filter = since == null ? config.filter() : Filter.createANDFilter(config.filter(),
                    Filter.createGreaterOrEqualFilter(attribute,
                            StaticUtils.encodeGeneralizedTime(
                                    StaticUtils.decodeGeneralizedTime(since))));
        } catch (ParseException e) {
            throw new IllegalArgumentException("the watermark \"" + since + "\" is not a generalized time", e);
        }
        // times in the plain form sort as their bytes do: the newest of them is found without
        // parsing any, and parsed once at the end
        AtomicReference<byte[]> newestPlain = new AtomicReference<>();
        ReadSummary summary = search(filter, receiver, digesting, value -> {
            if (value == null) {
                return;
            }
            if (plain(value)) {
                if (newestPlain.get() == null || Arrays.compare(value, newestPlain.get()) > 0) {
                    newestPlain.set(value);
                }
                return;
            }
            Date changed = changedAt(new String(value, StandardCharsets.UTF_8));
            if (changed != null && (newest.get() == null || changed.after(newest.get()))) {
                newest.set(changed);
            }
        });
        Date newestOfPlain = newestPlain.get() == null ? null
                : changedAt(new String(newestPlain.get(), StandardCharsets.US_ASCII));
        if (newestOfPlain != null && (newest.get() == null || newestOfPlain.after(newest.get()))) {
            newest.set(newestOfPlain);
        }
        if (!summary.complete()) {
            return new ChangeRead(summary, since);
        }
        Date next = newest.get() == null ? null : newest.get().before(start) ? newest.get() : start;
        String watermark = next == null ? (since == null ? StaticUtils.encodeGeneralizedTime(start)
                : since) : StaticUtils.encodeGeneralizedTime(next);
        return new ChangeRead(summary, watermark);
    }

    /**
     * Reads changes with the content synchronisation operation (RFC 4533) in refreshOnly mode:
     * entries added or changed since the cookie arrive whole, deleted ones by entryUUID (as delete
     * states or a syncIdSet of deletions, which OpenLDAP sends when its syncprov overlay keeps a
     * session log). Without a cookie every entry arrives: a full read. The entries stream; only the
     * ids of deletions are held. A server that no longer knows the cookie
     * ({@code e-syncRefreshRequired}) is read in full once, from no cookie.
     *
     * <p>The watermark is the server's cookie, base64. A refresh that sends only "present" states
     * (no session log, or one too short) names no deletions: the next full read finds them.
     */
    private ChangeRead contentSync(String since, Consumer<DirectoryEntry> sink, boolean mayRestart) {
        ASN1OctetString cookie = null;
        if (since != null) {
            try {
                cookie = new ASN1OctetString(Base64.getDecoder().decode(since));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the content synchronisation watermark is not base64", e);
            }
        }
        AtomicLong handed = new AtomicLong();
        Set<String> deleted = new HashSet<>();
        AtomicReference<ASN1OctetString> newest = new AtomicReference<>(cookie);
        SearchResultListener listener = new SearchResultListener() {
            private static final long serialVersionUID = 1L;

            @Override
            public void searchEntryReturned(SearchResultEntry entry) {
                ContentSyncStateControl state;
                try {
                    state = ContentSyncStateControl.get(entry);
                } catch (LDAPException e) {
                    state = null;
                }
                if (state == null) {
                    sink.accept(toDirectoryEntry(entry));
                    handed.incrementAndGet();
                    return;
                }
                if (state.getCookie() != null) {
                    newest.set(state.getCookie());
                }
                switch (state.getState()) {
                    case ADD:
                    case MODIFY:
                        sink.accept(toDirectoryEntry(entry));
                        handed.incrementAndGet();
                        break;
                    case DELETE:
                        deleted.add(state.getEntryUUID().toString());
                        break;
                    default:
                        // PRESENT: unchanged since the cookie
                        break;
                }
            }

            @Override
            public void searchReferenceReturned(SearchResultReference reference) {
                // referrals are not followed
            }
        };
        LDAPConnection connection = null;
        boolean healthy = false;
        try {
            connection = connections.take();
            SearchRequest request = new SearchRequest(listener, config.baseDn().toString(), SearchScope.SUB,
                    config.filter(), config.requestedAttributes());
            request.addControl(new ContentSyncRequestControl(true,
                    ContentSyncRequestMode.REFRESH_ONLY, cookie, false));
            request.setIntermediateResponseListener(response -> {
                try {
                    var info = ContentSyncInfoIntermediateResponse.decode(response);
                    if (info.getCookie() != null) {
                        newest.set(info.getCookie());
                    }
                    if (info.getType() == ContentSyncInfoType.SYNC_ID_SET
                            && info.refreshDeletes() && info.getEntryUUIDs() != null) {
                        info.getEntryUUIDs().forEach(uuid -> deleted.add(uuid.toString()));
                    }
                } catch (LDAPException e) {
                    LOG.fine(() -> RunLines.prefix()
                            + "an intermediate response that is not content synchronisation was ignored");
                }
            });
            SearchResult result = connection.search(request);
            var done = ContentSyncDoneControl.get(result);
            if (done != null && done.getCookie() != null) {
                newest.set(done.getCookie());
            }
            healthy = true;
            String watermark = newest.get() == null ? since
                    : Base64.getEncoder().encodeToString(newest.get().getValue());
            return new ChangeRead(ReadSummary.complete(handed.get()), watermark, deleted);
        } catch (LDAPException e) {
            healthy = e.getResultCode() != ResultCode.SERVER_DOWN && e.getResultCode() != ResultCode.CONNECT_ERROR;
            if (e.getResultCode().intValue() == 4096 && mayRestart && handed.get() == 0) {
                LOG.info(() -> RunLines.prefix()
                        + "the directory no longer knows the content synchronisation cookie; reading in full");
                connections.giveBack(connection, true);
                connection = null;
                return contentSync(null, sink, false);
            }
            LOG.warning(() -> RunLines.prefix() + "LDAP content synchronisation of " + config.url()
                    + " stopped after " + handed.get()
                    + " entries: " + e.getResultCode());
            return new ChangeRead(ReadSummary.incomplete(handed.get(), describe(e)), since);
        } finally {
            if (connection != null) {
                connections.giveBack(connection, healthy);
            }
            if (ownsConnections) {
                connections.close();
            }
        }
    }

    /**
     * When an entry last changed, from its generalized time; null when it has none or an unreadable
     * one. The form directories write ({@code yyyyMMddHHmmss[.fraction]Z}) is read by arithmetic, for
     * it is read from every entry of a full read; any other form by the SDK's parser.
     */
    static Date changedAt(String value) {
        if (value == null) {
            return null;
        }
        int n = value.length();
        boolean plain = n >= 15 && value.charAt(n - 1) == 'Z';
        for (int i = 0; plain && i < 14; i++) {
            plain = value.charAt(i) >= '0' && value.charAt(i) <= '9';
        }
        int millis = 0;
        if (plain && n > 15) {
            // a fraction of a second: '.' and at least one digit
            plain = value.charAt(14) == '.' && n > 16;
            for (int i = 15, scale = 100; plain && i < n - 1; i++, scale /= 10) {
                char c = value.charAt(i);
                plain = c >= '0' && c <= '9';
                millis += (c - '0') * scale;
            }
        }
        if (plain) {
            try {
                LocalDateTime at = LocalDateTime.of(digits(value, 0, 4), digits(value, 4, 6),
                        digits(value, 6, 8), digits(value, 8, 10), digits(value, 10, 12), digits(value, 12, 14));
                return new Date(at.toEpochSecond(ZoneOffset.UTC) * 1000 + millis);
            } catch (DateTimeException e) {
                return null;
            }
        }
        try {
            return StaticUtils.decodeGeneralizedTime(value);
        } catch (ParseException e) {
            return null;
        }
    }

    /** Whether a generalized time is in the form {@code yyyyMMddHHmmssZ}, whose bytes sort as its times do. */
    static boolean plain(byte[] value) {
        if (value.length != 15 || value[14] != 'Z') {
            return false;
        }
        for (int i = 0; i < 14; i++) {
            if (value[i] < '0' || value[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private static int digits(String value, int from, int to) {
        return Integer.parseInt(value, from, to, 10);
    }

    /** How far the directory's clock may be behind Roster's, for timestamp watermarks. */
    public static final Duration CLOCK_MARGIN = Duration.ofMinutes(5);

    /** An entry on its way from the search thread to the receiver. */
    private sealed interface Read permits Mapped, Held {
    }

    private record Mapped(DirectoryEntry entry, byte[] content) implements Read {
    }

    /** An entry the receiver said it holds: its mapping waits until asked for. */
    private record Held(int handle, byte[] content, SearchResultEntry raw) implements Read {
    }

    /**
     * Reads the entries the filter matches; {@code changes} gets each one's raw change attribute
     * value (null when it has none) as read, on the search thread, where each entry's content is
     * digested (when {@code digesting}: a reader that keeps nothing needs no digests) and, unless
     * the receiver holds it, mapped.
     */
    private ReadSummary search(Filter filter, Receiver receiver, boolean digesting, Consumer<byte[]> changes) {
        AtomicLong handed = new AtomicLong();
        LDAPConnection connection = null;
        boolean healthy = false;
        try {
            // one connection for every page: paged-search cookies belong to the connection
            connection = connections.take();
            LDAPConnection reading = connection;
            ContentDigest digests = digesting ? new ContentDigest(config) : null;
            // the next entries arrive, are digested and mapped while the caller handles the last
            // ones, four pages at most ahead
            Paged paged = ReadAhead.read(Math.max(100, 4 * config.pageSize()), readAheadThreads,
                    (each, goOn) -> pages(reading, filter, entry -> {
                        if (!digesting) {
                            changes.accept(config.changeAttribute().map(entry::getAttributeValueBytes).orElse(null));
                            each.accept(new Mapped(toDirectoryEntry(entry), null));
                            return;
                        }
                        ContentDigest.Content content = digests.of(entry);
                        changes.accept(content.changed());
                        String id = soleId(content.ids());
                        int handle = id == null ? Receiver.NOT_HELD : receiver.holds(id, content.digest());
                        each.accept(handle >= 0 ? new Held(handle, content.digest(), entry)
                                : new Mapped(toDirectoryEntry(entry), content.digest()));
                    }, goOn), (Read read) -> {
                        if (read instanceof Held held) {
                            receiver.held(held.handle(), held.content(), () -> toDirectoryEntry(held.raw()));
                        } else {
                            Mapped mapped = (Mapped) read;
                            receiver.entry(mapped.entry(), mapped.content());
                        }
                        handed.incrementAndGet();
                    });
            if (paged.code() != ResultCode.SUCCESS) {
                return ReadSummary.incomplete(handed.get(), "the search ended with " + paged.code());
            }
            healthy = true;
            return ReadSummary.complete(handed.get());
        } catch (LDAPException e) {
            LOG.warning(() -> RunLines.prefix() + "LDAP read of " + config.url() + " stopped after " + handed.get()
                    + " entries: "
                    + e.getResultCode());
            return ReadSummary.incomplete(handed.get(), describe(e));
        } finally {
            if (connection != null) {
                connections.giveBack(connection, healthy);
            }
            if (ownsConnections) {
                connections.close();
            }
        }
    }

    @Override
    public void checkReachable() throws DirectoryUnavailableException {
        LDAPConnection connection = null;
        boolean healthy = false;
        try {
            connection = connections.take();
            if (connection.getEntry(config.baseDn().toString(), "1.1") == null) {
                healthy = true;
                throw new DirectoryUnavailableException("the base DN " + config.baseDn() + " does not exist", null);
            }
            healthy = true;
        } catch (LDAPException e) {
            throw new DirectoryUnavailableException(describe(e), e);
        } finally {
            if (connection != null) {
                connections.giveBack(connection, healthy);
            }
            if (ownsConnections) {
                connections.close();
            }
        }
    }

    /**
     * Tests the source step by step, as an admin would: each server's connection (and TLS), the
     * bind, the base DN, how many entries the filter matches (counted up to {@code countLimit}), and
     * a few of them mapped. Never throws: each step says what worked and what did not.
     */
    public ConnectionReport test(int sampleSize, long countLimit) {
        List<ConnectionReport.Step> steps = new ArrayList<>();
        boolean anyServer = false;
        for (LDAPURL url : config.urls()) {
            String where = url.getHost() + ":" + url.getPort();
            try (LDAPConnection connection = connections.connectTo(url)) {
                anyServer = true;
                String tls = config.tls() ? ", " + tlsOf(connection) : ", not encrypted";
                steps.add(ConnectionReport.Step.ok("connect " + where, "connected" + tls));
            } catch (LDAPException e) {
                steps.add(ConnectionReport.Step.failed("connect " + where, describe(e)));
            }
        }
        if (!anyServer) {
            return new ConnectionReport(false, steps, -1, false, List.of());
        }
        LDAPConnection connection = null;
        boolean healthy = false;
        try {
            connection = connections.take();
            steps.add(ConnectionReport.Step.ok("bind", config.bindDn().isEmpty() ? "anonymous"
                    : "bound as " + config.bindDn()));
            if (connection.getEntry(config.baseDn().toString(), "1.1") == null) {
                healthy = true;
                steps.add(ConnectionReport.Step.failed("base DN", config.baseDn() + " does not exist"));
                return new ConnectionReport(false, steps, -1, false, List.of());
            }
            steps.add(ConnectionReport.Step.ok("base DN", config.baseDn() + " exists"));
            List<DirectoryEntry> sample = new ArrayList<>();
            AtomicLong matching = new AtomicLong();
            boolean capped = pages(connection, config.filter(), entry -> {
                if (sample.size() < sampleSize) {
                    sample.add(toDirectoryEntry(entry));
                }
                matching.incrementAndGet();
            }, () -> matching.get() < countLimit).more();
            steps.add(ConnectionReport.Step.ok("search", (capped ? "more than " : "") + matching.get()
                    + " entries match " + config.filter()));
            healthy = true;
            return new ConnectionReport(true, steps, matching.get(), capped, sample);
        } catch (LDAPException e) {
            steps.add(ConnectionReport.Step.failed(e.getResultCode() == ResultCode.INVALID_CREDENTIALS ? "bind"
                    : "search", describe(e)));
            return new ConnectionReport(false, steps, -1, false, List.of());
        } finally {
            if (connection != null) {
                connections.giveBack(connection, healthy);
            }
            if (ownsConnections) {
                connections.close();
            }
        }
    }

    /** How a paged search ended: the last page's result code, and whether entries remained when it stopped. */
    private record Paged(ResultCode code, boolean more) {
    }

    /**
     * Searches under the base DN page by page (simple paged results), on one connection since a
     * page's cookie belongs to it, handing each entry on as it arrives, until the last page or
     * until {@code goOn} says to stop. Referrals are not followed.
     */
    private Paged pages(LDAPConnection connection, Filter filter, Consumer<SearchResultEntry> each,
                        BooleanSupplier goOn) throws LDAPException {
        SearchResultListener listener = new SearchResultListener() {
            private static final long serialVersionUID = 1L;

            @Override
            public void searchEntryReturned(SearchResultEntry entry) {
                each.accept(entry);
            }

            @Override
            public void searchReferenceReturned(SearchResultReference reference) {
                // referrals are not followed: a source reads one directory
            }
        };
        SearchRequest request = new SearchRequest(listener, config.baseDn().toString(), SearchScope.SUB, filter,
                config.requestedAttributes());
        request.setResponseTimeoutMillis(config.connection().responseTimeoutMillis());
        ASN1OctetString cookie = null;
        do {
            request.setControls(new SimplePagedResultsControl(config.pageSize(), cookie, true));
            SearchResult result = connection.search(request);
            if (result.getResultCode() != ResultCode.SUCCESS) {
                return new Paged(result.getResultCode(), false);
            }
            SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
            cookie = response == null ? null : response.getCookie();
        } while (cookie != null && cookie.getValueLength() > 0 && goOn.getAsBoolean());
        return new Paged(ResultCode.SUCCESS, cookie != null && cookie.getValueLength() > 0);
    }

    private static String tlsOf(LDAPConnection connection) {
        var session = connection.getSSLSession();
        return session == null ? "TLS" : session.getProtocol() + " (" + session.getCipherSuite() + ")";
    }

    /**
     * The entry's identity when it has exactly one, as its mapping would read it (stripped); null
     * otherwise: such an entry is always mapped, and its mapping says what is wrong.
     */
    private String soleId(byte[][] ids) {
        if (ids == null || ids.length != 1) {
            return null;
        }
        if ("objectGUID".equalsIgnoreCase(config.idAttribute())) {
            return ids[0].length == 16 ? adGuid(ids[0]) : null;
        }
        return new String(ids[0], StandardCharsets.UTF_8).strip();
    }

    private DirectoryEntry toDirectoryEntry(SearchResultEntry entry) {
        DirectoryEntry.Builder builder = DirectoryEntry.builder(entry.getDN());
        if ("objectGUID".equalsIgnoreCase(config.idAttribute())) {
            // Active Directory's identity is 16 bytes; shown as AD itself writes it
            byte[][] guids = entry.getAttributeValueByteArrays(config.idAttribute());
            if (guids != null) {
                for (byte[] guid : guids) {
                    if (guid.length == 16) {
                        builder.id(adGuid(guid));
                    } else {
                        builder.problem(AttributeValues.problem("identity", config.idAttribute(), "is "
                                + guid.length + " bytes long; a GUID has 16"));
                    }
                }
            }
        } else {
            for (String id : AttributeValues.of(entry, config.idAttribute(), "identity", builder)) {
                builder.id(id);
            }
        }
        for (AttributeMapper mapper : config.mappers()) {
            mapper.map(entry, builder);
        }
        config.groupAttribute().ifPresent(attribute -> {
            for (String group : AttributeValues.of(entry, attribute, "groups", builder)) {
                builder.group(group);
            }
        });
        return builder.build();
    }

    private String describe(LDAPException e) {
        String where = config.urls().size() == 1 ? config.url().getHost() + ":" + config.url().getPort()
                : config.urls().stream().map(u -> u.getHost() + ":" + u.getPort())
                        .collect(Collectors.joining(", "));
        String certificate = certificateProblem(e);
        if (certificate != null) {
            return "the TLS certificate of " + where + " is not trusted (" + certificate + "): add the CA that issued "
                    + "it to the trust store (roster.source.ldap.trust-store)";
        }
        return switch (e.getResultCode().intValue()) {
            case 49 -> "the bind as " + config.bindDn() + " was refused: invalid credentials";
            case 32 -> "the base DN " + config.baseDn() + " does not exist on " + where;
            case 91 -> "can't connect to " + where + ": " + e.getExceptionMessage();
            default -> "LDAP error " + e.getResultCode() + " from " + where + ": " + e.getExceptionMessage();
        };
    }

    /**
     * An objectGUID as Active Directory writes it: the first three groups are stored little-endian,
     * e.g. bytes {@code 10 32 54 76 98 ba dc fe ...} read {@code 76543210-ba98-fedc-...}.
     */
    static String adGuid(byte[] b) {
        return String.format("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
    }

    /** What is wrong with the server's certificate, if that is why the connection failed. */
    private static String certificateProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException || t instanceof SSLHandshakeException) {
                return t.getMessage();
            }
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("certificate") || message.contains("PKIX")) {
            return ((LDAPException) e).getExceptionMessage();
        }
        return null;
    }
}
