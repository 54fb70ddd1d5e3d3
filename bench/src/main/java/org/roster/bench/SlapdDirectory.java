package org.roster.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.util.StaticUtils;
import org.roster.demo.DemoDirectory;

/**
 * The generated directory served by a real OpenLDAP ({@code slapd} from Debian's packages, the
 * server the connector's tests use), with the mdb backend: the generator's entries are streamed
 * into {@code slapadd} (which adds the operational attributes a server keeps: entryUUID,
 * modifyTimestamp, ...), then slapd serves them. Paged searches cost the same per page however
 * far into the directory they are.
 *
 * <pre>{@code
 * try (SlapdDirectory ldap = SlapdDirectory.start(1_000_000, Path.of("slapd-1000000"))) {
 *     String url = ldap.url();
 * }
 * }</pre>
 */
final class SlapdDirectory implements AutoCloseable {

    static final String ROOT_DN = "cn=admin,dc=example,dc=org";
    static final String ROOT_PASSWORD = "bench";
    private static final Path SCHEMA = Path.of("/etc/ldap/schema");
    private static final long LONG_AGO = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();

    private final Path dir;
    private final Process process;
    private final int port;
    final double loadSeconds;

    private SlapdDirectory(Path dir, Process process, int port, double loadSeconds) {
        this.dir = dir;
        this.process = process;
        this.port = port;
        this.loadSeconds = loadSeconds;
    }

    static SlapdDirectory start(int employees, Path dir) throws IOException, InterruptedException {
        delete(dir);
        Files.createDirectories(dir.resolve("data"));
        Path config = dir.resolve("slapd.conf");
        Files.writeString(config, String.join("\n",
                "include " + SCHEMA.resolve("core.schema"),
                "include " + SCHEMA.resolve("cosine.schema"),
                "include " + SCHEMA.resolve("nis.schema"),
                "include " + SCHEMA.resolve("inetorgperson.schema"),
                "modulepath /usr/lib/ldap",
                "moduleload back_mdb",
                "pidfile " + dir.toAbsolutePath().resolve("slapd.pid"),
                "sizelimit unlimited",
                "database mdb",
                "suffix \"dc=example,dc=org\"",
                "rootdn \"" + ROOT_DN + "\"",
                "rootpw " + ROOT_PASSWORD,
                "directory " + dir.toAbsolutePath().resolve("data"),
                "maxsize 17179869184",
                "index objectClass eq",
                "index entryUUID eq",
                "index uid eq",
                "index modifyTimestamp eq",
                "access to * by * read",
                ""), StandardCharsets.UTF_8);
        long start = System.nanoTime();
        Process slapadd = new ProcessBuilder("/usr/sbin/slapadd", "-q", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("slapadd.log").toFile()).start();
        try (BufferedWriter ldif = new BufferedWriter(new OutputStreamWriter(slapadd.getOutputStream(),
                StandardCharsets.UTF_8), 1 << 20);
             Stream<Entry> entries = DemoDirectory.of(DemoDirectory.DEFAULT_SEED, employees)
                     .entries(DemoDirectory.DEFAULT_BASE_DN)) {
            long second = 0;
            for (Entry entry : (Iterable<Entry>) entries::iterator) {
                // as if each person was last changed at a second of their own, long ago: an incremental
                // read after the load then finds only what is changed later, not the bulk load's last second
                String at = StaticUtils.encodeGeneralizedTime(
                        new Date(LONG_AGO + 1000 * second++)).replaceAll("\\.\\d+Z$", "Z");
                entry.setAttribute("createTimestamp", at);
                entry.setAttribute("modifyTimestamp", at);
                for (String line : entry.toLDIF()) {
                    ldif.write(line);
                    ldif.write('\n');
                }
                ldif.write('\n');
            }
        }
        if (!slapadd.waitFor(30, TimeUnit.MINUTES) || slapadd.exitValue() != 0) {
            throw new IOException("slapadd failed; see " + dir.resolve("slapadd.log"));
        }
        int port = BenchPostgres.freePort();
        Process process = new ProcessBuilder("/usr/sbin/slapd", "-f", config.toString(), "-h",
                "ldap://127.0.0.1:" + port + "/", "-d", "none").redirectErrorStream(true)
                .redirectOutput(dir.resolve("slapd.log").toFile()).start();
        process.getOutputStream().close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                new LDAPConnection("127.0.0.1", port).close();
                break;
            } catch (LDAPException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("slapd did not start; see " + dir.resolve("slapd.log"), e);
                }
                // slapd is opening its database: try again shortly
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
        return new SlapdDirectory(dir, process, port, (System.nanoTime() - start) / 1e9);
    }

    /** The slapd process, whose CPU time the phases report. */
    ProcessHandle process() {
        return process.toHandle();
    }

    int port() {
        return port;
    }

    String url() {
        return "ldap://127.0.0.1:" + port;
    }

    /** A connection allowed to change entries. */
    LDAPConnection adminConnection() throws LDAPException {
        return new LDAPConnection("127.0.0.1", port, ROOT_DN, ROOT_PASSWORD);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        process.waitFor(1, TimeUnit.MINUTES);
        delete(dir);
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

}
