package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roster.source.graph.GraphEmulator;

/**
 * A whole server reads an Entra ID tenant next to its LDAP directory. Graph can't be reached from
 * the tests: the tenant is the local HTTPS emulator of Graph and of Entra's token endpoint, which
 * follows Graph's documented JSON, paging, delta links and {@code @removed}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EntraSourceIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL base;

    private static List<String> contactIds(RosterApi api, String viewer) {
        return api.contactsOf(viewer).getJsonArray("contacts").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("id")).toList();
    }

    @Test
    void anAdminAddsAnEntraTenantWhoseUsersJoinTheDirectoryAndWhoseDeletionsArriveThroughDelta() throws Exception {
        RosterApi admin = new RosterApi(URI.create(base.toString()).resolve("/"));
        LdapFixture.get().add(new LdapFixture.Person("entra-it-1", "Ada", "Lind", "0151 5555 0301", "Entra-Team", null));
        try (GraphEmulator graph = GraphEmulator.start()) {
            var bea = GraphEmulator.GraphUser.builder().userPrincipalName("bea@contoso.test").givenName("Bea")
                    .surname("Moss").mobilePhone("+49 151 5555 0302").department("Entra-Team").build();
            var cy = GraphEmulator.GraphUser.builder().userPrincipalName("cy@contoso.test").givenName("Cy")
                    .surname("Nagy").mobilePhone("+49 151 5555 0303").department("Entra-Team").build();
            graph.putUser(bea);
            graph.putUser(cy);
            String source = Json.createObjectBuilder().add("id", "entra").add("kind", "entra")
                    .add("name", "Contoso tenant").add("precedence", 20)
                    .add("settings", Json.createObjectBuilder().add("tenant-id", graph.tenantId())
                            .add("client-id", graph.clientId()).add("authority-host", graph.authorityHost())
                            .add("graph-url", graph.graphUrl()).add("trust-store", graph.trustStore().toString()))
                    .add("secrets", Json.createObjectBuilder().add("client-secret", graph.clientSecret())
                            .add("trust-store-password", new String(graph.trustStorePassword())))
                    .build().toString();
            RosterApi.Reply created = admin.post("api/sources", source);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            try {
                JsonObject tested = admin.post("api/sources/entra/test", "").object();
                assertThat(tested.getBoolean("ok")).as(tested.toString()).isTrue();
                assertThat(tested.toString()).doesNotContain(graph.clientSecret());
                assertThat(admin.get("api/sources").body()).doesNotContain(graph.clientSecret());

                admin.sync();
                assertThat(contactIds(admin, "entra-it-1")).contains(bea.id(), cy.id());
                JsonObject card = admin.contactsOf("entra-it-1").getJsonArray("contacts").getValuesAs(JsonObject.class)
                        .stream().filter(c -> c.getString("id").equals(bea.id())).findFirst().orElseThrow();
                assertThat(card.getJsonObject("fields").getString("mobile")).isEqualTo("+4915155550302");

                graph.deleteUser(cy.id(), true);
                int before = graph.requests().size();
                JsonObject second = admin.sync();
                assertThat(second.getString("readMode", "")).isEqualTo("incremental");
                assertThat(graph.requests().subList(before, graph.requests().size()))
                        .filteredOn(GraphEmulator.Request::graph)
                        .as("the second run follows the delta link: it reads no full user list")
                        .allSatisfy(r -> assertThat(r.target()).contains("deltatoken"));
                assertThat(contactIds(admin, "entra-it-1")).contains(bea.id()).doesNotContain(cy.id());
            } finally {
                assertThat(admin.send("DELETE", "api/sources/entra").status()).isEqualTo(204);
            }
            admin.sync();
            assertThat(contactIds(admin, "entra-it-1")).doesNotContain(bea.id());
        }
    }
}
