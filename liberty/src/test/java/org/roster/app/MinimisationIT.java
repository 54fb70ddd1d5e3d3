package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Privacy is the product: a value the policy does not allow leave Roster is found in no delivered
 * contact, no API response and no line of the server's logs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MinimisationIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL base;

    @Test
    void aCanaryTitleAndAnInvalidNumberAppearNowhereOutsideTheDirectory() throws IOException {
        RosterApi api = new RosterApi(URI.create(base.toString()).resolve("/"));
        LdapFixture ldap = LdapFixture.get();
        String department = "Canary-" + System.nanoTime();
        String canary = "CANARY-" + System.nanoTime();
        ldap.add(new LdapFixture.Person("canary-a-" + department, "Cana", "Ry", "0151 2222 3333", department, canary));
        ldap.add(new LdapFixture.Person("canary-b-" + department, "Bird", "Song", "0151 2222 4444", department, canary));
        // a mistyped number is shown to admins in the run's rejections, but never written to a log;
        // long enough that no run id, byte count or duration in the access log can spell it by chance
        ldap.add(new LdapFixture.Person("canary-c-" + department, "Typo", "Number", "0151 9876 5432 1098", department,
                canary));

        JsonObject run = api.sync();
        long id = run.getJsonNumber("id").longValue();

        StringBuilder everything = new StringBuilder();
        for (String path : new String[] {"api/runs", "api/runs/" + id, "api/runs/" + id + "/rejections?limit=1000",
                "api/employees?q=canary", "api/employees/canary-a-" + department,
                "api/employees/canary-a-" + department + "/contacts", "api/employees/canary-b-" + department + "/contacts",
                "api/audit?limit=1000", "api/audit/export?format=csv", "api/audit/export?format=json"}) {
            RosterApi.Reply reply = (path.startsWith("api/audit") ? api.as("auditor") : api).get(path);
            assertThat(reply.status()).as(path).isEqualTo(200);
            everything.append(reply.body());
        }
        assertThat(api.contactsOf("canary-a-" + department).getInt("count")).isEqualTo(1);
        assertThat(everything).doesNotContain(canary);

        Path logs = Path.of(System.getProperty("it.wlp.home"), "usr", "servers", System.getProperty("it.server.name"),
                "logs");
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(text).as(file.toString()).doesNotContain(canary).doesNotContain("9876 5432").doesNotContain("98765432")
                        .doesNotContain("4915122223333");
            }
        }
    }
}
