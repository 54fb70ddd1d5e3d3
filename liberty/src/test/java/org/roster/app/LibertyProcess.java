package org.roster.app;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A Roster server of a test's own, started and stopped (or killed) as a process: for what the
 * server Arquillian manages can't show, such as a server killed mid-run or two servers sharing a
 * database. It is a copy of the build's server (same Liberty, same server.xml, same war) under a
 * name of its own, configured, like any Roster, through environment variables.
 *
 * <pre>{@code
 * try (LibertyProcess server = LibertyProcess.create("crash", Map.of("ROSTER_DEMO_SIZE", "400"))) {
 *     server.start();
 *     server.kill();
 * }
 * }</pre>
 */
final class LibertyProcess implements AutoCloseable {

    /** Settings the build gives the Arquillian server, which a server of a test's own must not inherit. */
    private static final List<String> INHERITED = List.of("HTTP_PORT", "HTTPS_PORT", "ROSTER_SOURCE_LDAP_URL",
            "ROSTER_SOURCE_LDAP_BASE_DN", "ROSTER_SYNC_ON_START", "ROSTER_DB_URL", "ROSTER_SAFETY_MAX_REMOVAL_SHARE",
            "ROSTER_SAFETY_MAX_REMOVALS", "ROSTER_SECRETS_KEY", "ROSTER_AUTH_ALLOW_DEMO", "ROSTER_AUDIT_ANCHORS",
            "ROSTER_DB_USER", "ROSTER_DB_PASSWORD", "ROSTER_DB_OWNER_USER", "ROSTER_DB_OWNER_PASSWORD",
            "ROSTER_AUDIT_MIN_RETENTION", "ROSTER_DIRECTORY_CHECK_EVERY");

    private final String name;
    private final Path wlp;
    private final Path dir;
    private final Map<String, String> env;
    private final int httpPort;
    private final int httpsPort;
    private Process process;
    /** Whether the JVM was paused ({@link #pause}) and not resumed since. */
    private boolean paused;

    private LibertyProcess(String name, Path wlp, Map<String, String> env, int httpPort, int httpsPort) {
        this.name = name;
        this.wlp = wlp;
        this.dir = wlp.resolve("usr/servers").resolve(name);
        this.env = env;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
    }

    /** Creates (afresh) a server of this name from the build's server and war. */
    static LibertyProcess create(String name, Map<String, String> settings) {
        return create(name, settings, null);
    }

    /**
     * Creates (afresh) a server of this name from the build's server, deploying this archive (the
     * build's war with test libraries added, say) instead of the build's war when not null.
     */
    static LibertyProcess create(String name, Map<String, String> settings,
                                 WebArchive war) {
        Path wlp = Path.of(System.getProperty("it.wlp.home"));
        Path template = wlp.resolve("usr/servers").resolve(System.getProperty("it.server.name"));
        Path dir = wlp.resolve("usr/servers").resolve(name);
        try {
            deleteTree(dir);
            for (String part : List.of("server.xml", "auth-demo.xml", "auth-oidc.xml", "jdbc")) {
                copyTree(template.resolve(part), dir.resolve(part));
            }
            Files.createDirectories(dir.resolve("dropins"));
            if (war == null) {
                Files.copy(Path.of("target", "roster.war"), dir.resolve("dropins/roster.war"),
                        StandardCopyOption.REPLACE_EXISTING);
            } else {
                war.as(ZipExporter.class).exportTo(
                        dir.resolve("dropins/roster.war").toFile(), true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new HashMap<>(settings);
        int http = freePort();
        int https = freePort();
        env.put("HTTP_PORT", Integer.toString(http));
        env.put("HTTPS_PORT", Integer.toString(https));
        // the JVM options the build gives the servers tests start themselves (see liberty/pom.xml)
        env.putIfAbsent("JVM_ARGS", System.getProperty("it.process.jvm.args", ""));
        return new LibertyProcess(name, wlp, env, http, https);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir() {
        return dir;
    }

    RosterApi api() {
        return new RosterApi(base());
    }

    /** Sets one more setting (an environment variable) for the server's next start. */
    void set(String key, String value) {
        env.put(key, value);
    }

    /** The server's address. */
    URI base() {
        return URI.create("http://localhost:" + httpPort + "/");
    }

    /** The server's address over TLS: only a server with TLS configured (roster.auth=oidc) listens there. */
    URI httpsBase() {
        return URI.create("https://localhost:" + httpsPort + "/");
    }

    /** Starts the server and waits until the API answers. */
    void start() {
        // a build machine running several builds at once can take minutes to start a server
        start(Duration.ofMinutes(8));
    }

    /** Starts the server and waits, at most this long, until the API answers. */
    void start(Duration deadline) {
        launch();
        awaitAnswer(deadline);
    }

    /** The server's log so far. */
    String log() {
        try {
            Path log = dir.resolve("logs/messages.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server's process without waiting for anything. */
    void launch() {
        ProcessBuilder builder = new ProcessBuilder(wlp.resolve("bin/server").toString(), "run", name)
                .redirectErrorStream(true).redirectOutput(dir.resolve("console.out").toFile());
        INHERITED.forEach(builder.environment()::remove);
        builder.environment().putAll(env);
        try {
            Files.createDirectories(dir);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits, at most eight minutes, until a server {@link #launch launched} answers. */
    void awaitAnswer() {
        awaitAnswer(Duration.ofMinutes(8));
    }

    private void awaitAnswer(Duration deadline) {
        RosterApi api = api();
        await("server " + name + " answers").atMost(deadline).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("server " + name + " exited with " + process.exitValue()
                                + "; see " + dir.resolve("console.out"));
                    }
                    // demo users can ask the API; a server signing in through a provider says it is ready
                    return "oidc".equals(env.get("ROSTER_AUTH")) ? api.get("health/ready").status() == 200
                            : api.get("api/runs?limit=1").status() == 200;
                });
    }

    /** Kills the server's JVM with SIGKILL: no shutdown hook, no clean stop, as a power cut would. */
    void kill() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /**
     * The server's JVM: the process the script started, or the Java process it started in turn.
     */
    private ProcessHandle jvm() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("server " + name + " has no JVM running"));
    }

    /** Sends the server's JVM a signal ({@code STOP}, {@code CONT}) and waits until it was sent. */
    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(jvm().pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " of server " + name + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Pauses the server's JVM with SIGSTOP, as a long garbage collection or a frozen VM would. */
    void pause() {
        signal("STOP");
        paused = true;
    }

    /** Lets a paused JVM go on (SIGCONT), unaware that it was paused. */
    void resume() {
        signal("CONT");
        paused = false;
    }

    /** Sends the server's JVM SIGTERM, as an orchestrator stopping it would, and waits until it has exited. */
    void terminate() {
        jvm().destroy();
        try {
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                throw new IllegalStateException("server " + name + " did not exit within 3 minutes of SIGTERM");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Stops the server cleanly (which also stops its embedded database). */
    void stop() {
        if (process == null) {
            return;
        }
        if (paused) {
            // a test that failed while the server was paused: it can't stop cleanly until it goes on
            resume();
        }
        try {
            Process stop = new ProcessBuilder(wlp.resolve("bin/server").toString(), "stop", name)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stop.out").toFile()).start();
            stop.waitFor(2, TimeUnit.MINUTES);
            process.waitFor(1, TimeUnit.MINUTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
    }

    @Override
    public void close() {
        stop();
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
    }
}
