package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.roster.app.ReadmeExamples.Example;

/**
 * Every {@code curl} and {@code ldapsearch} example of the README, read from its code blocks and
 * run in the README's order as the real programs, against a server started as the README's first
 * command starts it: the embedded default, with the demo directory, its embedded PostgreSQL and
 * its first sync. Only where the server listens is changed ({@code localhost:9080} and
 * {@code localhost:10389} become the ports of this server). An example passes when its program
 * exits 0, curl's answer is 2xx (or the status its comment names, such as {@code # 409: ...}) and
 * ldapsearch finds at least one entry. The examples of a code block with a {@code …} placeholder
 * need values only the reader has (a secret, a server of their own) and are reported as not run.
 */
class ReadmeExamplesIT {

    private static final Path README = Path.of(System.getProperty("basedir", "."), "..", "README.md");
    private static final Path OUTPUT = Path.of("target", "readme-examples");
    private static final Duration COMMAND_DEADLINE = Duration.ofMinutes(1);
    private static final Set<String> UNFINISHED = Set.of("QUEUED", "RUNNING");

    private static List<Example> examples;
    private static LibertyProcess server;
    private static int ldapPort;

    @BeforeAll
    static void startTheEmbeddedDefaultAndAwaitItsFirstSync() throws IOException {
        examples = ReadmeExamples.of(README);
        ldapPort = LibertyProcess.freePort();
        server = LibertyProcess.create("readme", Map.of(
                "ROSTER_DEMO_LDAP_PORT", Integer.toString(ldapPort),
                "ROSTER_DB_EMBEDDED_PORT", Integer.toString(LibertyProcess.freePort())));
        // its first start creates the embedded PostgreSQL cluster before the application is up
        server.start(Duration.ofMinutes(10));
        // the README's examples come after the first sync, as a reader's would
        RosterApi api = server.api();
        await("the first sync of the demo directory ends").atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> !UNFINISHED.contains(api.get("api/runs/1").object().getString("status")));
        LibertyProcess.deleteTree(OUTPUT);
        Files.createDirectories(OUTPUT);
    }

    @AfterAll
    static void stopTheServer() {
        if (server != null) {
            server.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExampleInTheReadmeWorksAgainstTheDemoServer() {
        assertThat(examples).as("the README's examples").extracting(Example::program)
                .contains("curl", "ldapsearch");
        return IntStream.range(0, examples.size()).mapToObj(i -> dynamicTest(examples.get(i).toString(), () -> {
            Assumptions.assumeFalse(examples.get(i).withPlaceholder(),
                    "not run, " + examples.get(i) + ": its code block has a " + ReadmeExamples.PLACEHOLDER
                            + " placeholder for a value only the reader has");
            run(examples.get(i), i);
        }));
    }

    private static void run(Example example, int index) throws IOException, InterruptedException {
        String command = adapted(example.command());
        if ("curl".equals(example.program())) {
            // the status goes to standard error, so the answer on standard output stays as it is
            command += " --write-out '%{stderr}\\n%{http_code}'";
        }
        Path out = OUTPUT.resolve(index + ".out");
        Path err = OUTPUT.resolve(index + ".err");
        Process process = new ProcessBuilder("bash", "-c", command).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!process.waitFor(COMMAND_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after " + COMMAND_DEADLINE + ": " + command);
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("exit code of %s%nout: %s%nerr: %s", command, stdout, stderr).isZero();
        if ("curl".equals(example.program())) {
            int status = Integer.parseInt(stderr.strip().substring(stderr.strip().lastIndexOf('\n') + 1));
            if (example.expectedStatus() != 0) {
                assertThat(status).as("status of %s%n%s", command, stdout).isEqualTo(example.expectedStatus());
            } else {
                assertThat(status).as("status of %s%n%s", command, stdout).isBetween(200, 299);
            }
        } else {
            assertThat(stdout).as("entries found by %s", command).containsPattern("(?m)^dn: ");
        }
    }

    /** The example with the embedded default's ports replaced by this server's. */
    private static String adapted(String command) {
        return command.replace("localhost:9080", "localhost:" + server.base().getPort())
                .replace("localhost:10389", "localhost:" + ldapPort);
    }
}
