package org.roster.source.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.roster.testing.TestFiles;

/**
 * A local stand-in, for tests, for the parts of Microsoft Graph v1.0 and the Microsoft identity
 * platform that a directory reader uses: an HTTPS server on 127.0.0.1, reached as
 * {@code https://localhost:PORT} with a self-signed certificate that {@link #trustStore()} trusts,
 * serving
 *
 * <ul>
 *   <li>the client credentials grant, {@code POST /{tenant}/oauth2/v2.0/token}, with Entra ID's
 *       answers and AADSTS error codes for a wrong tenant, client, secret, grant or scope;</li>
 *   <li>{@code GET /{tenant}/v2.0/.well-known/openid-configuration}, the tenant's key set and
 *       {@code GET /common/discovery/instance}, all pointing at this server;</li>
 *   <li>{@code GET /v1.0/users}, {@code /v1.0/users/{id or userPrincipalName}},
 *       {@code /v1.0/users/delta} (also spelled {@code delta()} and {@code microsoft.graph.delta},
 *       as the SDKs do), {@code /v1.0/groups/{id}} and
 *       {@code /v1.0/groups/{id}/transitiveMembers/microsoft.graph.user} (or {@code graph.user}),
 *       with {@code $select}, {@code $top}, {@code $skiptoken}, {@code $deltatoken} and, on
 *       {@code /users}, {@code $count}, behind a bearer token that this server issued.</li>
 * </ul>
 *
 * <p>It follows Graph's documented behaviour where a client would notice it. {@code id} is always
 * returned and unselected properties are left out; lists answer unset properties with
 * {@code null}, while delta responses leave out properties that were never set. Users come in
 * order of id, so paging is stable while users are added. A delta round pages with
 * {@code @odata.nextLink} and ends with {@code @odata.deltaLink}; the tokens keep the first
 * request's {@code $select} and page size. Following a delta link lists the users changed since,
 * with their selected properties (only the changed ones with {@code Prefer: return=minimal}), and
 * removed users as {@code {"id":…,"@removed":{"reason":"changed"}}} ({@code "deleted"} once
 * permanently deleted). As Graph is seen to do, a first round also lists users that are
 * soft-deleted at the time, as {@code @removed} entries, so a client must ignore removals of
 * users it never saw. Page sizes: {@code $top} (1 to 999) for all three collections, or
 * {@code Prefer: odata.maxpagesize=N} for delta; by default 100 a page for lists and 200 for
 * delta. Graph is reported to ignore {@code $top} on delta; here it is honoured, so a test can make
 * small pages either way.
 *
 * <p>{@code /users?$count=true} needs the header {@code ConsistencyLevel: eventual}, as every
 * count of directory objects does (an advanced query); the first page then carries
 * {@code @odata.count}, the number of users in all, and without the header Graph answers 400
 * {@code Request_BadRequest}. A group has an id and a display name (and is a security group
 * without mail and description); {@code $select} on it takes those properties only. An unknown
 * group or user is 404 {@code Request_ResourceNotFound}.
 *
 * <p>The app has the application permissions {@code User.Read.All} and
 * {@code GroupMember.Read.All}, consented by an admin; {@link #consentPermissions(String...)}
 * changes them. A token carries the permissions of the time it was issued. Without a permission
 * that reads users ({@code User.Read.All}, {@code User.ReadWrite.All}, {@code Directory.Read.All}
 * or {@code Directory.ReadWrite.All}) the user endpoints answer 403
 * {@code Authorization_RequestDenied}, and group members come with their id only, as Graph lists
 * objects it may not read; without one that reads groups ({@code GroupMember.Read.All},
 * {@code Group.Read.All}, {@code Group.ReadWrite.All} or a {@code Directory} one) the group
 * endpoints answer 403.
 *
 * <p>{@link #throttle(int, int, int)} makes the next Graph requests answer 429 or 503 with
 * {@code Retry-After}; {@link #expireTokens()} and {@link #expireDeltaTokens()} make access
 * tokens and delta links stale. Every request is kept in {@link #requests()} with its arrival
 * time and status, so a test can see which endpoints a client used and how long it waited.
 * Query options the emulator does not implement ({@code $filter}, {@code $expand}, {@code $count}
 * other than on {@code /users}, …) are refused with 400 rather than ignored. Requests are
 * answered one at a time.
 *
 * <p>A client built on azure-identity must be given this server as its authority host with
 * instance discovery turned off (MSAL4J would otherwise ask {@code login.microsoftonline.com}
 * about it), must ask for the scope {@code https://graph.microsoft.com/.default}, and must trust
 * {@link #trustStore()}. The Graph SDK must be given {@link #graphUrl()} as base URL and
 * {@code localhost} as an allowed host, or it sends no token. With instance discovery off and a
 * port in the authority, MSAL4J finds none of its tokens in its cache, so such a client asks for
 * a new token before every Graph request: tests that count requests must allow for that.
 *
 * <pre>{@code
 * try (GraphEmulator graph = GraphEmulator.start()) {
 *     GraphEmulator.GraphUser ada = GraphEmulator.GraphUser.builder()
 *             .displayName("Ada Lovelace").userPrincipalName("ada@fixture.test").build();
 *     graph.putUser(ada);
 *     // POST graph.tokenEndpoint(): grant_type=client_credentials&client_id=<graph.clientId()>
 *     //     &client_secret=<graph.clientSecret()>&scope=https://graph.microsoft.com/.default
 *     // GET graph.graphUrl() + "/users/delta?$select=displayName" with "Authorization: Bearer <token>"
 * }
 * }</pre>
 */
public final class GraphEmulator implements AutoCloseable {

    /** The scope a client credentials client asks for to call Graph. */
    public static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";

    private static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
    private static final Set<String> GRAPH_RESOURCES = Set.of("https://graph.microsoft.com", GRAPH_APP_ID);
    /** OpenID scopes that MSAL adds to every token request and Entra ID ignores for this grant. */
    private static final Set<String> OPENID_SCOPES = Set.of("openid", "profile", "offline_access", "email");
    private static final int TOKEN_LIFETIME_SECONDS = 3599;
    private static final int LIST_PAGE_SIZE = 100;
    private static final int DELTA_PAGE_SIZE = 200;
    private static final int MAX_PAGE_SIZE = 999;
    private static final String GRAPH_JSON =
            "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
    private static final String PLAIN_JSON = "application/json; charset=utf-8";
    private static final DateTimeFormatter ENTRA_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GRAPH_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String SECRET_CHARACTERS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.~";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Graph's default properties of a user, in Graph's order, when there is no {@code $select}. */
    private static final List<String> DEFAULT_SELECT = List.of("businessPhones", "displayName", "givenName",
            "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName",
            "id");
    /** The user properties that {@link GraphUser} holds. */
    private static final List<String> MODELLED = List.of("id", "accountEnabled", "businessPhones", "department",
            "displayName", "employeeId", "employeeType", "givenName", "jobTitle", "mail", "mobilePhone",
            "officeLocation", "preferredLanguage", "surname", "userPrincipalName");
    /** Other properties of Graph's user that may be selected; they are never set here. */
    private static final List<String> UNMODELLED_VALUES = List.of("ageGroup", "city", "companyName",
            "consentProvidedForMinor", "country", "createdDateTime", "creationType", "employeeHireDate",
            "employeeLeaveDateTime", "externalUserState", "externalUserStateChangeDateTime", "faxNumber",
            "isResourceAccount", "lastPasswordChangeDateTime", "legalAgeGroupClassification", "mailNickname",
            "onPremisesDistinguishedName", "onPremisesDomainName", "onPremisesImmutableId",
            "onPremisesLastSyncDateTime", "onPremisesSamAccountName", "onPremisesSecurityIdentifier",
            "onPremisesSyncEnabled", "onPremisesUserPrincipalName", "passwordPolicies", "postalCode",
            "preferredDataLocation", "securityIdentifier", "showInAddressList", "signInSessionsValidFromDateTime",
            "state", "streetAddress", "usageLocation", "userType");
    private static final List<String> UNMODELLED_COLLECTIONS = List.of("imAddresses", "otherMails",
            "proxyAddresses");
    private static final Map<String, String> CANONICAL_NAMES = canonicalNames();
    private static final Set<String> DELTA_SEGMENTS = Set.of("delta", "delta()", "microsoft.graph.delta",
            "microsoft.graph.delta()");
    private static final Set<String> USER_CASTS = Set.of("microsoft.graph.user", "graph.user");
    /** The properties of a group that the emulator holds, in Graph's order; the default of a group's GET. */
    private static final List<String> GROUP_PROPERTIES = List.of("id", "description", "displayName", "groupTypes",
            "mailEnabled", "securityEnabled");
    /** What the app may do unless a test says otherwise: read users and the members of groups. */
    private static final Set<String> DEFAULT_PERMISSIONS = Set.of("User.Read.All", "GroupMember.Read.All");
    /** Application permissions that let an app read users. */
    private static final Set<String> READ_USERS = Set.of("User.Read.All", "User.ReadWrite.All", "Directory.Read.All",
            "Directory.ReadWrite.All");
    /** Application permissions that let an app read groups and their members. */
    private static final Set<String> READ_GROUPS = Set.of("GroupMember.Read.All", "Group.Read.All",
            "Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");

    private final Path dir;
    private final HttpsServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final String tenantId;
    private final String clientId;
    private final String clientSecret;
    private final Path trustStore;
    private final char[] trustStorePassword;

    private final Object lock = new Object();
    private final NavigableMap<String, UserState> users = new TreeMap<>();
    private final Map<String, Group> groups = new HashMap<>();
    private final Map<String, IssuedToken> accessTokens = new HashMap<>();
    /** The application permissions the app has, with an admin's consent; tokens carry them as roles. */
    private final Set<String> permissions = new TreeSet<>(DEFAULT_PERMISSIONS);
    private final Map<String, PageToken> pageTokens = new HashMap<>();
    private final List<Request> requests = new ArrayList<>();
    /** Counts changes to users; a delta link remembers the count at the end of its round. */
    private long version;
    /** Bumped by {@link #expireDeltaTokens()}; delta tokens of an older generation are refused. */
    private int deltaGeneration;
    private int throttledResponses;
    private int throttleRetryAfter;
    private int throttleStatus;
    private boolean closed;

    private GraphEmulator(Path dir, HttpsServer server, ExecutorService executor, String tenantId, String clientId,
                          String clientSecret, Path trustStore, char[] trustStorePassword) {
        this.dir = dir;
        this.server = server;
        this.executor = executor;
        this.baseUrl = "https://localhost:" + server.getAddress().getPort();
        this.tenantId = tenantId;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.trustStore = trustStore;
        this.trustStorePassword = trustStorePassword;
    }

    /** Starts an emulator with a random tenant id, client id and client secret. */
    public static GraphEmulator start() throws IOException {
        return start(UUID.randomUUID().toString(), UUID.randomUUID().toString(), randomSecret());
    }

    /**
     * Writes a certificate to a new temporary directory and starts the HTTPS server on a free
     * port of 127.0.0.1, for one tenant with one registered application.
     *
     * @param tenantId     the only tenant the token endpoint knows, e.g. a GUID
     * @param clientId     the application (client) id it accepts
     * @param clientSecret that application's secret
     * @throws IllegalStateException when the openssl command is missing
     * @throws IOException           when openssl fails, with its output, or the server can't start
     */
    public static GraphEmulator start(String tenantId, String clientId, String clientSecret) throws IOException {
        requireText(tenantId, "tenantId");
        requireText(clientId, "clientId");
        requireText(clientSecret, "clientSecret");
        Path dir = Files.createTempDirectory("roster-graph");
        try {
            Path certificate = dir.resolve("server.crt");
            Path key = dir.resolve("server.key");
            TestFiles.selfSignedCertificate(dir, certificate, key, "The Graph emulator's tests");
            char[] trustStorePassword = TestFiles.randomHex().toCharArray();
            Path trustStore = dir.resolve("trust.p12");
            TestFiles.trustStore(certificate, trustStore, trustStorePassword, "graph-emulator");
            SSLContext ssl = serverContext(certificate, key);
            Files.delete(key);
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            server.setHttpsConfigurator(new HttpsConfigurator(ssl));
            AtomicInteger threads = new AtomicInteger();
            ExecutorService executor = Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "graph-emulator-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            GraphEmulator emulator = new GraphEmulator(dir, server, executor, tenantId, clientId, clientSecret,
                    trustStore, trustStorePassword);
            server.createContext("/", emulator::handle);
            server.start();
            return emulator;
        } catch (IOException | RuntimeException e) {
            TestFiles.deleteRecursively(dir);
            throw e;
        }
    }

    // --- where it is ---------------------------------------------------------------------

    /** {@code https://localhost:PORT}, the host the certificate names. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The authority host for MSAL or azure-identity: the same as {@link #baseUrl()}. */
    public String authorityHost() {
        return baseUrl;
    }

    /** Graph's root, {@code https://localhost:PORT/v1.0}, in place of {@code https://graph.microsoft.com/v1.0}. */
    public String graphUrl() {
        return baseUrl + "/v1.0";
    }

    /** {@code https://localhost:PORT/{tenant}/oauth2/v2.0/token}. */
    public String tokenEndpoint() {
        return baseUrl + "/" + tenantId + "/oauth2/v2.0/token";
    }

    /** A PKCS12 trust store holding the server's certificate, and nothing else. */
    public Path trustStore() {
        return trustStore;
    }

    public char[] trustStorePassword() {
        return trustStorePassword.clone();
    }

    public String tenantId() {
        return tenantId;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    // --- the directory -------------------------------------------------------------------

    /**
     * Adds a user, or replaces the user with the same id, restoring it if it was soft-deleted.
     * Either way it counts as a change for delta, even when no property differs.
     */
    public void putUser(GraphUser user) {
        Objects.requireNonNull(user, "user");
        synchronized (lock) {
            long change = ++version;
            UserState state = users.computeIfAbsent(user.id(), UserState::new);
            GraphUser old = state.user;
            for (String name : MODELLED) {
                Object value = user.property(name);
                if (old == null || !Objects.equals(value, old.property(name))) {
                    state.propertyChangedAt.put(name, change);
                }
                if (value != null) {
                    state.everSet.add(name);
                }
            }
            state.user = user;
            state.removedReason = null;
            state.changedAt = change;
        }
    }

    /**
     * Deletes a user: soft (Graph's delta reports {@code "@removed":{"reason":"changed"}}, and
     * {@link #putUser(GraphUser)} with its id restores it) or permanently ({@code "deleted"}).
     *
     * @throws IllegalArgumentException when there is no such user, or it is already deleted so
     */
    public void deleteUser(String id, boolean permanently) {
        synchronized (lock) {
            UserState state = users.get(id);
            if (state == null || "deleted".equals(state.removedReason)
                    || (state.user == null && !permanently)) {
                throw new IllegalArgumentException("no user " + id + " to delete"
                        + (permanently ? " permanently" : ""));
            }
            state.user = null;
            state.removedReason = permanently ? "deleted" : "changed";
            state.changedAt = ++version;
        }
    }

    /**
     * Adds or replaces a group, named by its id, with its direct members. Members that are not
     * (or no longer) users or groups here are skipped when members are listed; groups may nest in
     * cycles.
     */
    public void putGroup(String id, List<String> memberUserIds, List<String> memberGroupIds) {
        putGroup(id, id, memberUserIds, memberGroupIds);
    }

    /** Adds or replaces a group with its display name and direct members, as {@link #putGroup(String, List, List)}. */
    public void putGroup(String id, String displayName, List<String> memberUserIds, List<String> memberGroupIds) {
        requireText(id, "id");
        requireText(displayName, "displayName");
        synchronized (lock) {
            groups.put(id, new Group(displayName, List.copyOf(memberUserIds), List.copyOf(memberGroupIds)));
        }
    }

    // --- behaviour -----------------------------------------------------------------------

    /**
     * Makes the next {@code responses} Graph requests (not token or metadata requests) fail, as
     * Graph does when it throttles: status 429 with error code {@code TooManyRequests}, or 503
     * with {@code serviceNotAvailable}, and a {@code Retry-After} header of
     * {@code retryAfterSeconds}. A throttled request is answered before its token is checked.
     */
    public void throttle(int responses, int retryAfterSeconds, int status) {
        if (status != 429 && status != 503) {
            throw new IllegalArgumentException("Graph throttles with 429 or 503, not " + status);
        }
        if (responses < 0 || retryAfterSeconds < 0) {
            throw new IllegalArgumentException("responses and retryAfterSeconds must not be negative");
        }
        synchronized (lock) {
            throttledResponses = responses;
            throttleRetryAfter = retryAfterSeconds;
            throttleStatus = status;
        }
    }

    /** Makes every access token issued so far expired: Graph answers them 401, and a client must get a new one. */
    public void expireTokens() {
        synchronized (lock) {
            accessTokens.replaceAll((token, issued) -> new IssuedToken(Instant.EPOCH, issued.roles()));
        }
    }

    /**
     * Sets the application permissions the app has, with an admin's consent, in place of
     * {@code User.Read.All} and {@code GroupMember.Read.All}: none at all makes every Graph
     * request answer 403 {@code Authorization_RequestDenied}. As in Entra ID, tokens issued
     * before keep the permissions they were issued with.
     *
     * <pre>{@code
     * graph.consentPermissions("GroupMember.Read.All"); // the app can no longer read users
     * }</pre>
     */
    public void consentPermissions(String... granted) {
        synchronized (lock) {
            permissions.clear();
            permissions.addAll(List.of(granted));
        }
    }

    /**
     * Makes every delta link and delta next link issued so far stale, as after Graph's seven
     * days: following one answers 400 {@code syncStateNotFound}, and a client must start a full
     * round again.
     */
    public void expireDeltaTokens() {
        synchronized (lock) {
            deltaGeneration++;
        }
    }

    /**
     * Forgets users, groups, issued access tokens, skip and delta tokens, throttling, changed
     * permissions and the request log, as if just started: the address, certificate and credentials stay. For one
     * emulator shared by the tests of a class.
     */
    public void reset() {
        synchronized (lock) {
            users.clear();
            groups.clear();
            accessTokens.clear();
            pageTokens.clear();
            requests.clear();
            version = 0;
            deltaGeneration++;
            throttledResponses = 0;
            permissions.clear();
            permissions.addAll(DEFAULT_PERMISSIONS);
        }
    }

    /** Every request so far, in order of arrival. */
    public List<Request> requests() {
        synchronized (lock) {
            List<Request> copy = new ArrayList<>(requests);
            copy.sort(Comparator.comparingLong(Request::nanoTime));
            return List.copyOf(copy);
        }
    }

    /** Stops the server and deletes its directory and certificate. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        TestFiles.deleteRecursively(dir);
    }

    @Override
    public String toString() {
        return "GraphEmulator[" + baseUrl + ", tenant " + tenantId + "]";
    }

    /**
     * A user as Graph describes it, with the properties a directory reader uses; Graph's JSON
     * names are the component names. {@link #builder()} starts with a random GUID as id and
     * {@code accountEnabled} true.
     *
     * <pre>{@code
     * GraphUser ada = GraphUser.builder().displayName("Ada Lovelace").mobilePhone("+44 7700 900001").build();
     * GraphUser moved = ada.toBuilder().officeLocation("London").build();
     * }</pre>
     */
    public record GraphUser(String id, String userPrincipalName, String displayName, String givenName,
                            String surname, String mail, String mobilePhone, List<String> businessPhones,
                            String department, String officeLocation, String jobTitle, String employeeType,
                            String employeeId, String preferredLanguage, boolean accountEnabled) {

        public GraphUser {
            requireText(id, "id");
            businessPhones = businessPhones == null ? List.of() : List.copyOf(businessPhones);
        }

        public static Builder builder() {
            return new Builder();
        }

        public Builder toBuilder() {
            return new Builder().id(id).userPrincipalName(userPrincipalName).displayName(displayName)
                    .givenName(givenName).surname(surname).mail(mail).mobilePhone(mobilePhone)
                    .businessPhones(businessPhones).department(department).officeLocation(officeLocation)
                    .jobTitle(jobTitle).employeeType(employeeType).employeeId(employeeId)
                    .preferredLanguage(preferredLanguage).accountEnabled(accountEnabled);
        }

        /** The value of a property by its Graph name: a String, a List of Strings or a Boolean. */
        Object property(String name) {
            return switch (name) {
                case "id" -> id;
                case "userPrincipalName" -> userPrincipalName;
                case "displayName" -> displayName;
                case "givenName" -> givenName;
                case "surname" -> surname;
                case "mail" -> mail;
                case "mobilePhone" -> mobilePhone;
                case "businessPhones" -> businessPhones;
                case "department" -> department;
                case "officeLocation" -> officeLocation;
                case "jobTitle" -> jobTitle;
                case "employeeType" -> employeeType;
                case "employeeId" -> employeeId;
                case "preferredLanguage" -> preferredLanguage;
                case "accountEnabled" -> accountEnabled;
                default -> throw new IllegalArgumentException("no user property " + name);
            };
        }

        /** Builds a {@link GraphUser}; unset properties are null, as in Graph. */
        public static final class Builder {
            private String id = UUID.randomUUID().toString();
            private String userPrincipalName;
            private String displayName;
            private String givenName;
            private String surname;
            private String mail;
            private String mobilePhone;
            private List<String> businessPhones = List.of();
            private String department;
            private String officeLocation;
            private String jobTitle;
            private String employeeType;
            private String employeeId;
            private String preferredLanguage;
            private boolean accountEnabled = true;

            private Builder() {
            }

            public Builder id(String id) {
                this.id = id;
                return this;
            }

            public Builder userPrincipalName(String userPrincipalName) {
                this.userPrincipalName = userPrincipalName;
                return this;
            }

            public Builder displayName(String displayName) {
                this.displayName = displayName;
                return this;
            }

            public Builder givenName(String givenName) {
                this.givenName = givenName;
                return this;
            }

            public Builder surname(String surname) {
                this.surname = surname;
                return this;
            }

            public Builder mail(String mail) {
                this.mail = mail;
                return this;
            }

            public Builder mobilePhone(String mobilePhone) {
                this.mobilePhone = mobilePhone;
                return this;
            }

            public Builder businessPhones(List<String> businessPhones) {
                this.businessPhones = businessPhones;
                return this;
            }

            public Builder department(String department) {
                this.department = department;
                return this;
            }

            public Builder officeLocation(String officeLocation) {
                this.officeLocation = officeLocation;
                return this;
            }

            public Builder jobTitle(String jobTitle) {
                this.jobTitle = jobTitle;
                return this;
            }

            public Builder employeeType(String employeeType) {
                this.employeeType = employeeType;
                return this;
            }

            public Builder employeeId(String employeeId) {
                this.employeeId = employeeId;
                return this;
            }

            public Builder preferredLanguage(String preferredLanguage) {
                this.preferredLanguage = preferredLanguage;
                return this;
            }

            public Builder accountEnabled(boolean accountEnabled) {
                this.accountEnabled = accountEnabled;
                return this;
            }

            public GraphUser build() {
                return new GraphUser(id, userPrincipalName, displayName, givenName, surname, mail, mobilePhone,
                        businessPhones, department, officeLocation, jobTitle, employeeType, employeeId,
                        preferredLanguage, accountEnabled);
            }
        }
    }

    /**
     * One request as the emulator saw it: the method, the path with its query as sent, the status
     * it was answered with, and when it arrived, as a wall-clock instant and as
     * {@link System#nanoTime()} for measuring waits.
     */
    public record Request(String method, String target, int status, Instant time, long nanoTime) {

        /** Whether it was a Graph request, under {@code /v1.0}. */
        public boolean graph() {
            return target.equals("/v1.0") || target.startsWith("/v1.0/") || target.startsWith("/v1.0?");
        }

        /** The path without the query. */
        public String path() {
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }
    }

    // --- serving -------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        long nanoTime = System.nanoTime();
        Instant time = Instant.now();
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        Response response;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            Call call = new Call(exchange, body);
            synchronized (lock) {
                try {
                    response = route(call);
                } catch (Refused refused) {
                    response = refused.response;
                }
                requests.add(new Request(exchange.getRequestMethod(), target, response.status, time, nanoTime));
            }
        } catch (RuntimeException e) {
            response = graphError(500, "generalException", "The emulator failed: " + e, null);
            synchronized (lock) {
                requests.add(new Request(exchange.getRequestMethod(), target, 500, time, nanoTime));
            }
        }
        byte[] bytes = response.body.getBytes(StandardCharsets.UTF_8);
        response.headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(response.status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Response route(Call call) {
        String path = call.exchange.getRequestURI().getPath();
        List<String> segments = Stream.of(path.split("/")).filter(s -> !s.isEmpty()).toList();
        if (!segments.isEmpty() && segments.get(0).equals("v1.0")) {
            return graph(call, segments.subList(1, segments.size()));
        }
        if (segments.size() == 4 && segments.get(1).equals("oauth2") && segments.get(2).equals("v2.0")
                && segments.get(3).equals("token")) {
            return token(call, segments.get(0));
        }
        if (segments.size() == 4 && segments.get(1).equals("v2.0") && segments.get(2).equals(".well-known")
                && segments.get(3).equals("openid-configuration") && call.isGet()) {
            return openIdConfiguration(call, segments.get(0));
        }
        if (segments.size() == 4 && segments.get(1).equals("discovery") && segments.get(2).equals("v2.0")
                && segments.get(3).equals("keys") && call.isGet()) {
            // access tokens here are opaque random strings, not signed JWTs: there are no keys to publish
            return knownTenant(segments.get(0)) ? entraResponse(call, 200, Json.createObjectBuilder()
                    .add("keys", Json.createArrayBuilder()).build()) : invalidTenant(call, segments.get(0));
        }
        if (segments.equals(List.of("common", "discovery", "instance")) && call.isGet()) {
            return instanceDiscovery(call);
        }
        String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
        return graphError(404, "Request_ResourceNotFound", "Resource not found for the segment '" + last + "'.",
                call);
    }

    // --- identity platform ---------------------------------------------------------------

    private Response token(Call call, String tenant) {
        if (!call.exchange.getRequestMethod().equals("POST")) {
            return entraError(call, 400, "invalid_request", 900561, "The endpoint only accepts POST requests. "
                    + "Received a " + call.exchange.getRequestMethod() + " request.");
        }
        if (!tenant.equalsIgnoreCase(tenantId)) {
            return invalidTenant(call, tenant);
        }
        String contentType = call.header("Content-Type");
        Map<String, String> form = contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                ? parseForm(new String(call.body, StandardCharsets.UTF_8)) : Map.of();
        Map<String, String> parameters = new HashMap<>(form);
        String authorization = call.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            // client_secret_basic: the form-encoded id and secret, joined by a colon, in base 64
            String pair;
            try {
                pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                pair = "";
            }
            int colon = pair.indexOf(':');
            if (colon > 0) {
                parameters.putIfAbsent("client_id", decode(pair.substring(0, colon)));
                parameters.putIfAbsent("client_secret", decode(pair.substring(colon + 1)));
            }
        }
        for (String required : List.of("grant_type", "client_id", "scope")) {
            if (isBlank(parameters.get(required))) {
                return entraError(call, 400, "invalid_request", 900144,
                        "The request body must contain the following parameter: '" + required + "'.");
            }
        }
        String grant = parameters.get("grant_type");
        if (!grant.equals("client_credentials")) {
            return entraError(call, 400, "unsupported_grant_type", 70003,
                    "The app requested an unsupported grant type '" + grant + "'.");
        }
        String client = parameters.get("client_id");
        if (!client.equalsIgnoreCase(clientId)) {
            return entraError(call, 400, "unauthorized_client", 700016, "Application with identifier '" + client
                    + "' was not found in the directory '" + tenant + "'. This can happen if the application has "
                    + "not been installed by the administrator of the tenant or consented to by any user in the "
                    + "tenant. You may have sent your authentication request to the wrong tenant.");
        }
        String secret = parameters.get("client_secret");
        if (isBlank(secret)) {
            return entraError(call, 401, "invalid_client", 7000218,
                    "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
        }
        if (!secret.equals(clientSecret)) {
            return entraError(call, 401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the "
                    + "secret being sent in the request is the client secret value, not the client secret ID, for "
                    + "a secret added to app '" + clientId + "'.");
        }
        List<String> scopes = Stream.of(parameters.get("scope").trim().split("\\s+"))
                .filter(scope -> !OPENID_SCOPES.contains(scope.toLowerCase(Locale.ROOT))).toList();
        if (scopes.size() != 1 || !scopes.get(0).endsWith("/.default")) {
            return entraError(call, 400, "invalid_scope", 1002012, "The provided value for scope "
                    + String.join(" ", scopes) + " is not valid. Client credential flows must have a scope value "
                    + "with /.default suffixed to the resource identifier (application ID URI).");
        }
        String resource = scopes.get(0).substring(0, scopes.get(0).length() - "/.default".length());
        String trimmed = resource.endsWith("/") ? resource.substring(0, resource.length() - 1) : resource;
        if (!GRAPH_RESOURCES.contains(trimmed.toLowerCase(Locale.ROOT))) {
            return entraError(call, 400, "invalid_resource", 500011, "The resource principal named " + resource
                    + " was not found in the tenant named " + tenant + ". This can happen if the application has "
                    + "not been installed by the administrator of the tenant or consented to by any user in the "
                    + "tenant. You might have sent your authentication request to the wrong tenant.");
        }
        String accessToken = randomToken(64);
        accessTokens.put(accessToken, new IssuedToken(Instant.now().plusSeconds(TOKEN_LIFETIME_SECONDS),
                Set.copyOf(permissions)));
        JsonObject body = Json.createObjectBuilder()
                .add("token_type", "Bearer")
                .add("expires_in", TOKEN_LIFETIME_SECONDS)
                .add("ext_expires_in", TOKEN_LIFETIME_SECONDS)
                .add("access_token", accessToken)
                .build();
        return entraResponse(call, 200, body);
    }

    private Response openIdConfiguration(Call call, String tenant) {
        if (!knownTenant(tenant) && !tenant.equalsIgnoreCase("common") && !tenant.equalsIgnoreCase("organizations")) {
            return invalidTenant(call, tenant);
        }
        String issuerTenant = knownTenant(tenant) ? tenantId : "{tenantid}";
        String root = baseUrl + "/" + tenant;
        JsonObject body = Json.createObjectBuilder()
                .add("token_endpoint", root + "/oauth2/v2.0/token")
                .add("token_endpoint_auth_methods_supported", Json.createArrayBuilder()
                        .add("client_secret_post").add("private_key_jwt").add("client_secret_basic"))
                .add("jwks_uri", root + "/discovery/v2.0/keys")
                .add("response_modes_supported", Json.createArrayBuilder().add("query").add("fragment").add("form_post"))
                .add("subject_types_supported", Json.createArrayBuilder().add("pairwise"))
                .add("id_token_signing_alg_values_supported", Json.createArrayBuilder().add("RS256"))
                .add("response_types_supported", Json.createArrayBuilder()
                        .add("code").add("id_token").add("code id_token").add("id_token token"))
                .add("scopes_supported", Json.createArrayBuilder()
                        .add("openid").add("profile").add("email").add("offline_access"))
                .add("issuer", baseUrl + "/" + issuerTenant + "/v2.0")
                .add("request_uri_parameter_supported", false)
                .add("userinfo_endpoint", baseUrl + "/oidc/userinfo")
                .add("authorization_endpoint", root + "/oauth2/v2.0/authorize")
                .add("device_authorization_endpoint", root + "/oauth2/v2.0/devicecode")
                .add("http_logout_supported", true)
                .add("frontchannel_logout_supported", true)
                .add("end_session_endpoint", root + "/oauth2/v2.0/logout")
                .add("claims_supported", Json.createArrayBuilder().add("sub").add("iss").add("aud").add("exp")
                        .add("iat").add("auth_time").add("acr").add("nonce").add("preferred_username").add("name")
                        .add("tid").add("ver").add("at_hash").add("c_hash").add("email"))
                .add("kerberos_endpoint", root + "/kerberos")
                .addNull("tenant_region_scope")
                .add("cloud_instance_name", "microsoftonline.com")
                .add("cloud_graph_host_name", "graph.windows.net")
                .add("msgraph_host", hostAndPort())
                .add("rbac_url", "https://pas.windows.net")
                .build();
        return entraResponse(call, 200, body);
    }

    private Response instanceDiscovery(Call call) {
        // the tenant is the first path segment of the authorization endpoint the client asks about
        String tenant = "common";
        String authorize = call.query().get("authorization_endpoint");
        if (authorize != null) {
            String[] parts = authorize.replaceFirst("^[a-zA-Z]+://[^/]+/", "").split("/");
            if (parts.length > 0 && !parts[0].isEmpty()) {
                tenant = parts[0];
            }
        }
        JsonObject body = Json.createObjectBuilder()
                .add("tenant_discovery_endpoint", baseUrl + "/" + tenant + "/v2.0/.well-known/openid-configuration")
                .add("api-version", "1.1")
                .add("metadata", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("preferred_network", hostAndPort())
                        .add("preferred_cache", hostAndPort())
                        .add("aliases", Json.createArrayBuilder().add(hostAndPort()).add("localhost"))))
                .build();
        return entraResponse(call, 200, body);
    }

    private boolean knownTenant(String tenant) {
        return tenant.equalsIgnoreCase(tenantId);
    }

    private Response invalidTenant(Call call, String tenant) {
        boolean token = call.exchange.getRequestURI().getPath().endsWith("/token");
        return entraError(call, 400, token ? "invalid_request" : "invalid_tenant", 90002, "Tenant '" + tenant
                + "' not found. Check to make sure you have the correct tenant ID and are signing into the correct "
                + "cloud. Check with your subscription administrator, this may happen if there are no active "
                + "subscriptions for the tenant.");
    }

    /** An error as Entra ID words it: AADSTS code, trace and correlation ids, and a timestamp. */
    private Response entraError(Call call, int status, String error, int code, String message) {
        String traceId = UUID.randomUUID().toString();
        String correlationId = call.clientRequestId();
        String timestamp = ENTRA_TIME.format(Instant.now());
        JsonObject body = Json.createObjectBuilder()
                .add("error", error)
                .add("error_description", "AADSTS" + code + ": " + message + " Trace ID: " + traceId
                        + " Correlation ID: " + correlationId + " Timestamp: " + timestamp)
                .add("error_codes", Json.createArrayBuilder().add(code))
                .add("timestamp", timestamp)
                .add("trace_id", traceId)
                .add("correlation_id", correlationId)
                .add("error_uri", baseUrl + "/error?code=" + code)
                .build();
        return entraResponse(call, status, body);
    }

    private Response entraResponse(Call call, int status, JsonObject body) {
        Response response = new Response(status, body.toString(), PLAIN_JSON);
        response.headers.put("Cache-Control", "no-store, no-cache");
        response.headers.put("Pragma", "no-cache");
        response.headers.put("x-ms-request-id", UUID.randomUUID().toString());
        if ("true".equalsIgnoreCase(call.header("return-client-request-id"))) {
            response.headers.put("client-request-id", call.clientRequestId());
        }
        return response;
    }

    private String hostAndPort() {
        return baseUrl.substring("https://".length());
    }

    // --- Graph ---------------------------------------------------------------------------

    private Response graph(Call call, List<String> segments) {
        if (throttledResponses > 0) {
            throttledResponses--;
            Response response = throttleStatus == 429
                    ? graphError(429, "TooManyRequests", "Too many requests", call)
                    : graphError(503, "serviceNotAvailable", "The service is temporarily unavailable. "
                    + "You may repeat the request after a delay, the length of which may be specified in a "
                    + "Retry-After header.", call);
            response.headers.put("Retry-After", Integer.toString(throttleRetryAfter));
            return response;
        }
        Response refused = checkToken(call);
        if (refused != null) {
            return refused;
        }
        if (!call.isGet()) {
            return graphError(405, "Request_BadRequest", "Specified HTTP method is not allowed for the request "
                    + "target.", call);
        }
        List<String> lower = segments.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        Set<String> roles = accessTokens.get(bearerToken(call)).roles();
        if (!lower.isEmpty() && lower.get(0).equals("users") && lower.size() <= 2
                && roles.stream().noneMatch(READ_USERS::contains)) {
            return insufficientPrivileges(call);
        }
        if (!lower.isEmpty() && lower.get(0).equals("groups") && roles.stream().noneMatch(READ_GROUPS::contains)) {
            return insufficientPrivileges(call);
        }
        if (lower.equals(List.of("users"))) {
            return listUsers(call);
        }
        if (lower.size() == 2 && lower.get(0).equals("users") && DELTA_SEGMENTS.contains(lower.get(1))) {
            return delta(call);
        }
        if (lower.size() == 2 && lower.get(0).equals("users")) {
            return getUser(call, segments.get(1));
        }
        if (lower.size() == 2 && lower.get(0).equals("groups")) {
            return getGroup(call, segments.get(1));
        }
        if (lower.size() == 4 && lower.get(0).equals("groups") && lower.get(2).equals("transitivemembers")
                && USER_CASTS.contains(lower.get(3))) {
            return transitiveMembers(call, segments.get(1), roles.stream().anyMatch(READ_USERS::contains));
        }
        String last = segments.isEmpty() ? "v1.0" : segments.get(segments.size() - 1);
        return graphError(404, "Request_ResourceNotFound", "Resource not found for the segment '" + last + "'.",
                call);
    }

    /** Null when the request carries a bearer token that this emulator issued and that is still valid. */
    private Response checkToken(Call call) {
        String token = bearerToken(call);
        String message;
        if (token.isEmpty()) {
            message = "Access token is empty.";
        } else if (!accessTokens.containsKey(token)) {
            message = "Access token validation failure. Invalid audience.";
        } else if (!accessTokens.get(token).expiry().isAfter(Instant.now())) {
            message = "Lifetime validation failed, the token is expired.";
        } else {
            return null;
        }
        Response response = graphError(401, "InvalidAuthenticationToken", message, call);
        response.headers.put("WWW-Authenticate", "Bearer realm=\"\", authorization_uri=\"" + baseUrl
                + "/common/oauth2/authorize\", client_id=\"" + GRAPH_APP_ID + "\"");
        return response;
    }

    /** The request's bearer token, or an empty string. */
    private static String bearerToken(Call call) {
        String authorization = call.header("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : "";
    }

    private Response insufficientPrivileges(Call call) {
        return graphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.",
                call);
    }

    private Response listUsers(Call call) {
        PageToken page = listPageToken(call, Kind.USERS, null, Set.of("$count"));
        List<UserState> present = users.values().stream().filter(user -> user.user != null).toList();
        Integer count = null;
        if (call.query().get("$skiptoken") == null && counted(call)) {
            count = present.size();
        }
        return listPage(call, page, present, "/$metadata#users", count);
    }

    /**
     * Whether the request asks for {@code $count=true}; refused as Graph refuses a count of
     * directory objects without {@code ConsistencyLevel: eventual}.
     */
    private boolean counted(Call call) {
        String count = call.query().get("$count");
        if (count == null || count.trim().equalsIgnoreCase("false")) {
            return false;
        }
        if (!count.trim().equalsIgnoreCase("true")) {
            throw new Refused(graphError(400, "Request_BadRequest", "Invalid value '" + count + "' for the query "
                    + "option $count: it must be true or false.", call));
        }
        if (!"eventual".equalsIgnoreCase(Objects.requireNonNullElse(call.header("ConsistencyLevel"), "").trim())) {
            throw new Refused(graphError(400, "Request_BadRequest", "$count is not currently supported.", call));
        }
        return true;
    }

    private Response getGroup(Call call, String groupId) {
        requireSupportedOptions(call, Set.of("$select"));
        List<String> properties = GROUP_PROPERTIES;
        String select = call.query().get("$select");
        if (select != null && !select.isBlank()) {
            Set<String> chosen = new LinkedHashSet<>();
            for (String part : select.split(",")) {
                String name = part.trim();
                if (name.isEmpty()) {
                    continue;
                }
                String canonical = GROUP_PROPERTIES.stream().filter(p -> p.equalsIgnoreCase(name)).findFirst()
                        .orElseThrow(() -> new Refused(graphError(400, "Request_BadRequest", "Could not find a "
                                + "property named '" + name + "' on type 'microsoft.graph.group'.", call)));
                chosen.add(canonical);
            }
            chosen.add("id");
            properties = List.copyOf(chosen);
        }
        Group group = groups.get(groupId);
        if (group == null) {
            return graphError(404, "Request_ResourceNotFound", "Resource '" + groupId + "' does not exist or one "
                    + "of its queried reference-property objects are not present.", call);
        }
        String suffix = select == null || select.isBlank() ? "" : "(" + String.join(",", properties) + ")";
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("@odata.context", graphUrl() + "/$metadata#groups" + suffix + "/$entity");
        for (String name : properties) {
            switch (name) {
                case "id" -> body.add(name, groupId);
                case "displayName" -> body.add(name, group.displayName());
                case "groupTypes" -> body.add(name, JsonValue.EMPTY_JSON_ARRAY);
                case "mailEnabled" -> body.add(name, JsonValue.FALSE);
                case "securityEnabled" -> body.add(name, JsonValue.TRUE);
                default -> body.add(name, JsonValue.NULL);
            }
        }
        return graphJson(call, 200, body.build());
    }

    private Response transitiveMembers(Call call, String groupId, boolean mayReadUsers) {
        PageToken page = listPageToken(call, Kind.MEMBERS, groupId, Set.of());
        if (!mayReadUsers) {
            // Graph lists directory objects the app may not read with their id only
            page = page.withSelect(new Selection(List.of("id"), null));
        }
        if (!groups.containsKey(groupId)) {
            return graphError(404, "Request_ResourceNotFound", "Resource '" + groupId + "' does not exist or one "
                    + "of its queried reference-property objects are not present.", call);
        }
        Set<String> memberIds = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(groupId));
        while (!pending.isEmpty()) {
            Group group = groups.get(pending.pop());
            if (group == null) {
                continue;
            }
            memberIds.addAll(group.userIds);
            for (String nested : group.groupIds) {
                if (seen.add(nested)) {
                    pending.push(nested);
                }
            }
        }
        List<UserState> members = memberIds.stream().map(users::get)
                .filter(user -> user != null && user.user != null).toList();
        return listPage(call, page, members, "/$metadata#users", null);
    }

    /** What a list request asks for: the page its skip token names, or a first page for its query. */
    private PageToken listPageToken(Call call, Kind kind, String groupId, Set<String> otherOptions) {
        Set<String> supported = new HashSet<>(otherOptions);
        supported.addAll(Set.of("$select", "$top", "$skiptoken"));
        requireSupportedOptions(call, supported);
        String skipToken = call.query().get("$skiptoken");
        if (skipToken == null) {
            return new PageToken(kind, selection(call), top(call), LIST_PAGE_SIZE, null, false, 0, 0, groupId, 0);
        }
        PageToken page = pageTokens.get(skipToken);
        if (page == null || page.kind != kind || !Objects.equals(page.groupId, groupId)) {
            throw new Refused(graphError(400, "Request_BadRequest", "The skip token is not valid.", call));
        }
        return page;
    }

    /** One page of a list (users or members), which answers unset properties with null; {@code count} may be null. */
    private Response listPage(Call call, PageToken page, List<UserState> all, String context, Integer count) {
        List<UserState> after = all.stream()
                .filter(user -> page.afterId == null || user.id.compareTo(page.afterId) > 0).toList();
        int size = page.pageSize();
        List<UserState> shown = after.subList(0, Math.min(size, after.size()));
        JsonArrayBuilder value = Json.createArrayBuilder();
        shown.forEach(user -> value.add(listJson(user.user, page.select)));
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("@odata.context", graphUrl() + context + page.select.contextSuffix());
        if (count != null) {
            body.add("@odata.count", count);
        }
        if (after.size() > size) {
            String token = randomToken(48);
            pageTokens.put(token, page.after(shown.get(shown.size() - 1).id));
            StringBuilder link = new StringBuilder(baseUrl).append(call.exchange.getRequestURI().getRawPath())
                    .append('?');
            if (page.select.selected() != null) {
                link.append("$select=").append(String.join(",", page.select.selected())).append('&');
            }
            if (page.top != null) {
                link.append("$top=").append(page.top).append('&');
            }
            link.append("$skiptoken=").append(token);
            body.add("@odata.nextLink", link.toString());
        }
        body.add("value", value);
        return graphJson(call, 200, body.build());
    }

    private Response getUser(Call call, String key) {
        requireSupportedOptions(call, Set.of("$select"));
        Selection select = selection(call);
        GraphUser found = users.values().stream().map(user -> user.user).filter(Objects::nonNull)
                .filter(user -> user.id().equalsIgnoreCase(key) || key.equalsIgnoreCase(user.userPrincipalName()))
                .findFirst().orElse(null);
        if (found == null) {
            return graphError(404, "Request_ResourceNotFound", "Resource '" + key + "' does not exist or one of "
                    + "its queried reference-property objects are not present.", call);
        }
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("@odata.context", graphUrl() + "/$metadata#users" + select.contextSuffix() + "/$entity");
        listJson(found, select).forEach(body::add);
        return graphJson(call, 200, body.build());
    }

    private Response delta(Call call) {
        requireSupportedOptions(call, Set.of("$select", "$top", "$skiptoken", "$deltatoken"));
        Integer preferredSize = call.preferredPageSize();
        PageToken page;
        String deltaToken = call.query().get("$deltatoken");
        String skipToken = call.query().get("$skiptoken");
        if (deltaToken != null || skipToken != null) {
            // the tokens carry the first request's query; any other option sent along is ignored
            PageToken token = pageTokens.get(deltaToken != null ? deltaToken : skipToken);
            Kind expected = deltaToken != null ? Kind.DELTA_LINK : Kind.DELTA_PAGE;
            if (token == null || token.kind != expected || token.generation != deltaGeneration) {
                return graphError(400, "syncStateNotFound", "The sync state generation is not found. The delta "
                        + "token is expired and data must be synchronized again.", call);
            }
            page = deltaToken != null ? token.startRound(version) : token;
            if (preferredSize != null) {
                page = page.withTop(preferredSize);
            }
        } else {
            Integer top = top(call);
            page = new PageToken(Kind.DELTA_PAGE, selection(call), top != null ? top : preferredSize,
                    DELTA_PAGE_SIZE, null, true, 0, version, null, deltaGeneration);
        }
        PageToken round = page;
        List<UserState> after = users.values().stream()
                .filter(user -> round.full
                        ? user.user != null || "changed".equals(user.removedReason)
                        : user.changedAt > round.since)
                .filter(user -> round.afterId == null || user.id.compareTo(round.afterId) > 0)
                .toList();
        int size = round.pageSize();
        List<UserState> shown = after.subList(0, Math.min(size, after.size()));
        boolean minimal = !round.full && call.prefers("return=minimal");
        JsonArrayBuilder value = Json.createArrayBuilder();
        shown.forEach(user -> value.add(deltaJson(user, round, minimal)));
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("@odata.context", graphUrl() + "/$metadata#users" + round.select.contextSuffix());
        String link = baseUrl + call.exchange.getRequestURI().getRawPath();
        String token = randomToken(48);
        if (after.size() > size) {
            pageTokens.put(token, round.after(shown.get(shown.size() - 1).id));
            body.add("@odata.nextLink", link + "?$skiptoken=" + token);
        } else {
            pageTokens.put(token, round.endRound());
            body.add("@odata.deltaLink", link + "?$deltatoken=" + token);
        }
        body.add("value", value);
        Response response = graphJson(call, 200, body.build());
        if (preferredSize != null) {
            response.headers.put("Preference-Applied", "odata.maxpagesize=" + round.pageSize());
        }
        return response;
    }

    /** A user in a list: the selected properties, unset ones as null, and always the id. */
    private static JsonObject listJson(GraphUser user, Selection select) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        for (String name : select.properties()) {
            if (MODELLED.contains(name)) {
                json.add(name, jsonValue(user.property(name)));
            } else {
                json.add(name, UNMODELLED_COLLECTIONS.contains(name) ? JsonValue.EMPTY_JSON_ARRAY : JsonValue.NULL);
            }
        }
        return json.build();
    }

    /**
     * A user in a delta response: removed users as {@code @removed}; others with the selected
     * properties that were ever set (null when set and then cleared), only those changed in this
     * round when the client prefers a minimal response, and always the id.
     */
    private static JsonObject deltaJson(UserState state, PageToken round, boolean minimal) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        if (state.user == null) {
            return json.add("id", state.id)
                    .add("@removed", Json.createObjectBuilder().add("reason", state.removedReason))
                    .build();
        }
        for (String name : round.select.properties()) {
            if (name.equals("id") || !state.everSet.contains(name)) {
                continue;
            }
            if (minimal && state.propertyChangedAt.getOrDefault(name, 0L) <= round.since) {
                continue;
            }
            json.add(name, jsonValue(state.user.property(name)));
        }
        return json.add("id", state.user.id()).build();
    }

    private static JsonValue jsonValue(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof List<?> list) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            list.forEach(item -> array.add(String.valueOf(item)));
            return array.build();
        }
        return Json.createValue(value.toString());
    }

    private void requireSupportedOptions(Call call, Set<String> supported) {
        for (String option : call.query().keySet()) {
            if (option.startsWith("$") && !supported.contains(option.toLowerCase(Locale.ROOT))) {
                throw new Refused(graphError(400, "Request_UnsupportedQuery", "The query option '" + option
                        + "' is not supported by the Graph emulator on this path; it supports "
                        + String.join(", ", new TreeSet<>(supported)) + ".", call));
            }
        }
    }

    /** The request's {@code $select}, refused when it names something that is no property of a user. */
    private Selection selection(Call call) {
        Selection select = Selection.parse(call.query().get("$select"));
        if (select.unknown != null) {
            throw new Refused(graphError(400, "Request_BadRequest", "Could not find a property named '"
                    + select.unknown + "' on type 'microsoft.graph.user'.", call));
        }
        return select;
    }

    /** The request's {@code $top}, null when absent, refused when not a number from 1 to 999. */
    private Integer top(Call call) {
        String top = call.query().get("$top");
        if (top == null) {
            return null;
        }
        try {
            int size = Integer.parseInt(top.trim());
            if (size >= 1 && size <= MAX_PAGE_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // refused below, as Graph refuses it
        }
        throw new Refused(graphError(400, "Request_BadRequest", "Invalid page size specified: '" + top
                + "'. Must be between 1 and " + MAX_PAGE_SIZE + " inclusive.", call));
    }

    private Response graphJson(Call call, int status, JsonObject body) {
        Response response = new Response(status, body.toString(), GRAPH_JSON);
        graphHeaders(call, response);
        response.headers.put("OData-Version", "4.0");
        return response;
    }

    /** An error as Graph words it: {@code {"error":{"code","message","innerError":{…}}}}. */
    private Response graphError(int status, String code, String message, Call call) {
        String requestId = UUID.randomUUID().toString();
        String clientRequestId = call == null ? requestId : call.clientRequestId();
        JsonObject body = Json.createObjectBuilder().add("error", Json.createObjectBuilder()
                .add("code", code)
                .add("message", message)
                .add("innerError", Json.createObjectBuilder()
                        .add("date", GRAPH_TIME.format(Instant.now()))
                        .add("request-id", requestId)
                        .add("client-request-id", clientRequestId)))
                .build();
        Response response = new Response(status, body.toString(), PLAIN_JSON);
        response.headers.put("request-id", requestId);
        response.headers.put("client-request-id", clientRequestId);
        return response;
    }

    private static void graphHeaders(Call call, Response response) {
        String requestId = UUID.randomUUID().toString();
        response.headers.put("request-id", requestId);
        response.headers.put("client-request-id", call.clientRequestId());
    }

    // --- state ---------------------------------------------------------------------------

    /** A user as the emulator keeps it, with what delta needs to know about its changes. */
    private static final class UserState {
        /** Null once removed. */
        GraphUser user;
        /** {@code "changed"} once soft-deleted, {@code "deleted"} once permanently deleted. */
        String removedReason;
        /** The change count at its last change, removal included. */
        long changedAt;
        final Map<String, Long> propertyChangedAt = new HashMap<>();
        /** Properties that have had a value at some time: delta leaves out the others. */
        final Set<String> everSet = new HashSet<>();
        final String id;

        UserState(String id) {
            this.id = id;
        }
    }

    private record Group(String displayName, List<String> userIds, List<String> groupIds) {
    }

    /** An access token this server issued: until when it is valid, and the app's permissions then. */
    private record IssuedToken(Instant expiry, Set<String> roles) {
    }

    private enum Kind { USERS, MEMBERS, DELTA_PAGE, DELTA_LINK }

    /**
     * What a skip token or delta token stands for: where a list or round goes on, with the
     * query of its first request.
     *
     * @param top         the page size asked for, null for the default
     * @param full        whether the round lists every user rather than changes
     * @param since       the change count after which a change round lists users
     * @param roundVersion the change count when the round began; its delta link lists changes after it
     */
    private record PageToken(Kind kind, Selection select, Integer top, int defaultPageSize, String afterId,
                             boolean full, long since, long roundVersion, String groupId, int generation) {

        int pageSize() {
            return top == null ? defaultPageSize : top;
        }

        PageToken withSelect(Selection other) {
            return new PageToken(kind, other, top, defaultPageSize, afterId, full, since, roundVersion, groupId,
                    generation);
        }

        PageToken after(String id) {
            return new PageToken(kind, select, top, defaultPageSize, id, full, since, roundVersion, groupId,
                    generation);
        }

        PageToken withTop(int size) {
            return new PageToken(kind, select, Math.max(1, Math.min(size, MAX_PAGE_SIZE)), defaultPageSize, afterId,
                    full, since, roundVersion, groupId, generation);
        }

        PageToken endRound() {
            return new PageToken(Kind.DELTA_LINK, select, top, defaultPageSize, null, false, roundVersion,
                    roundVersion, null, generation);
        }

        PageToken startRound(long currentVersion) {
            return new PageToken(Kind.DELTA_PAGE, select, top, defaultPageSize, null, false, since, currentVersion,
                    null, generation);
        }
    }

    /**
     * A {@code $select}: the canonical names in the order given, or null for Graph's default set;
     * {@code unknown} is the first name that is no property of a user.
     */
    private record Selection(List<String> selected, String unknown) {

        static Selection parse(String select) {
            if (select == null || select.isBlank()) {
                return new Selection(null, null);
            }
            Set<String> names = new LinkedHashSet<>();
            for (String part : select.split(",")) {
                String name = part.trim();
                if (name.isEmpty()) {
                    continue;
                }
                String canonical = CANONICAL_NAMES.get(name.toLowerCase(Locale.ROOT));
                if (canonical == null) {
                    return new Selection(null, name);
                }
                names.add(canonical);
            }
            return new Selection(names.isEmpty() ? null : List.copyOf(names), null);
        }

        /** The properties to return: the selected ones and the id, or Graph's default set. */
        List<String> properties() {
            if (selected == null) {
                return DEFAULT_SELECT;
            }
            if (selected.contains("id")) {
                return selected;
            }
            List<String> withId = new ArrayList<>(selected);
            withId.add("id");
            return withId;
        }

        /** {@code (displayName,mail)} after {@code #users} in {@code @odata.context}, or nothing. */
        String contextSuffix() {
            return selected == null ? "" : "(" + String.join(",", selected) + ")";
        }
    }

    /** One exchange with its body read. */
    private static final class Call {
        final HttpExchange exchange;
        final byte[] body;
        private Map<String, String> query;
        private String clientRequestId;

        Call(HttpExchange exchange, byte[] body) {
            this.exchange = exchange;
            this.body = body;
        }

        boolean isGet() {
            return exchange.getRequestMethod().equals("GET");
        }

        String header(String name) {
            return exchange.getRequestHeaders().getFirst(name);
        }

        /** The query parameters, decoded; the last of repeated ones wins. */
        Map<String, String> query() {
            if (query == null) {
                String raw = exchange.getRequestURI().getRawQuery();
                query = raw == null ? Map.of() : parseForm(raw);
            }
            return query;
        }

        /** The client's {@code client-request-id}, or a new one, as Graph and Entra ID echo it. */
        String clientRequestId() {
            if (clientRequestId == null) {
                String sent = header("client-request-id");
                clientRequestId = isBlank(sent) ? UUID.randomUUID().toString() : sent;
            }
            return clientRequestId;
        }

        List<String> preferences() {
            List<String> values = exchange.getRequestHeaders().get("Prefer");
            if (values == null) {
                return List.of();
            }
            return values.stream().flatMap(value -> Stream.of(value.split(","))).map(String::trim)
                    .filter(value -> !value.isEmpty()).toList();
        }

        boolean prefers(String preference) {
            return preferences().stream().anyMatch(value -> value.equalsIgnoreCase(preference));
        }

        /** {@code Prefer: odata.maxpagesize=N}, or null. */
        Integer preferredPageSize() {
            for (String value : preferences()) {
                if (value.toLowerCase(Locale.ROOT).startsWith("odata.maxpagesize=")) {
                    try {
                        int size = Integer.parseInt(value.substring("odata.maxpagesize=".length()).trim());
                        if (size > 0) {
                            return Math.min(size, MAX_PAGE_SIZE);
                        }
                    } catch (NumberFormatException e) {
                        // a preference is a hint: a malformed one is ignored
                    }
                }
            }
            return null;
        }
    }

    /** Ends a request early with an error response. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Response response;

        Refused(Response response) {
            super(null, null, false, false);
            this.response = response;
        }
    }

    private static final class Response {
        final int status;
        final String body;
        final Map<String, String> headers = new LinkedHashMap<>();

        Response(int status, String body, String contentType) {
            this.status = status;
            this.body = body;
            headers.put("Content-Type", contentType);
        }
    }

    // --- starting ------------------------------------------------------------------------

    /** The server's TLS context: its key and certificate in a PKCS12 key store held in memory. */
    private static SSLContext serverContext(Path certificate, Path key) throws IOException {
        try (InputStream in = Files.newInputStream(certificate)) {
            Certificate parsed = CertificateFactory.getInstance("X.509").generateCertificate(in);
            // openssl 3 writes the new key as unencrypted PKCS#8, "BEGIN PRIVATE KEY"
            String pem = Files.readString(key, StandardCharsets.US_ASCII);
            if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
                throw new IOException("openssl wrote the key " + key + " in a form other than PKCS#8");
            }
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey privateKey = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            char[] password = TestFiles.randomHex().toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("graph-emulator", privateKey, password, new Certificate[] {parsed});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("can't load the emulator's key and certificate: " + e.getMessage(), e);
        }
    }

    // --- helpers -------------------------------------------------------------------------

    private static Map<String, String> canonicalNames() {
        Map<String, String> names = new HashMap<>();
        Stream.of(MODELLED, UNMODELLED_VALUES, UNMODELLED_COLLECTIONS).flatMap(List::stream)
                .forEach(name -> names.put(name.toLowerCase(Locale.ROOT), name));
        return Map.copyOf(names);
    }

    /** Form or query parameters, decoded; the last of repeated ones wins. */
    private static Map<String, String> parseForm(String encoded) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.put(name, value);
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** Like an Entra ID client secret: 40 characters with {@code 8Q~} after the first three. */
    private static String randomSecret() {
        StringBuilder secret = new StringBuilder();
        for (int i = 0; i < 37; i++) {
            secret.append(SECRET_CHARACTERS.charAt(RANDOM.nextInt(SECRET_CHARACTERS.length())));
        }
        return secret.insert(3, "8Q~").toString();
    }

    private static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
