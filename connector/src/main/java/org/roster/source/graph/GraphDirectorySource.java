package org.roster.source.graph;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.identity.ClientSecretCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.CredentialUnavailableException;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.delta.DeltaGetResponse;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import com.microsoft.kiota.serialization.UntypedArray;
import com.microsoft.kiota.serialization.UntypedNode;
import com.microsoft.kiota.serialization.UntypedObject;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import okhttp3.OkHttpClient;
import org.roster.directory.DirectoryEntry;
import org.roster.directory.DirectorySource;
import org.roster.policy.PersonField;
import org.roster.source.ConnectionReport;
import org.roster.sync.RunLines;

/**
 * Reads employees from Microsoft Entra ID with the Microsoft Graph SDK (v6), signed in as an app
 * registration with a client secret (client credentials). Users are read through
 * {@code /users/delta}: the first round reads everyone page by page ({@code @odata.nextLink}) and
 * ends with a delta link, kept as the watermark; later rounds read only who changed, and the users
 * Graph reports {@code @removed}. Only the properties the mapping needs are {@code $select}ed. A
 * source scoped to groups reads their transitive members in full each time. Throttled requests
 * (429, 503) are retried after Graph's {@code Retry-After}, a bounded number of times; a read that
 * still can't finish ends incomplete, so the run removes nobody. {@link #test(int)} checks a source
 * step by step for an admin: signing in, reading users, its groups.
 *
 * <pre>{@code
 * DirectorySource source = new GraphDirectorySource(GraphSourceConfig.of(tenant, clientId, secret));
 * source.readChanges(null, entry -> pipeline.accept(entry));
 * }</pre>
 */
public final class GraphDirectorySource implements DirectorySource {

    private static final Logger LOG = Logger.getLogger(GraphDirectorySource.class.getName());
    private static final String SCOPE = "https://graph.microsoft.com/.default";

    private final GraphSourceConfig config;
    /** The signed-in client, made at first use; sources reading the same tenant as the same app share it. */
    private final Client graph;

    private static final class Client {
        /** Signs the app in; the Graph client asks it for tokens. */
        private ClientSecretCredential credential;
        private GraphServiceClient value;
    }

    public GraphDirectorySource(GraphSourceConfig config) {
        this(config, new Client());
    }

    private GraphDirectorySource(GraphSourceConfig config, Client graph) {
        this.config = config;
        this.graph = graph;
    }

    /**
     * The same tenant read as the same app, with other properties, groups or paging (a policy may
     * need fewer fields): it shares this source's signed-in client.
     */
    public GraphDirectorySource reading(GraphSourceConfig other) {
        if (!other.tenantId().equals(config.tenantId()) || !other.clientId().equals(config.clientId())
                || !other.clientSecret().equals(config.clientSecret())
                || !other.authorityHost().equals(config.authorityHost()) || !other.graphUrl().equals(config.graphUrl())
                || !other.trustStore().equals(config.trustStore())
                || !other.trustStorePassword().equals(config.trustStorePassword())) {
            throw new IllegalArgumentException("another tenant, app or host needs a source of its own");
        }
        return new GraphDirectorySource(other, graph);
    }

    public GraphSourceConfig config() {
        return config;
    }

    @Override
    public boolean tracksChanges() {
        return config.groupIds().isEmpty();
    }

    @Override
    public ReadSummary readAll(Consumer<DirectoryEntry> sink) {
        if (!config.groupIds().isEmpty()) {
            return readGroups(sink);
        }
        return readChanges(null, sink).summary();
    }

    @Override
    public ChangeRead readChanges(String since, Consumer<DirectoryEntry> sink) {
        if (!config.groupIds().isEmpty()) {
            return new ChangeRead(readGroups(sink), since);
        }
        AtomicLong handed = new AtomicLong();
        Set<String> deleted = new HashSet<>();
        try {
            GraphServiceClient client = client();
            DeltaGetResponse page = since == null
                    ? client.users().delta().get(rc -> {
                        rc.queryParameters.select = config.selected();
                        rc.headers.add("Prefer", "odata.maxpagesize=" + config.pageSize());
                        rc.options.add(retries());
                    })
                    : client.users().delta().withUrl(since).get(rc -> rc.options.add(retries()));
            while (true) {
                for (User user : page.getValue()) {
                    if (user.getAdditionalData().containsKey("@removed")) {
                        deleted.add(user.getId());
                    } else {
                        sink.accept(toEntry(user));
                        handed.incrementAndGet();
                    }
                }
                if (page.getOdataNextLink() != null) {
                    String next = page.getOdataNextLink();
                    page = client.users().delta().withUrl(next).get(rc -> rc.options.add(retries()));
                } else {
                    String deltaLink = page.getOdataDeltaLink();
                    if (deltaLink == null) {
                        return new ChangeRead(ReadSummary.incomplete(handed.get(), "Graph ended the user delta without a "
                                + "delta link"), since);
                    }
                    return new ChangeRead(ReadSummary.complete(handed.get()), deltaLink, deleted);
                }
            }
        } catch (RuntimeException e) {
            String why = describe(e);
            LOG.warning(() -> RunLines.prefix() + "Graph read of tenant " + config.tenantId() + " stopped after "
                    + handed.get() + " users: "
                    + why);
            return new ChangeRead(ReadSummary.incomplete(handed.get(), why), since);
        }
    }

    private ReadSummary readGroups(Consumer<DirectoryEntry> sink) {
        AtomicLong handed = new AtomicLong();
        Set<String> seen = new HashSet<>();
        try {
            GraphServiceClient client = client();
            for (String group : config.groupIds()) {
                var members = client.groups().byGroupId(group).transitiveMembers().graphUser();
                UserCollectionResponse page = members.get(rc -> {
                    rc.queryParameters.select = config.selected();
                    rc.queryParameters.top = config.pageSize();
                    rc.options.add(retries());
                });
                while (true) {
                    for (User user : page.getValue()) {
                        // someone in two of the groups is one employee
                        if (seen.add(user.getId())) {
                            sink.accept(toEntry(user));
                            handed.incrementAndGet();
                        }
                    }
                    if (page.getOdataNextLink() == null) {
                        break;
                    }
                    page = members.withUrl(page.getOdataNextLink()).get(rc -> rc.options.add(retries()));
                }
            }
            return ReadSummary.complete(handed.get());
        } catch (RuntimeException e) {
            return ReadSummary.incomplete(handed.get(), describe(e));
        }
    }

    @Override
    public void checkReachable() throws DirectoryUnavailableException {
        try {
            client().users().get(rc -> {
                rc.queryParameters.select = new String[] {"id"};
                rc.queryParameters.top = 1;
                rc.options.add(retries());
            });
        } catch (RuntimeException e) {
            throw new DirectoryUnavailableException(describe(e), e);
        }
    }

    /**
     * Tests the source step by step, as an admin would, saying in plain words what worked and what
     * did not. Never throws, and never shows the client secret.
     *
     * <ol>
     *   <li>{@code sign in}: a token for the tenant, as the app;</li>
     *   <li>{@code read users}: one page of {@code sample} users with exactly the properties a read
     *       selects, mapped as a read maps them, and how many users the tenant has
     *       ({@code $count}; -1 when Graph does not say). A source scoped to groups samples the
     *       first group's transitive members, as its read does, and does not count them;</li>
     *   <li>{@code groups}, only for a source scoped to groups: that each group exists, named by
     *       its display name.</li>
     * </ol>
     *
     * <pre>{@code
     * ConnectionReport report = source.test(5);
     * report.steps().forEach(step -> System.out.println(step.name() + ": " + step.detail()));
     * }</pre>
     *
     * <p>The sample is raw directory data: whoever shows it applies the policy first.
     *
     * @param sample how many users to read and map, 0 to 999 (one page of Graph's)
     */
    public ConnectionReport test(int sample) {
        if (sample < 0 || sample > 999) {
            throw new IllegalArgumentException("a sample is 0 to 999 users (one page of Graph's), not " + sample);
        }
        List<ConnectionReport.Step> steps = new ArrayList<>();
        Client signedIn;
        try {
            signedIn = signedIn();
        } catch (RuntimeException e) {
            steps.add(step(SIGN_IN, false, "signing in can't be set up: " + e.getMessage()
                    + " (check tenant-id, trust-store and trust-store-password)"));
            return new ConnectionReport(false, steps, -1, false, List.of());
        }
        try {
            signedIn.credential.getTokenSync(new TokenRequestContext().addScopes(SCOPE));
            steps.add(step(SIGN_IN, true, "signed in to tenant " + config.tenantId() + " as app " + config.clientId()
                    + " at " + config.authorityHost().getAuthority()));
        } catch (RuntimeException e) {
            steps.add(step(SIGN_IN, false, signInProblem(e)));
            return new ConnectionReport(false, steps, -1, false, List.of());
        }
        List<DirectoryEntry> entries = new ArrayList<>();
        long matching = -1;
        boolean scoped = !config.groupIds().isEmpty();
        try {
            UserCollectionResponse page = scoped ? firstGroupsMembers(signedIn.value, sample) : users(signedIn.value,
                    sample);
            List<User> users = page.getValue() == null ? List.of() : page.getValue();
            for (User user : users.subList(0, Math.min(sample, users.size()))) {
                entries.add(toEntry(user));
            }
            String read = "read " + entries.size() + (entries.size() == 1 ? " user" : " users");
            if (scoped) {
                read += " of the members of group " + config.groupIds().get(0) + " (the source's first group, "
                        + "nested groups included); members are not counted";
            } else {
                matching = page.getOdataCount() == null ? -1 : page.getOdataCount();
                read += matching >= 0 ? " of " + matching + " in the tenant"
                        : "; Graph did not say how many users the tenant has";
            }
            steps.add(step(READ_USERS, true, read + ", selecting " + String.join(", ", config.selected())));
        } catch (RuntimeException e) {
            steps.add(step(READ_USERS, false, readProblem(e)));
        }
        if (scoped) {
            steps.add(checkGroups(signedIn.value));
        }
        boolean ok = steps.stream().allMatch(ConnectionReport.Step::ok);
        return new ConnectionReport(ok, steps, matching, false, entries);
    }

    private static final String SIGN_IN = "sign in";
    private static final String READ_USERS = "read users";
    private static final String GROUPS = "groups";
    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)");

    /** One page of the tenant's users, with their number in all. */
    private UserCollectionResponse users(GraphServiceClient client, int sample) {
        return client.users().get(rc -> {
            rc.queryParameters.select = config.selected();
            rc.queryParameters.top = Math.max(1, sample);
            rc.queryParameters.count = true;
            // Graph counts directory objects only as an advanced query, with eventual consistency
            rc.headers.add("ConsistencyLevel", "eventual");
            rc.options.add(retries());
        });
    }

    /** One page of the first group's transitive members, as a read of a scoped source begins. */
    private UserCollectionResponse firstGroupsMembers(GraphServiceClient client, int sample) {
        return client.groups().byGroupId(config.groupIds().get(0)).transitiveMembers().graphUser().get(rc -> {
            rc.queryParameters.select = config.selected();
            rc.queryParameters.top = Math.max(1, sample);
            rc.options.add(retries());
        });
    }

    /** Whether each of the source's groups exists, by display name; a missing one fails the step, naming its id. */
    private ConnectionReport.Step checkGroups(GraphServiceClient client) {
        List<String> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : config.groupIds()) {
            try {
                Group group = client.groups().byGroupId(id).get(rc -> {
                    rc.queryParameters.select = new String[] {"id", "displayName"};
                    rc.options.add(retries());
                });
                String name = group.getDisplayName() == null ? id : group.getDisplayName();
                found.add("\"" + name + "\" (" + id + ")");
            } catch (RuntimeException e) {
                ApiException api = apiException(e);
                if (api != null && api.getResponseStatusCode() == 404) {
                    missing.add(id);
                    continue;
                }
                String problem = api != null && api.getResponseStatusCode() == 403
                        ? "the app may not read groups (403 Authorization_RequestDenied): grant it the application "
                        + "permission GroupMember.Read.All, with an admin's consent"
                        : readProblem(e);
                return step(GROUPS, false, "group " + id + ": " + problem
                        + (found.isEmpty() ? "" : "; found " + String.join(", ", found)));
            }
        }
        if (!missing.isEmpty()) {
            return step(GROUPS, false, (missing.size() == 1 ? "there is no group " : "there are no groups ")
                    + String.join(", ", missing) + " in the tenant: check group-ids"
                    + (found.isEmpty() ? "" : "; found " + String.join(", ", found)));
        }
        return step(GROUPS, true, "found " + String.join(", ", found));
    }

    /** A step whose detail can't show the client secret, even should a server echo it. */
    private ConnectionReport.Step step(String name, boolean ok, String detail) {
        String secret = new String(config.clientSecret().reveal());
        // a secret this short is no real one, and blanking it would mangle the words around it
        String shown = secret.length() >= 8 ? detail.replace(secret, "[client secret]") : detail;
        return new ConnectionReport.Step(name, ok, shown);
    }

    /** Why the app could not sign in, in plain words. */
    private String signInProblem(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MsalServiceException refused) {
                return refusedSignIn(refused);
            }
        }
        String unreachable = unreachable(e, "the sign-in host " + config.authorityHost().getAuthority());
        if (unreachable != null) {
            return unreachable;
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        return "the app could not sign in: " + message.lines().findFirst().orElse(e.getClass().getSimpleName());
    }

    /** What Entra ID's refusal means, by its AADSTS code, without the trace ids it adds. */
    private String refusedSignIn(MsalServiceException refused) {
        String message = refused.getMessage() == null ? "" : refused.getMessage();
        Matcher code = AADSTS.matcher(message);
        String aadsts = code.find() ? code.group(1) : "";
        return switch (aadsts) {
            case "90002", "900023" -> "Entra ID knows no tenant " + config.tenantId() + " (AADSTS" + aadsts
                    + "): check the tenant id, the directory's id or a domain of it such as contoso.onmicrosoft.com";
            case "700016" -> "tenant " + config.tenantId() + " has no app with the client id " + config.clientId()
                    + " (AADSTS700016): check the client id, the application id of the app registration in this "
                    + "tenant";
            case "7000215" -> "Entra ID refused the client secret (AADSTS7000215): it is wrong; enter the secret's "
                    + "value, not its id";
            case "7000222" -> "the client secret has expired (AADSTS7000222): add a new secret to the app "
                    + "registration and enter its value";
            case "7000218" -> "no client secret was sent (AADSTS7000218): enter the app's client secret";
            default -> {
                String reason = message.replaceFirst("^AADSTS\\d+:\\s*", "").replaceFirst("\\s*Trace ID:.*$", "")
                        .lines().findFirst().orElse("");
                yield "Entra ID refused to sign the app in (" + (aadsts.isEmpty() ? refused.errorCode()
                        : "AADSTS" + aadsts) + ")" + (reason.isEmpty() ? "" : ": " + reason);
            }
        };
    }

    /** Why reading from Graph failed, in plain words. */
    private String readProblem(RuntimeException e) {
        ApiException api = apiException(e);
        if (api != null) {
            int status = api.getResponseStatusCode();
            String code = "";
            String message = "";
            if (api instanceof ODataError odata && odata.getError() != null) {
                code = odata.getError().getCode() == null ? "" : " " + odata.getError().getCode();
                message = odata.getError().getMessage() == null ? "" : odata.getError().getMessage();
            }
            boolean scoped = !config.groupIds().isEmpty();
            if (status == 403) {
                return "the app may not read users (403" + code + "): grant it the application permission "
                        + (scoped ? "User.Read.All, and GroupMember.Read.All for the groups," : "User.Read.All")
                        + " with an admin's consent";
            }
            if (status == 404 && scoped) {
                return "there is no group " + config.groupIds().get(0) + " in the tenant, so its members can't be "
                        + "read: check group-ids";
            }
            if (status == 400 || status == 401) {
                return "Graph refused the request (" + status + code + ")" + (message.isEmpty() ? "" : ": " + message)
                        + (status == 401 ? "; check graph-url" : message.contains("property")
                        ? "; check the mapped properties" : "");
            }
            return describe(e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MsalServiceException refused) {
                return refusedSignIn(refused);
            }
        }
        String unreachable = unreachable(e, "Graph at " + config.graphUrl().getAuthority());
        return unreachable != null ? unreachable : describe(e);
    }

    private static ApiException apiException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
        }
        return null;
    }

    /** Why a host could not be reached, if that is what went wrong: an untrusted certificate, no answer. */
    private static String unreachable(Throwable e, String host) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException
                    || t instanceof CertPathBuilderException
                    || t instanceof CertPathValidatorException) {
                Throwable root = t;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                return "the TLS certificate of " + host + " is not trusted (" + root.getMessage() + "): add the CA "
                        + "that issued it to the trust store, the setting trust-store "
                        + "(roster.source.entra.trust-store for the configured source)";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLPeerUnverifiedException) {
                return "the TLS certificate of " + host + " is not made out to that host (" + t.getMessage() + ")";
            }
            if (t instanceof SSLException) {
                return "TLS with " + host + " failed: " + t.getMessage();
            }
            String why = t instanceof UnknownHostException ? "no such host is known"
                    : t instanceof NoRouteToHostException ? "no network route leads there"
                    : t instanceof SocketTimeoutException || t instanceof TimeoutException
                    || t.getClass().getSimpleName().contains("Timeout") ? "it did not answer in time"
                    : t instanceof ConnectException ? "the connection was refused"
                    : null;
            if (why != null) {
                return "can't reach " + host + " (" + why + "): check the host's name and port, and that this server "
                        + "may connect to it (DNS, proxy, firewall)";
            }
        }
        return null;
    }

    private RequestOption retries() {
        // Retry-After is honoured when Graph sends it; otherwise the delay doubles from 1 second
        return new RetryHandlerOption(null, config.maxRetries(), 1);
    }

    private DirectoryEntry toEntry(User user) {
        String name = user.getUserPrincipalName() != null ? user.getUserPrincipalName() : user.getId();
        DirectoryEntry.Builder entry = DirectoryEntry.builder("entra:" + name);
        if (user.getId() != null) {
            entry.id(user.getId());
        }
        for (Map.Entry<PersonField, String> mapped : config.mapping().entrySet()) {
            PersonField field = mapped.getKey();
            String property = mapped.getValue();
            Optional<List<String>> values = values(user, property);
            if (values.isEmpty()) {
                entry.problem(field.policyName() + " (property " + property + ") is not text, a number or true/false");
                continue;
            }
            for (String value : values.get()) {
                if (field != PersonField.ACCOUNT_DISABLED) {
                    entry.add(field, value);
                } else if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
                    entry.add(field, Boolean.toString(!Boolean.parseBoolean(value)));
                } else {
                    // guessing could publish a disabled account
                    entry.problem(field.policyName() + " (property " + property + ") is not true or false");
                }
            }
        }
        return entry.build();
    }

    /**
     * A user property's values by its Graph name; properties Roster does not know are looked up as
     * extra data (extension attributes), which Graph may hand over as numbers, flags, lists or
     * objects. Empty when the value is no text, number or flag, nor a list of them: an object has
     * no one text, and its {@code toString()} would be a mangled value.
     */
    private static Optional<List<String>> values(User user, String property) {
        Object value = switch (property) {
            case "givenName" -> user.getGivenName();
            case "surname" -> user.getSurname();
            case "displayName" -> user.getDisplayName();
            case "mobilePhone" -> user.getMobilePhone();
            case "businessPhones" -> user.getBusinessPhones();
            case "mail" -> user.getMail();
            case "department" -> user.getDepartment();
            case "officeLocation" -> user.getOfficeLocation();
            case "jobTitle" -> user.getJobTitle();
            case "employeeType" -> user.getEmployeeType();
            case "employeeId" -> user.getEmployeeId();
            case "userPrincipalName" -> user.getUserPrincipalName();
            case "accountEnabled" -> user.getAccountEnabled();
            default -> user.getAdditionalData().get(property);
        };
        if (value instanceof UntypedArray array) {
            value = array.getValue();
        }
        List<String> values = new ArrayList<>();
        if (value instanceof Iterable<?> list) {
            for (Object element : list) {
                if (!addText(element, values)) {
                    return Optional.empty();
                }
            }
        } else if (!addText(value, values)) {
            return Optional.empty();
        }
        return Optional.of(values);
    }

    /** Adds a single value's text (nothing for a null); false when it has none. */
    private static boolean addText(Object value, List<String> into) {
        Object plain = value instanceof UntypedNode node
                && !(value instanceof UntypedArray)
                && !(value instanceof UntypedObject) ? node.getValue() : value;
        if (plain == null) {
            return true;
        }
        if (plain instanceof String || plain instanceof Boolean || plain instanceof Integer || plain instanceof Long) {
            into.add(plain.toString());
            return true;
        }
        if (plain instanceof Double || plain instanceof Float) {
            // JSON numbers arrive as doubles: 10000000 must read "10000000", not "1.0E7"
            into.add(BigDecimal.valueOf(((Number) plain).doubleValue()).stripTrailingZeros().toPlainString());
            return true;
        }
        return false;
    }

    /** What went wrong, in plain words and without secrets. */
    private String describe(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                int status = api.getResponseStatusCode();
                return switch (status) {
                    case 401 -> "Graph refused the app's token (401): check the tenant, the client id and the secret";
                    case 403 -> "the app may not read users (403): grant it User.Read.All (application permission) "
                            + "and an admin's consent";
                    case 404 -> "Graph does not know what was asked for (404): check the group ids";
                    case 429, 503 -> "Graph kept answering " + status + " (throttled) after " + config.maxRetries()
                            + " retries honouring Retry-After; the read stopped";
                    default -> "Graph answered " + status + ": " + api.getMessage();
                };
            }
            if (t instanceof CredentialUnavailableException
                    || t instanceof MsalServiceException) {
                String message = t.getMessage() == null ? "" : t.getMessage();
                return "Entra ID refused to sign the app in: " + message.lines().findFirst().orElse(message);
            }
            if (t instanceof SSLHandshakeException) {
                return "the TLS certificate of Graph or of the sign-in host is not trusted: " + t.getMessage();
            }
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private GraphServiceClient client() {
        return signedIn().value;
    }

    private Client signedIn() {
        synchronized (graph) {
            if (graph.value == null) {
                newClient(graph);
            }
            return graph;
        }
    }

    private void newClient(Client into) {
        ClientSecretCredentialBuilder credential = new ClientSecretCredentialBuilder()
                .tenantId(config.tenantId())
                .clientId(config.clientId())
                .clientSecret(new String(config.clientSecret().reveal()))
                .authorityHost(config.authorityHost().toString());
        OkHttpClient.Builder http = GraphClientFactory.create(new RequestOption[] {retries()});
        if (!GraphSourceConfig.PUBLIC_AUTHORITY.equals(config.authorityHost())) {
            // another sign-in host (a national cloud, a stand-in) is not looked up at Microsoft's
            credential.disableInstanceDiscovery();
        }
        if (config.trustStore().isPresent()) {
            TrustManagerFactory trust = trust();
            credential.httpClient(new NettyAsyncHttpClientBuilder(
                    reactor.netty.http.client.HttpClient.create().secure(spec -> spec.sslContext(nettyContext(trust))))
                    .build());
            try {
                SSLContext tls = SSLContext.getInstance("TLS");
                tls.init(null, trust.getTrustManagers(), null);
                http.sslSocketFactory(tls.getSocketFactory(), (X509TrustManager) trust.getTrustManagers()[0]);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("TLS can't be set up with the trust store: " + e.getMessage(), e);
            }
        }
        ClientSecretCredential signedIn = credential.build();
        AzureIdentityAuthenticationProvider auth = new AzureIdentityAuthenticationProvider(signedIn,
                new String[] {config.graphUrl().getHost()}, SCOPE);
        GraphServiceClient client = new GraphServiceClient(auth, http.build());
        client.getRequestAdapter().setBaseUrl(config.graphUrl().toString().replaceAll("/+$", ""));
        into.credential = signedIn;
        into.value = client;
    }

    private TrustManagerFactory trust() {
        try (InputStream in = Files.newInputStream(config.trustStore().get())) {
            char[] password = config.trustStorePassword().reveal();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.length == 0 ? null : password);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the trust store " + config.trustStore().get() + " can't be read: "
                    + e.getMessage(), e);
        }
    }

    private static SslContext nettyContext(TrustManagerFactory trust) {
        try {
            return SslContextBuilder.forClient().trustManager(trust).build();
        } catch (SSLException e) {
            throw new IllegalStateException("TLS can't be set up for signing in: " + e.getMessage(), e);
        }
    }
}
