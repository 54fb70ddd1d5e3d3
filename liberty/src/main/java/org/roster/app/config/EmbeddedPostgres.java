package org.roster.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
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
 * <p>It has two roles: the owner (the cluster's superuser), which owns the schema and migrates it,
 * and the application's role, which Roster works as and which gets only what {@link DatabaseRoles}
 * grants it. A cluster made before the two roles existed, whose superuser was the application's
 * role, is converted at its next start: that role becomes the owner and a plain application role
 * is created.
 *
 * <pre>{@code
 * EmbeddedPostgres pg = new EmbeddedPostgres(Path.of("postgres"), 15432, owner, application, Optional.empty());
 * pg.start();
 * }</pre>
 */
final class EmbeddedPostgres {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class.getName());
    private static final String SYSTEM_USER = "postgres";

    private final Path root;
    private final Path data;
    private final int port;
    private final DatabaseCredentials owner;
    private final DatabaseCredentials application;
    private final Optional<Path> configuredBin;

    EmbeddedPostgres(Path root, int port, DatabaseCredentials owner, DatabaseCredentials application,
                     Optional<Path> bin) {
        if (owner.user().equals(application.user())) {
            throw new IllegalStateException("roster.db.owner-user and roster.db.user are both \"" + owner.user()
                    + "\": the embedded database needs two roles, the owner and the application's");
        }
        this.root = root.toAbsolutePath();
        this.data = this.root.resolve("data");
        this.port = port;
        this.owner = owner;
        this.application = application;
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
                LOG.info(() -> "Starting the embedded PostgreSQL in " + data + " on 127.0.0.1:" + port);
                startCluster(bin);
            } else if (run(bin, List.of("pg_ctl", "-D", data.toString(), "status"), false) == 0) {
                // the previous server was stopped without stopping its database (killed, say)
                LOG.info(() -> "The embedded PostgreSQL in " + data + " is already running; using it");
            } else {
                LOG.info(() -> "Starting the embedded PostgreSQL in " + data + " on 127.0.0.1:" + port);
                startCluster(bin);
            }
            ensureRoles(bin);
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
            Files.writeString(passwordFile, new String(owner.password()), StandardCharsets.UTF_8);
            handToOwner(root);
            require(run(bin, List.of("initdb", "-D", data.toString(), "-U", owner.user(), "-A", "scram-sha-256",
                    "--pwfile=" + passwordFile, "-E", "UTF8", "--no-locale"), true), "initdb");
        } finally {
            Files.deleteIfExists(passwordFile);
        }
        startCluster(bin);
        require(run(bin, List.of("createdb", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", owner.user(),
                "roster"), true, owner, ""), "createdb");
        run(bin, List.of("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop"), true);
    }

    /**
     * Makes sure the application's role exists, is no more than a login, and has the configured
     * password; a cluster whose superuser is still the application's role is converted first.
     */
    private void ensureRoles(Path bin) throws IOException {
        String app = DatabaseCredentials.identifier(application.user());
        String own = DatabaseCredentials.identifier(owner.user());
        if (psql(bin, owner, "select 1;", false) != 0) {
            LOG.warning(() -> "The embedded database's superuser is the application's role \"" + application.user()
                    + "\"; it becomes the owner \"" + owner.user() + "\" and the application gets a role of its own");
            // a session can't rename its own user: it renames under another session authorization
            require(psql(bin, application, "create role roster_conversion superuser nologin;\n"
                    + "set session authorization roster_conversion;\n"
                    + "alter role " + app + " rename to " + own + ";\n"
                    + "alter role " + own + " password " + literal(owner.password()) + ";\n"
                    + "reset session authorization;\n"
                    + "drop role roster_conversion;\n", true), "converting the superuser into the owner");
        }
        require(psql(bin, owner, "do $$ begin\n"
                + "  if not exists (select from pg_roles where rolname = " + literal(application.user().toCharArray())
                + ") then\n"
                + "    create role " + app + " login;\n"
                + "  end if;\n"
                + "end $$;\n"
                + "alter role " + app + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls "
                + "password " + literal(application.password()) + ";\n", true), "creating the application's role");
    }

    /** Runs SQL as a role, the text (which may hold a password) on psql's input, not its command line. */
    private int psql(Path bin, DatabaseCredentials role, String sql, boolean logOutput) throws IOException {
        return run(bin, List.of("psql", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", role.user(), "-d",
                "roster", "-X", "-q", "-w", "-v", "ON_ERROR_STOP=1", "-f", "-"), logOutput, role, sql);
    }

    private static String literal(char[] value) {
        return "'" + new String(value).replace("'", "''") + "'";
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

    private int run(Path bin, List<String> command, boolean logOutput) throws IOException {
        return run(bin, command, logOutput, owner, "");
    }

    /**
     * Runs one of PostgreSQL's programs (as the postgres user when Roster runs as root), signed in
     * as the given role, with the given text on its input.
     */
    private int run(Path bin, List<String> command, boolean logOutput, DatabaseCredentials role, String input)
            throws IOException {
        List<String> full = new ArrayList<>();
        if (asRoot()) {
            full.addAll(List.of("runuser", "-u", SYSTEM_USER, "--"));
        }
        full.add(bin.resolve(command.get(0)).toString());
        full.addAll(command.subList(1, command.size()));
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("PGPASSWORD", new String(role.password()));
        env.put("LC_ALL", "C");
        Process process = builder.start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
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
                if (!permissions.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    permissions.add(PosixFilePermission.OTHERS_EXECUTE);
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
