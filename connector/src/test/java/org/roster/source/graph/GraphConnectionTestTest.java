package org.roster.source.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.directory.DirectoryEntry;
import org.roster.policy.PersonField;
import org.roster.source.ConnectionReport;
import org.roster.source.Secret;

/**
 * The admin's connection test of an Entra ID source, {@link GraphDirectorySource#test(int)},
 * through the real Graph SDK and azure-identity against the local Graph emulator: what each step
 * says when the tenant works, and when the secret, tenant, certificate, a group or a permission
 * is wrong.
 */
class GraphConnectionTestTest {

    private static final String FINANCE = "5c7a0000-0000-0000-0000-00000000f1a0";
    private static final String NESTED = "5c7a0000-0000-0000-0000-0000000000e5";
    private static final String GONE = "5c7a0000-0000-0000-0000-000000000900";

    private static GraphEmulator graph;

    @BeforeAll
    static void startGraph() throws Exception {
        graph = GraphEmulator.start();
    }

    @AfterAll
    static void stopGraph() {
        graph.close();
    }

    @BeforeEach
    void tenPeople() {
        graph.reset();
        for (int i = 0; i < 10; i++) {
            graph.putUser(GraphEmulator.GraphUser.builder().id("00000000-0000-0000-0000-00000000000" + i)
                    .userPrincipalName("p" + i + "@contoso.example").givenName("Given" + i).surname("Surname" + i)
                    .mobilePhone("+49 151 2345 000" + i).department(i % 2 == 0 ? "Finance" : "Sales")
                    .jobTitle("CANARY-TITLE").accountEnabled(i != 1).build());
        }
    }

    private static GraphSourceConfig config(String secret) {
        return GraphSourceConfig.of(graph.tenantId(), graph.clientId(), Secret.of(secret.toCharArray()))
                .at(URI.create(graph.authorityHost()), URI.create(graph.graphUrl()), Optional.of(graph.trustStore()),
                        Secret.of(graph.trustStorePassword()))
                .onlyFields(EnumSet.of(PersonField.GIVEN_NAME, PersonField.SURNAME, PersonField.MOBILE,
                        PersonField.ACCOUNT_DISABLED));
    }

    private static List<ConnectionReport.Step> failed(ConnectionReport report) {
        return report.steps().stream().filter(step -> !step.ok()).toList();
    }

    @Test
    void aWorkingTenantPassesEveryStepWithTheCountAndASampleMappedAsAReadMapsIt() {
        GraphDirectorySource source = new GraphDirectorySource(config(graph.clientSecret()));

        ConnectionReport report = source.test(3);

        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.steps()).extracting(ConnectionReport.Step::name, ConnectionReport.Step::ok)
                .containsExactly(Tuple.tuple("sign in", true),
                        Tuple.tuple("read users", true));
        assertThat(report.steps().get(0).detail()).isEqualTo("signed in to tenant " + graph.tenantId() + " as app "
                + graph.clientId() + " at " + URI.create(graph.authorityHost()).getAuthority());
        assertThat(report.steps().get(1).detail()).startsWith("read 3 users of 10 in the tenant, selecting id, "
                + "userPrincipalName").doesNotContain("jobTitle");
        assertThat(report.matching()).isEqualTo(10);
        assertThat(report.capped()).isFalse();
        List<DirectoryEntry> read = new ArrayList<>();
        assertThat(source.readAll(read::add).complete()).isTrue();
        assertThat(report.sample()).hasSize(3).allSatisfy(entry -> assertThat(read).contains(entry));
        DirectoryEntry second = report.sample().stream()
                .filter(entry -> entry.reference().equals("entra:p1@contoso.example")).findFirst().orElseThrow();
        assertThat(second.valuesOf(PersonField.MOBILE)).containsExactly("+49 151 2345 0001");
        assertThat(second.valuesOf(PersonField.ACCOUNT_DISABLED)).containsExactly("true");
        assertThat(second.valuesOf(PersonField.DEPARTMENT)).as("not mapped, so not read").isEmpty();
        GraphEmulator.Request users = graph.requests().stream().filter(GraphEmulator.Request::graph).findFirst()
                .orElseThrow();
        assertThat(users.path()).isEqualTo("/v1.0/users");
        assertThat(users.target()).contains("top=3").contains("count=true").doesNotContain("jobTitle");
    }

    @Test
    void aWrongSecretFailsSignInInPlainWordsAndTheSecretIsNowhereInTheReport() {
        String wrong = "Xy48Q~not-the-secret-but-looks-like-one-0";

        ConnectionReport report = new GraphDirectorySource(config(wrong)).test(3);

        assertThat(report.ok()).isFalse();
        assertThat(report.steps()).extracting(ConnectionReport.Step::name).containsExactly("sign in");
        assertThat(report.steps().get(0).detail()).isEqualTo("Entra ID refused the client secret (AADSTS7000215): "
                + "it is wrong; enter the secret's value, not its id");
        assertThat(report.toString()).doesNotContain(wrong).doesNotContain(graph.clientSecret());
        assertThat(report.matching()).isEqualTo(-1);
        assertThat(report.sample()).isEmpty();
        assertThat(graph.requests()).noneMatch(GraphEmulator.Request::graph);
    }

    @Test
    void anUnknownTenantAndAWrongClientIdAreNamed() {
        GraphSourceConfig right = config(graph.clientSecret());
        GraphSourceConfig otherTenant = new GraphSourceConfig("contoso-typo.onmicrosoft.com", right.clientId(),
                right.clientSecret(), right.authorityHost(), right.graphUrl(), right.mapping(), right.groupIds(),
                right.pageSize(), right.maxRetries(), right.trustStore(), right.trustStorePassword());
        GraphSourceConfig otherApp = new GraphSourceConfig(right.tenantId(), "11111111-2222-3333-4444-555555555555",
                right.clientSecret(), right.authorityHost(), right.graphUrl(), right.mapping(), right.groupIds(),
                right.pageSize(), right.maxRetries(), right.trustStore(), right.trustStorePassword());

        ConnectionReport noTenant = new GraphDirectorySource(otherTenant).test(1);
        ConnectionReport noApp = new GraphDirectorySource(otherApp).test(1);

        assertThat(failed(noTenant)).singleElement().satisfies(step -> {
            assertThat(step.name()).isEqualTo("sign in");
            assertThat(step.detail()).startsWith("Entra ID knows no tenant contoso-typo.onmicrosoft.com "
                    + "(AADSTS90002): check the tenant id");
        });
        assertThat(failed(noApp)).singleElement().satisfies(step -> {
            assertThat(step.name()).isEqualTo("sign in");
            assertThat(step.detail()).startsWith("tenant " + graph.tenantId() + " has no app with the client id "
                    + "11111111-2222-3333-4444-555555555555 (AADSTS700016): check the client id");
        });
        assertThat(noTenant.toString() + noApp).doesNotContain(graph.clientSecret());
    }

    @Test
    void anUntrustedCertificateNamesTheTrustStoreSetting() {
        GraphSourceConfig right = config(graph.clientSecret());
        GraphSourceConfig jvmTrust = right.at(right.authorityHost(), right.graphUrl(), Optional.empty(),
                Secret.none());

        ConnectionReport report = new GraphDirectorySource(jvmTrust).test(1);

        assertThat(failed(report)).singleElement().satisfies(step -> {
            assertThat(step.name()).isEqualTo("sign in");
            assertThat(step.detail()).startsWith("the TLS certificate of the sign-in host "
                    + URI.create(graph.authorityHost()).getAuthority() + " is not trusted (")
                    .endsWith("add the CA that issued it to the trust store, the setting trust-store "
                            + "(roster.source.entra.trust-store for the configured source)");
        });
    }

    @Test
    void aHostThatDoesNotAnswerIsReportedAsUnreachable() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        GraphSourceConfig right = config(graph.clientSecret());
        GraphSourceConfig nowhere = right.at(URI.create("https://localhost:" + closed), right.graphUrl(),
                right.trustStore(), right.trustStorePassword());

        ConnectionReport report = new GraphDirectorySource(nowhere).test(1);

        assertThat(failed(report)).singleElement().satisfies(step -> {
            assertThat(step.name()).isEqualTo("sign in");
            assertThat(step.detail()).isEqualTo("can't reach the sign-in host localhost:" + closed + " (the "
                    + "connection was refused): check the host's name and port, and that this server may connect to "
                    + "it (DNS, proxy, firewall)");
        });
    }

    @Test
    void anAppWithoutUserReadAllIsToldToGetItWithAnAdminsConsent() {
        graph.consentPermissions("GroupMember.Read.All");

        ConnectionReport report = new GraphDirectorySource(config(graph.clientSecret())).test(3);

        assertThat(report.ok()).isFalse();
        assertThat(report.steps().get(0).ok()).as("the app still signs in").isTrue();
        assertThat(failed(report)).singleElement().satisfies(step -> {
            assertThat(step.name()).isEqualTo("read users");
            assertThat(step.detail()).isEqualTo("the app may not read users (403 Authorization_RequestDenied): "
                    + "grant it the application permission User.Read.All with an admin's consent");
        });
        assertThat(report.sample()).isEmpty();
        assertThat(report.matching()).isEqualTo(-1);
    }

    @Test
    void aSourceScopedToGroupsNamesThemAndSamplesTheFirstGroupsMembers() {
        graph.putGroup(FINANCE, "Finance", List.of("00000000-0000-0000-0000-000000000000"), List.of(NESTED));
        graph.putGroup(NESTED, "Finance Berlin", List.of("00000000-0000-0000-0000-000000000002"), List.of());
        GraphDirectorySource scoped = new GraphDirectorySource(config(graph.clientSecret())
                .inGroups(List.of(FINANCE, NESTED)));

        ConnectionReport report = scoped.test(5);

        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.steps()).extracting(ConnectionReport.Step::name)
                .containsExactly("sign in", "read users", "groups");
        assertThat(report.steps().get(2).detail()).isEqualTo("found \"Finance\" (" + FINANCE + "), "
                + "\"Finance Berlin\" (" + NESTED + ")");
        assertThat(report.steps().get(1).detail()).startsWith("read 2 users of the members of group " + FINANCE);
        assertThat(report.sample()).extracting(DirectoryEntry::reference)
                .containsExactlyInAnyOrder("entra:p0@contoso.example", "entra:p2@contoso.example");
        assertThat(report.matching()).isEqualTo(-1);
    }

    @Test
    void aGroupThatDoesNotExistFailsTheGroupsStepNamingIt() {
        graph.putGroup(FINANCE, "Finance", List.of("00000000-0000-0000-0000-000000000000"), List.of());
        GraphDirectorySource scoped = new GraphDirectorySource(config(graph.clientSecret())
                .inGroups(List.of(FINANCE, GONE)));

        ConnectionReport report = scoped.test(5);

        assertThat(report.ok()).isFalse();
        assertThat(failed(report)).singleElement().satisfies(step -> {
            assertThat(step.name()).isEqualTo("groups");
            assertThat(step.detail()).isEqualTo("there is no group " + GONE + " in the tenant: check group-ids; "
                    + "found \"Finance\" (" + FINANCE + ")");
        });
        assertThat(report.sample()).extracting(DirectoryEntry::reference).containsExactly("entra:p0@contoso.example");
    }

    @Test
    void aMissingFirstGroupAlsoSaysWhyNoMembersCouldBeRead() {
        GraphDirectorySource scoped = new GraphDirectorySource(config(graph.clientSecret())
                .inGroups(List.of(GONE)));

        ConnectionReport report = scoped.test(5);

        assertThat(failed(report)).extracting(ConnectionReport.Step::name, ConnectionReport.Step::detail)
                .containsExactly(
                        Tuple.tuple("read users", "there is no group " + GONE
                                + " in the tenant, so its members can't be read: check group-ids"),
                        Tuple.tuple("groups", "there is no group " + GONE
                                + " in the tenant: check group-ids"));
    }
}
