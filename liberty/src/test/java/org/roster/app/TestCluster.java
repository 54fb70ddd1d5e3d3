package org.roster.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The tests' PostgreSQL cluster (pg.sh) as its superuser sees it: databases of a test's own, owned
 * by {@code roster_owner} like the build's, and dumped and restored with PostgreSQL's own programs,
 * as an operator would back one up.
 */
final class TestCluster {

    private TestCluster() {
    }

    /** The cluster's port, from the build's database URL. */
    static int port() {
        return URI.create(System.getProperty("it.db.url").substring("jdbc:".length())).getPort();
    }

    static String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), "roster", "roster");
    }

    /** Makes an empty database (dropping one of that name first), owned by the owner role. */
    static void createDatabase(String name) throws SQLException {
        try (Connection db = connect("postgres")) {
            db.createStatement().execute("drop database if exists " + name + " with (force)");
            db.createStatement().execute("create database " + name + " owner roster_owner");
        }
    }

    /** {@code pg_dump} of a database into a file, in the custom format. */
    static void dump(String database, Path file) {
        run(List.of(program("pg_dump"), "-h", "127.0.0.1", "-p", Integer.toString(port()), "-U", "roster",
                "-Fc", "-f", file.toString(), database));
    }

    /** {@code pg_restore} of a dump into an empty database; owners and grants are kept. */
    static void restore(Path file, String database) {
        run(List.of(program("pg_restore"), "-h", "127.0.0.1", "-p", Integer.toString(port()), "-U", "roster",
                "--exit-on-error", "-d", database, file.toString()));
    }

    private static String program(String name) {
        try (Stream<Path> bins = Files.list(Path.of("/usr/lib/postgresql"))) {
            return bins.map(v -> v.resolve("bin").resolve(name)).filter(Files::isExecutable)
                    .max(Comparator.comparing(p -> Integer.parseInt(p.getParent().getParent().getFileName()
                            .toString()))).orElseThrow(() -> new IllegalStateException(name + " is not installed"))
                    .toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(List<String> command) {
        try {
            Path output = Files.createTempFile("pg", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed: " + Files.readString(output));
            }
            Files.delete(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
