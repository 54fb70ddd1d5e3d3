package org.roster.source.graph;

import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import com.azure.identity.ClientSecretCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.delta.DeltaGetResponse;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import okhttp3.OkHttpClient;
import org.roster.directory.DirectoryEntry;
import org.roster.directory.DirectorySource;
import org.roster.policy.PersonField;

/**
 * Reads employees from Microsoft Entra ID with the Microsoft Graph SDK (v6), signed in as an app
 * registration with a client secret (client credentials). Users are read through
 * {@code /users/delta}: the first round reads everyone page by page ({@code @odata.nextLink}) and
 * ends with a delta link, kept as the watermark; later rounds read only who changed, and the users
 * Graph reports {@code @removed}. Only the properties the mapping needs are {@code $select}ed. A
 * source scoped to groups reads their transitive members in full each time. Throttled requests
 * (429, 503) are retried after Graph's {@code Retry-After}, a bounded number of times; a read that
 * still can't finish ends incomplete, so the run removes nobody.
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
        long[] handed = {0};
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
                        handed[0]++;
                    }
                }
                if (page.getOdataNextLink() != null) {
                    String next = page.getOdataNextLink();
                    page = client.users().delta().withUrl(next).get(rc -> rc.options.add(retries()));
                } else {
                    String deltaLink = page.getOdataDeltaLink();
                    if (deltaLink == null) {
                        return new ChangeRead(ReadSummary.incomplete(handed[0], "Graph ended the user delta without a "
                                + "delta link"), since);
                    }
                    return new ChangeRead(ReadSummary.complete(handed[0]), deltaLink, deleted);
                }
            }
        } catch (RuntimeException e) {
            String why = describe(e);
            LOG.warning(() -> "Graph read of tenant " + config.tenantId() + " stopped after " + handed[0] + " users: "
                    + why);
            return new ChangeRead(ReadSummary.incomplete(handed[0], why), since);
        }
    }

    private ReadSummary readGroups(Consumer<DirectoryEntry> sink) {
        long[] handed = {0};
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
                            handed[0]++;
                        }
                    }
                    if (page.getOdataNextLink() == null) {
                        break;
                    }
                    page = members.withUrl(page.getOdataNextLink()).get(rc -> rc.options.add(retries()));
                }
            }
            return ReadSummary.complete(handed[0]);
        } catch (RuntimeException e) {
            return ReadSummary.incomplete(handed[0], describe(e));
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
            java.util.Optional<List<String>> values = values(user, property);
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
    private static java.util.Optional<List<String>> values(User user, String property) {
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
        if (value instanceof com.microsoft.kiota.serialization.UntypedArray array) {
            value = array.getValue();
        }
        List<String> values = new ArrayList<>();
        if (value instanceof Iterable<?> list) {
            for (Object element : list) {
                if (!addText(element, values)) {
                    return java.util.Optional.empty();
                }
            }
        } else if (!addText(value, values)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(values);
    }

    /** Adds a single value's text (nothing for a null); false when it has none. */
    private static boolean addText(Object value, List<String> into) {
        Object plain = value instanceof com.microsoft.kiota.serialization.UntypedNode node
                && !(value instanceof com.microsoft.kiota.serialization.UntypedArray)
                && !(value instanceof com.microsoft.kiota.serialization.UntypedObject) ? node.getValue() : value;
        if (plain == null) {
            return true;
        }
        if (plain instanceof String || plain instanceof Boolean || plain instanceof Integer || plain instanceof Long) {
            into.add(plain.toString());
            return true;
        }
        if (plain instanceof Double || plain instanceof Float) {
            // JSON numbers arrive as doubles: 10000000 must read "10000000", not "1.0E7"
            into.add(java.math.BigDecimal.valueOf(((Number) plain).doubleValue()).stripTrailingZeros().toPlainString());
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
            if (t instanceof com.azure.identity.CredentialUnavailableException
                    || t instanceof com.microsoft.aad.msal4j.MsalServiceException) {
                String message = t.getMessage() == null ? "" : t.getMessage();
                return "Entra ID refused to sign the app in: " + message.lines().findFirst().orElse(message);
            }
            if (t instanceof javax.net.ssl.SSLHandshakeException) {
                return "the TLS certificate of Graph or of the sign-in host is not trusted: " + t.getMessage();
            }
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private GraphServiceClient client() {
        synchronized (graph) {
            if (graph.value == null) {
                graph.value = newClient();
            }
            return graph.value;
        }
    }

    private GraphServiceClient newClient() {
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
            credential.httpClient(new com.azure.core.http.netty.NettyAsyncHttpClientBuilder(
                    reactor.netty.http.client.HttpClient.create().secure(spec -> spec.sslContext(nettyContext(trust))))
                    .build());
            try {
                SSLContext tls = SSLContext.getInstance("TLS");
                tls.init(null, trust.getTrustManagers(), null);
                http.sslSocketFactory(tls.getSocketFactory(), (X509TrustManager) trust.getTrustManagers()[0]);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("TLS can't be set up with the trust store: " + e.getMessage(), e);
            }
        }
        ClientSecretCredential signedIn = credential.build();
        AzureIdentityAuthenticationProvider auth = new AzureIdentityAuthenticationProvider(signedIn,
                new String[] {config.graphUrl().getHost()}, SCOPE);
        GraphServiceClient client = new GraphServiceClient(auth, http.build());
        client.getRequestAdapter().setBaseUrl(config.graphUrl().toString().replaceAll("/+$", ""));
        return client;
    }

    private TrustManagerFactory trust() {
        try (InputStream in = Files.newInputStream(config.trustStore().get())) {
            char[] password = config.trustStorePassword().reveal();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.length == 0 ? null : password);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the trust store " + config.trustStore().get() + " can't be read: "
                    + e.getMessage(), e);
        }
    }

    private static io.netty.handler.ssl.SslContext nettyContext(TrustManagerFactory trust) {
        try {
            return io.netty.handler.ssl.SslContextBuilder.forClient().trustManager(trust).build();
        } catch (javax.net.ssl.SSLException e) {
            throw new IllegalStateException("TLS can't be set up for signing in: " + e.getMessage(), e);
        }
    }
}
