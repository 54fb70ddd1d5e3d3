package org.roster.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for one benchmark run, made with the machine's PostgreSQL server
 * programs (Debian's {@code postgresql}) under {@code target/}, as the application's embedded
 * database is; one database per directory size. Default settings: commits are durable, as in
 * production.
 *
 * <pre>{@code
 * try (BenchPostgres pg = BenchPostgres.start(Path.of("target/pg"))) {
 *     String url = pg.createDatabase("roster_10000");
 * }
 * }</pre>
 */
final class BenchPostgres implements AutoCloseable {

    static final String USER = "roster";
    static final String PASSWORD = "roster";
    private static final String SYSTEM_USER = "postgres";
    /**
     * The server's settings besides its defaults, as a database sized for a directory of this size
     * would have them: a buffer cache that holds the working set of a plan for 100k viewers, and a
     * write-ahead log that is not checkpointed every gigabyte. Reported with the machine.
     */
    static final String SETTINGS = "-c shared_buffers=2GB -c max_wal_size=8GB -c checkpoint_timeout=15min";

    private final Path root;
    private final Path bin;
    private final int port;

    private BenchPostgres(Path root, Path bin, int port) {
        this.root = root;
        this.bin = bin;
        this.port = port;
    }

    static BenchPostgres start(Path root) throws IOException {
        Path dir = root.toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        BenchPostgres pg = new BenchPostgres(dir, serverPrograms(), freePort());
        pg.create();
        return pg;
    }

    String version() {
        try {
            return run(List.of("postgres", "--version")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void create() throws IOException {
        Path passwordFile = root.resolve("pw");
        Files.writeString(passwordFile, PASSWORD, StandardCharsets.UTF_8);
        handToOwner();
        Path data = root.resolve("data");
        run(List.of("initdb", "-D", data.toString(), "-U", USER, "-A", "scram-sha-256", "--pwfile=" + passwordFile,
                "-E", "UTF8", "--no-locale"));
        run(List.of("pg_ctl", "-D", data.toString(), "-l", root.resolve("postgres.log").toString(), "-w", "-t", "120",
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + data + " " + SETTINGS, "start"));
    }

    /** Creates an empty database and returns its JDBC URL. */
    String createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
            s.execute("create database " + name);
        }
        return url(name);
    }

    void dropDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
        }
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        try {
            run(List.of("pg_ctl", "-D", root.resolve("data").toString(), "-m", "fast", "-w", "stop"));
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    private String run(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (asRoot()) {
            // PostgreSQL refuses to run as root
            full.addAll(List.of("runuser", "-u", SYSTEM_USER, "--"));
        }
        full.add(bin.resolve(command.get(0)).toString());
        full.addAll(command.subList(1, command.size()));
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException(command.get(0) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(command.get(0) + " was interrupted", e);
        }
        return output;
    }

    private void handToOwner() throws IOException {
        if (!asRoot()) {
            return;
        }
        for (Path up = root; up != null; up = up.getParent()) {
            var permissions = Files.getPosixFilePermissions(up);
            if (!permissions.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                permissions.add(PosixFilePermission.OTHERS_EXECUTE);
                Files.setPosixFilePermissions(up, permissions);
            }
        }
        try {
            if (new ProcessBuilder("chown", "-R", SYSTEM_USER, root.toString()).inheritIO().start().waitFor() != 0) {
                throw new IOException("chown " + SYSTEM_USER + " " + root + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path serverPrograms() throws IOException {
        Path debian = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> Files.isExecutable(p.resolve("bin").resolve("pg_ctl")))
                    .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString())))
                    .map(p -> p.resolve("bin"))
                    .orElseThrow(() -> new IOException("no PostgreSQL server programs under " + debian
                            + ": install Debian's postgresql package"));
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
