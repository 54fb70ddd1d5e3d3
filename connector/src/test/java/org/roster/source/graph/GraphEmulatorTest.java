package org.roster.source.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.source.graph.GraphEmulator.GraphUser;

/**
 * The Graph emulator as a client sees it over HTTPS, trusting only the emulator's trust store:
 * tokens, refused requests, paging, delta rounds, nested groups and throttling.
 */
class GraphEmulatorTest {

    private static final String MSAL_SCOPE = "openid profile offline_access " + GraphEmulator.GRAPH_SCOPE;

    private static GraphEmulator graph;
    private static HttpClient http;

    @BeforeAll
    static void startEmulator() throws Exception {
        graph = GraphEmulator.start();
        http = HttpClient.newBuilder()
                .sslContext(trusting(graph))
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterAll
    static void stopEmulator() {
        if (graph != null) {
            graph.close();
        }
    }

    @BeforeEach
    void forgetTheLastTest() {
        graph.reset();
    }

    @Test
    void aTokenIsIssuedForTheRightSecretAndRefusedForAWrongSecretOrTenant() throws Exception {
        // the scope as MSAL4J sends it, with the OpenID scopes it adds to every request
        HttpResponse<String> issued = requestToken(graph.tenantId(), graph.clientSecret(), MSAL_SCOPE);
        HttpResponse<String> wrongSecret = requestToken(graph.tenantId(), graph.clientSecret() + "x", MSAL_SCOPE);
        HttpResponse<String> wrongTenant = requestToken(UUID.randomUUID().toString(), graph.clientSecret(),
                MSAL_SCOPE);

        assertThat(issued.statusCode()).isEqualTo(200);
        JsonObject token = json(issued);
        assertThat(token.getString("token_type")).isEqualTo("Bearer");
        assertThat(token.getInt("expires_in")).isEqualTo(3599);
        assertThat(token.getInt("ext_expires_in")).isEqualTo(3599);
        assertThat(token.getString("access_token")).isNotBlank();

        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        JsonObject refused = json(wrongSecret);
        assertThat(refused.getString("error")).isEqualTo("invalid_client");
        assertThat(refused.getString("error_description")).startsWith("AADSTS7000215: Invalid client secret");
        assertThat(refused.getJsonArray("error_codes").getInt(0)).isEqualTo(7000215);
        assertThat(refused.keySet()).contains("timestamp", "trace_id", "correlation_id");

        assertThat(wrongTenant.statusCode()).isEqualTo(400);
        assertThat(json(wrongTenant).getString("error")).isEqualTo("invalid_request");
        assertThat(json(wrongTenant).getString("error_description")).startsWith("AADSTS90002: Tenant '");
    }

    @Test
    void graphRefusesRequestsWithoutAValidToken() throws Exception {
        String users = graph.graphUrl() + "/users";
        String token = token();

        HttpResponse<String> withoutToken = http.send(HttpRequest.newBuilder(URI.create(users)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> madeUp = get(users, "not-a-token-the-emulator-issued");
        HttpResponse<String> valid = get(users, token);
        graph.expireTokens();
        HttpResponse<String> expired = get(users, token);

        assertThat(withoutToken.statusCode()).isEqualTo(401);
        JsonObject error = json(withoutToken).getJsonObject("error");
        assertThat(error.getString("code")).isEqualTo("InvalidAuthenticationToken");
        assertThat(error.getString("message")).isEqualTo("Access token is empty.");
        assertThat(error.getJsonObject("innerError").keySet()).contains("date", "request-id", "client-request-id");
        assertThat(madeUp.statusCode()).isEqualTo(401);
        assertThat(valid.statusCode()).isEqualTo(200);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(json(expired).getJsonObject("error").getString("message")).contains("token is expired");
    }

    @Test
    void usersComeInPagesWithNextLinksAndSelectLeavesOutUnselectedProperties() throws Exception {
        List<GraphUser> people = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            GraphUser user = person(i).mail(i == 0 ? null : "person" + i + "@fixture.test").build();
            graph.putUser(user);
            people.add(user);
        }
        String token = token();

        List<JsonObject> pages = readPages(graph.graphUrl() + "/users?$select=displayName,mail&$top=2", token);
        List<JsonObject> everyone = readPages(graph.graphUrl() + "/users", token);

        assertThat(pages).extracting(page -> page.getJsonArray("value").size()).containsExactly(2, 2, 1);
        assertThat(pages.get(0).getString("@odata.context"))
                .isEqualTo(graph.graphUrl() + "/$metadata#users(displayName,mail)");
        assertThat(pages.get(0).getString("@odata.nextLink"))
                .startsWith(graph.graphUrl() + "/users?$select=displayName,mail&$top=2&$skiptoken=");
        assertThat(pages.get(2).containsKey("@odata.nextLink")).isFalse();
        List<JsonObject> selected = values(pages);
        assertThat(selected).allSatisfy(user ->
                assertThat(user.keySet()).containsExactlyInAnyOrder("id", "displayName", "mail"));
        assertThat(selected).extracting(user -> user.getString("id"))
                .containsExactlyInAnyOrderElementsOf(people.stream().map(GraphUser::id).toList());
        JsonObject withoutMail = selected.stream().filter(user -> user.getString("id").equals(people.get(0).id()))
                .findFirst().orElseThrow();
        assertThat(withoutMail.get("mail")).isEqualTo(JsonValue.NULL);

        // without $select, Graph's default properties, and not the others
        assertThat(everyone).hasSize(1);
        assertThat(values(everyone)).allSatisfy(user -> assertThat(user.keySet()).containsExactlyInAnyOrder(
                "businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation",
                "preferredLanguage", "surname", "userPrincipalName", "id"));
    }

    @Test
    void aDeltaRoundEndsWithADeltaLinkThatLaterListsOnlyChangesAndRemovals() throws Exception {
        GraphUser ada = person(1).jobTitle("Engineer").build();
        GraphUser grace = person(2).jobTitle("Admiral").build();
        GraphUser alan = person(3).build();
        graph.putUser(ada);
        graph.putUser(grace);
        graph.putUser(alan);
        String token = token();

        // as the Graph SDK spells it: delta() and %24select
        List<JsonObject> first = readPages(graph.graphUrl() + "/users/delta()?%24select=displayName,jobTitle&%24top=2",
                token);
        assertThat(first).hasSize(2);
        assertThat(first.get(0).containsKey("@odata.deltaLink")).isFalse();
        assertThat(first.get(0).getString("@odata.nextLink"))
                .startsWith(graph.graphUrl() + "/users/delta()?$skiptoken=")
                .doesNotContain("select");
        assertThat(first.get(1).containsKey("@odata.nextLink")).isFalse();
        String deltaLink = first.get(1).getString("@odata.deltaLink");
        assertThat(deltaLink).startsWith(graph.graphUrl() + "/users/delta()?$deltatoken=");
        assertThat(values(first)).extracting(user -> user.getString("id"))
                .containsExactlyInAnyOrder(ada.id(), grace.id(), alan.id());
        // delta leaves out properties that were never set: Alan has no job title
        assertThat(values(first)).allSatisfy(user -> assertThat(user.keySet()).doesNotContain("givenName"));
        assertThat(values(first)).filteredOn(user -> user.getString("id").equals(alan.id()))
                .singleElement().satisfies(user -> assertThat(user.keySet()).containsExactlyInAnyOrder(
                        "id", "displayName"));

        graph.putUser(ada.toBuilder().jobTitle("Chief Engineer").build());
        graph.deleteUser(grace.id(), false);
        List<JsonObject> second = readPages(deltaLink, token);

        assertThat(second).hasSize(1);
        assertThat(values(second)).containsExactlyInAnyOrder(
                Json.createObjectBuilder().add("displayName", ada.displayName()).add("jobTitle", "Chief Engineer")
                        .add("id", ada.id()).build(),
                removed(grace.id(), "changed"));

        graph.deleteUser(grace.id(), true);
        List<JsonObject> third = readPages(second.get(0).getString("@odata.deltaLink"), token);
        List<JsonObject> quiet = readPages(third.get(0).getString("@odata.deltaLink"), token);

        assertThat(values(third)).containsExactly(removed(grace.id(), "deleted"));
        assertThat(values(quiet)).isEmpty();
        assertThat(quiet.get(0).getString("@odata.deltaLink")).contains("$deltatoken=");
    }

    @Test
    void aStaleDeltaLinkAsksTheClientToSynchroniseAgain() throws Exception {
        graph.putUser(person(1).build());
        String token = token();
        String deltaLink = readPages(graph.graphUrl() + "/users/delta", token).get(0).getString("@odata.deltaLink");

        graph.expireDeltaTokens();
        HttpResponse<String> stale = get(deltaLink, token);

        assertThat(stale.statusCode()).isEqualTo(400);
        assertThat(json(stale).getJsonObject("error").getString("code")).isEqualTo("syncStateNotFound");
    }

    @Test
    void transitiveMembersIncludeTheUsersOfNestedGroups() throws Exception {
        GraphUser direct = person(1).build();
        GraphUser nested = person(2).build();
        GraphUser deeper = person(3).build();
        GraphUser outsider = person(4).build();
        GraphUser deleted = person(5).build();
        List.of(direct, nested, deeper, outsider, deleted).forEach(graph::putUser);
        graph.deleteUser(deleted.id(), false);
        String all = UUID.randomUUID().toString();
        String team = UUID.randomUUID().toString();
        String squad = UUID.randomUUID().toString();
        graph.putGroup(all, List.of(direct.id()), List.of(team));
        graph.putGroup(team, List.of(nested.id()), List.of(squad));
        graph.putGroup(squad, List.of(deeper.id(), deleted.id()), List.of(all)); // a cycle, as directories have
        String token = token();

        List<JsonObject> pages = readPages(graph.graphUrl() + "/groups/" + all
                + "/transitiveMembers/microsoft.graph.user?$select=displayName&$top=2", token);
        HttpResponse<String> unknown = get(graph.graphUrl() + "/groups/" + UUID.randomUUID()
                + "/transitiveMembers/microsoft.graph.user", token);

        assertThat(pages).hasSize(2);
        assertThat(values(pages)).extracting(user -> user.getString("id"))
                .containsExactlyInAnyOrder(direct.id(), nested.id(), deeper.id());
        assertThat(values(pages)).allSatisfy(user ->
                assertThat(user.keySet()).containsExactlyInAnyOrder("id", "displayName"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).getJsonObject("error").getString("code")).isEqualTo("Request_ResourceNotFound");
    }

    @Test
    void throttledRequestsCarryRetryAfterAndSucceedOnceTheClientHasWaited() throws Exception {
        graph.putUser(person(1).build());
        String users = graph.graphUrl() + "/users";
        graph.throttle(2, 1, 429);
        String token = token(); // token requests are not throttled

        List<HttpResponse<String>> responses = getRetrying(users, token);

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(429, 429, 200);
        assertThat(responses.subList(0, 2)).allSatisfy(response -> {
            assertThat(response.headers().firstValue("Retry-After")).contains("1");
            assertThat(json(response).getJsonObject("error").getString("code")).isEqualTo("TooManyRequests");
        });
        List<GraphEmulator.Request> calls = graph.requests().stream().filter(GraphEmulator.Request::graph).toList();
        assertThat(calls).extracting(GraphEmulator.Request::status).containsExactly(429, 429, 200);
        for (int i = 1; i < calls.size(); i++) {
            assertThat(Duration.ofNanos(calls.get(i).nanoTime() - calls.get(i - 1).nanoTime()))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }

        graph.throttle(1, 0, 503);
        List<HttpResponse<String>> unavailable = getRetrying(users, token);

        assertThat(unavailable).extracting(HttpResponse::statusCode).containsExactly(503, 200);
        assertThat(unavailable.get(0).headers().firstValue("Retry-After")).contains("0");
        assertThat(json(unavailable.get(0)).getJsonObject("error").getString("code")).isEqualTo("serviceNotAvailable");
    }

    @Test
    void theMetadataDocumentsPointAtTheEmulatorAndTheLogShowsWhatWasAsked() throws Exception {
        String configurationUrl = graph.baseUrl() + "/" + graph.tenantId() + "/v2.0/.well-known/openid-configuration";
        String authorize = graph.baseUrl() + "/" + graph.tenantId() + "/oauth2/v2.0/authorize";

        JsonObject configuration = json(get(configurationUrl, null));
        HttpResponse<String> keys = get(configuration.getString("jwks_uri"), null);
        JsonObject discovery = json(get(graph.baseUrl() + "/common/discovery/instance?api-version=1.1"
                + "&authorization_endpoint=" + URLEncoder.encode(authorize, StandardCharsets.UTF_8), null));

        assertThat(configuration.getString("token_endpoint")).isEqualTo(graph.tokenEndpoint());
        assertThat(configuration.getString("authorization_endpoint")).isEqualTo(authorize);
        assertThat(configuration.getString("issuer")).isEqualTo(graph.baseUrl() + "/" + graph.tenantId() + "/v2.0");
        assertThat(keys.statusCode()).isEqualTo(200);
        assertThat(discovery.getString("tenant_discovery_endpoint")).isEqualTo(configurationUrl);
        JsonObject metadata = discovery.getJsonArray("metadata").getJsonObject(0);
        String host = URI.create(graph.baseUrl()).getAuthority();
        assertThat(metadata.getString("preferred_network")).isEqualTo(host);
        assertThat(metadata.getString("preferred_cache")).isEqualTo(host);
        assertThat(metadata.getJsonArray("aliases").getString(0)).isEqualTo(host);
        assertThat(graph.requests()).extracting(GraphEmulator.Request::path).containsExactly(
                "/" + graph.tenantId() + "/v2.0/.well-known/openid-configuration",
                "/" + graph.tenantId() + "/discovery/v2.0/keys",
                "/common/discovery/instance");
        assertThat(graph.requests()).noneMatch(GraphEmulator.Request::graph);
    }

    @Test
    void unknownPathsAreNotFoundAndUnsupportedQueryOptionsAreRefused() throws Exception {
        String token = token();

        HttpResponse<String> unknown = get(graph.graphUrl() + "/me/messages", token);
        HttpResponse<String> filtered = get(graph.graphUrl() + "/users?$filter=accountEnabled%20eq%20true", token);
        HttpResponse<String> unknownProperty = get(graph.graphUrl() + "/users?$select=displayName,shoeSize", token);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).getJsonObject("error").getString("code")).isEqualTo("Request_ResourceNotFound");
        assertThat(filtered.statusCode()).isEqualTo(400);
        assertThat(unknownProperty.statusCode()).isEqualTo(400);
        assertThat(json(unknownProperty).getJsonObject("error").getString("message")).contains("'shoeSize'");
    }

    @Test
    void usersAreCountedOnlyWithEventualConsistency() throws Exception {
        for (int i = 0; i < 5; i++) {
            graph.putUser(person(i).build());
        }
        String token = token();
        String url = graph.graphUrl() + "/users?$select=displayName&$top=2&$count=true";

        HttpResponse<String> eventual = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("ConsistencyLevel", "eventual").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> withoutHeader = get(url, token);

        assertThat(eventual.statusCode()).isEqualTo(200);
        JsonObject page = json(eventual);
        assertThat(page.getInt("@odata.count")).as("every user, not this page's").isEqualTo(5);
        assertThat(page.getJsonArray("value")).hasSize(2);
        assertThat(page.getString("@odata.nextLink")).contains("$top=2");
        assertThat(withoutHeader.statusCode()).isEqualTo(400);
        JsonObject error = json(withoutHeader).getJsonObject("error");
        assertThat(error.getString("code")).isEqualTo("Request_BadRequest");
        assertThat(error.getString("message")).isEqualTo("$count is not currently supported.");
    }

    @Test
    void aGroupIsReadByIdWithItsDisplayNameAndAnUnknownOneIsNotFound() throws Exception {
        String finance = UUID.randomUUID().toString();
        graph.putGroup(finance, "Finance", List.of(), List.of());
        String token = token();

        HttpResponse<String> found = get(graph.graphUrl() + "/groups/" + finance + "?$select=id,displayName", token);
        HttpResponse<String> unknown = get(graph.graphUrl() + "/groups/" + UUID.randomUUID(), token);
        HttpResponse<String> unknownProperty = get(graph.graphUrl() + "/groups/" + finance + "?$select=shoeSize",
                token);

        assertThat(found.statusCode()).isEqualTo(200);
        JsonObject group = json(found);
        assertThat(group.getString("id")).isEqualTo(finance);
        assertThat(group.getString("displayName")).isEqualTo("Finance");
        assertThat(group.keySet()).containsExactlyInAnyOrder("@odata.context", "id", "displayName");
        assertThat(group.getString("@odata.context")).endsWith("/$metadata#groups(id,displayName)/$entity");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).getJsonObject("error").getString("code")).isEqualTo("Request_ResourceNotFound");
        assertThat(unknownProperty.statusCode()).isEqualTo(400);
        assertThat(json(unknownProperty).getJsonObject("error").getString("message"))
                .contains("'shoeSize'").contains("microsoft.graph.group");
    }

    @Test
    void anAppWithoutConsentedPermissionsIsDeniedWithTokensIssuedAfterwards() throws Exception {
        GraphUser ada = person(1).build();
        graph.putUser(ada);
        String group = UUID.randomUUID().toString();
        graph.putGroup(group, "Everyone", List.of(ada.id()), List.of());
        String before = token();
        graph.consentPermissions("GroupMember.Read.All");
        String groupsOnly = token();

        HttpResponse<String> denied = get(graph.graphUrl() + "/users", groupsOnly);
        HttpResponse<String> issuedBefore = get(graph.graphUrl() + "/users", before);
        JsonObject members = json(get(graph.graphUrl() + "/groups/" + group
                + "/transitiveMembers/microsoft.graph.user?$select=displayName", groupsOnly));
        graph.consentPermissions();
        HttpResponse<String> noGroups = get(graph.graphUrl() + "/groups/" + group, token());

        assertThat(denied.statusCode()).isEqualTo(403);
        JsonObject error = json(denied).getJsonObject("error");
        assertThat(error.getString("code")).isEqualTo("Authorization_RequestDenied");
        assertThat(error.getString("message")).isEqualTo("Insufficient privileges to complete the operation.");
        assertThat(issuedBefore.statusCode()).as("a token keeps the permissions it was issued with").isEqualTo(200);
        assertThat(values(List.of(members))).singleElement()
                .satisfies(user -> assertThat(user.keySet()).containsExactly("id"));
        assertThat(noGroups.statusCode()).isEqualTo(403);
    }

    // --- a client ------------------------------------------------------------------------

    /** An SSL context that trusts what the emulator's trust store holds, and nothing else. */
    private static SSLContext trusting(GraphEmulator graph) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(graph.trustStore())) {
            store.load(in, graph.trustStorePassword());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private HttpResponse<String> requestToken(String tenant, String secret, String scope) throws Exception {
        String form = "grant_type=client_credentials"
                + "&client_id=" + URLEncoder.encode(graph.clientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8)
                + "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(graph.authorityHost() + "/" + tenant
                        + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String token() throws Exception {
        HttpResponse<String> response = requestToken(graph.tenantId(), graph.clientSecret(),
                GraphEmulator.GRAPH_SCOPE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).getString("access_token");
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs the url until it is not throttled, waiting what Retry-After asks each time, as a client should. */
    private List<HttpResponse<String>> getRetrying(String url, String token) throws Exception {
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int attempt = 1; attempt <= 5; attempt++) {
            HttpResponse<String> response = get(url, token);
            responses.add(response);
            if (response.statusCode() != 429 && response.statusCode() != 503) {
                break;
            }
            long seconds = Long.parseLong(response.headers().firstValue("Retry-After").orElse("1"));
            Thread.sleep(Duration.ofSeconds(seconds).toMillis());
        }
        return responses;
    }

    /** Every page of a collection, following @odata.nextLink from the first url. */
    private List<JsonObject> readPages(String url, String token) throws Exception {
        List<JsonObject> pages = new ArrayList<>();
        String next = url;
        while (next != null) {
            HttpResponse<String> response = get(next, token);
            assertThat(response.statusCode()).as(next + ": " + response.body()).isEqualTo(200);
            JsonObject page = json(response);
            pages.add(page);
            next = page.containsKey("@odata.nextLink") ? page.getString("@odata.nextLink") : null;
            assertThat(pages).as("pages of " + url).hasSizeLessThan(50);
        }
        return pages;
    }

    private static List<JsonObject> values(List<JsonObject> pages) {
        return pages.stream().flatMap(page -> page.getJsonArray("value").getValuesAs(JsonObject.class).stream())
                .toList();
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static JsonObject removed(String id, String reason) {
        return Json.createObjectBuilder().add("id", id)
                .add("@removed", Json.createObjectBuilder().add("reason", reason)).build();
    }

    private static GraphUser.Builder person(int i) {
        return GraphUser.builder()
                .userPrincipalName("person" + i + "@fixture.test")
                .displayName("Person " + i)
                .givenName("Given" + i)
                .surname("Surname" + i)
                .mail("person" + i + "@fixture.test")
                .mobilePhone("+44 7700 90000" + i)
                .businessPhones(List.of("+44 20 7946 000" + i))
                .department("Engineering")
                .officeLocation("London")
                .employeeId("E" + i)
                .employeeType("Employee");
    }
}
