package org.roster.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The embedded default database: a PostgreSQL cluster of Roster's own whose data directory lives
 * under the server's directory, run with the machine's PostgreSQL server programs (Debian's
 * {@code postgresql} package). Production points {@code roster.db.url} at its own PostgreSQL and
 * never starts this; the demo and production share one SQL dialect either way.
 *
 * <p>The cluster listens on 127.0.0.1 only and asks for a password. It outlives a killed server:
 * the next start finds it running and uses it. PostgreSQL refuses to run as root, so as root it
 * runs as the {@code postgres} user.
 *
 * <pre>{@code
 * EmbeddedPostgres pg = new EmbeddedPostgres(Path.of("postgres"), 15432, "roster", secret, Optional.empty());
 * pg.start();
 * }</pre>
 */
final class EmbeddedPostgres {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class.getName());
    private static final String SYSTEM_USER = "postgres";

    private final Path root;
    private final Path data;
    private final int port;
    private final String user;
    private final char[] password;
    private final Optional<Path> configuredBin;

    EmbeddedPostgres(Path root, int port, String user, char[] password, Optional<Path> bin) {
        this.root = root.toAbsolutePath();
        this.data = this.root.resolve("data");
        this.port = port;
        this.user = user;
        this.password = password.clone();
        this.configuredBin = bin;
    }

    /** The JDBC URL the server's data source uses for this cluster. */
    static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/roster";
    }

    /** Creates the cluster on first use, and starts it unless it is already running. */
    void start() {
        Path bin = serverPrograms();
        try {
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                create(bin);
            } else if (run(bin, List.of("pg_ctl", "-D", data.toString(), "status"), false) == 0) {
                // the previous server was stopped without stopping its database (killed, say)
                LOG.info(() -> "The embedded PostgreSQL in " + data + " is already running; using it");
                return;
            }
            LOG.info(() -> "Starting the embedded PostgreSQL in " + data + " on 127.0.0.1:" + port);
            startCluster(bin);
        } catch (IOException e) {
            throw new IllegalStateException("The embedded PostgreSQL in " + data + " could not be started: "
                    + e.getMessage() + " (its log: " + root.resolve("postgres.log") + ")", e);
        }
    }

    /** Stops the cluster, waiting for it to finish its work. */
    void stop() {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                run(serverPrograms(), List.of("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop"), true);
            }
        } catch (IOException | IllegalStateException e) {
            LOG.warning(() -> "The embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    private void create(Path bin) throws IOException {
        LOG.info(() -> "Creating the embedded PostgreSQL database in " + data);
        Files.createDirectories(root);
        Path passwordFile = Files.createTempFile(root, "pw", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(passwordFile, new String(password), StandardCharsets.UTF_8);
            handToOwner(root);
            require(run(bin, List.of("initdb", "-D", data.toString(), "-U", user, "-A", "scram-sha-256",
                    "--pwfile=" + passwordFile, "-E", "UTF8", "--no-locale"), true), "initdb");
        } finally {
            Files.deleteIfExists(passwordFile);
        }
        startCluster(bin);
        require(run(bin, List.of("createdb", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", user, "roster"),
                true), "createdb");
        run(bin, List.of("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop"), true);
    }

    /** Starts the cluster on 127.0.0.1 only, its socket in its own folder, waiting until it accepts connections. */
    private void startCluster(Path bin) throws IOException {
        require(run(bin, List.of("pg_ctl", "-D", data.toString(), "-l", root.resolve("postgres.log").toString(),
                "-w", "-t", "120", "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + data, "start"), true),
                "pg_ctl start");
    }

    private static void require(int exit, String step) throws IOException {
        if (exit != 0) {
            throw new IOException(step + " exited with " + exit);
        }
    }

    /** Runs one of PostgreSQL's programs (as the postgres user when Roster runs as root). */
    private int run(Path bin, List<String> command, boolean logOutput) throws IOException {
        List<String> full = new ArrayList<>();
        if (asRoot()) {
            full.addAll(List.of("runuser", "-u", SYSTEM_USER, "--"));
        }
        full.add(bin.resolve(command.get(0)).toString());
        full.addAll(command.subList(1, command.size()));
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("PGPASSWORD", new String(password));
        env.put("LC_ALL", "C");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within 3 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(command.get(0) + " was interrupted", e);
        }
        if (logOutput && process.exitValue() != 0 && !output.isEmpty()) {
            LOG.warning(() -> command.get(0) + ": " + output);
        }
        return process.exitValue();
    }

    private void handToOwner(Path dir) throws IOException {
        if (asRoot()) {
            // the postgres user must reach the directory: Liberty makes its server directories
            // private (rwxr-x---), so they get the traversal bit for others (not the right to list)
            for (Path up = dir.getParent(); up != null; up = up.getParent()) {
                var permissions = Files.getPosixFilePermissions(up);
                if (!permissions.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                    permissions.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
                    Files.setPosixFilePermissions(up, permissions);
                }
            }
            try {
                Process chown = new ProcessBuilder("chown", "-R", SYSTEM_USER, dir.toString()).inheritIO().start();
                if (chown.waitFor() != 0) {
                    throw new IOException("chown " + SYSTEM_USER + " " + dir + " failed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * Where initdb and pg_ctl are: the configured directory, else the newest of Debian's
     * {@code /usr/lib/postgresql/<version>/bin}.
     */
    private Path serverPrograms() {
        if (configuredBin.isPresent()) {
            return configuredBin.get();
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.filter(p -> p.getFileName().toString().matches("\\d+"))
                        .filter(p -> Files.isExecutable(p.resolve("bin").resolve("pg_ctl")))
                        .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString())));
                if (newest.isPresent()) {
                    return newest.get().resolve("bin");
                }
            } catch (IOException e) {
                // fall through to the error below
            }
        }
        throw new IllegalStateException("The embedded database needs PostgreSQL's server programs (initdb, pg_ctl) "
                + "and none were found: install Debian's postgresql package (apt-get install postgresql), set "
                + "roster.db.embedded.bin to the directory that holds them, or set roster.db.url to a PostgreSQL "
                + "of your own");
    }
}
