package org.roster.source.ldap;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import org.roster.testing.TestFiles;

/**
 * A real OpenLDAP {@code slapd} for tests, run from Debian's {@code slapd} package with a
 * throwaway configuration in a temporary directory: one MDB database for {@code dc=fixture,dc=test}
 * with the syncprov overlay (so entries carry {@code entryUUID} and {@code entryCSN}), listening on
 * 127.0.0.1 for plain LDAP (with StartTLS) and for LDAPS with a self-signed certificate for
 * {@code localhost} that {@link #trustStore()} trusts.
 *
 * <p>Starting takes a moment, so one server per test class is the intended use. The server runs
 * as the user running the tests and is stopped, and its directory deleted, by {@link #close()}.
 * A machine without {@code /usr/sbin/slapd} fails the test rather than skipping it: the packages
 * are listed in {@code .ci/packages}.
 *
 * <pre>{@code
 * try (SlapdServer slapd = SlapdServer.start()) {
 *     slapd.addPerson("p1", "Ada", "Lovelace", "+44 7700 900001", "Engineering");
 *     LdapSourceConfig config = LdapSourceConfig.parse(slapd.ldapUrl(), slapd.bindDn(),
 *             Secret.of(slapd.bindPassword()), slapd.baseDn(), "(objectClass=inetOrgPerson)", "uid",
 *             LdapSourceConfig.DEFAULT_MAPPING, 10);
 * }
 * }</pre>
 */
public final class SlapdServer implements AutoCloseable {

    private static final Path SLAPD = Path.of("/usr/sbin/slapd");
    private static final Path SCHEMA = Path.of("/etc/ldap/schema");
    private static final Path MODULES = Path.of("/usr/lib/ldap");
    private static final String SUFFIX = "dc=fixture,dc=test";
    private static final String PEOPLE = "ou=people," + SUFFIX;
    private static final String ROOT_DN = "cn=admin," + SUFFIX;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    /** A port found free may be taken before slapd binds it; then slapd is started again on others. */
    private static final int ATTEMPTS = 3;

    private final Path dir;
    private final Process process;
    private final int ldapPort;
    private final int ldapsPort;
    private final String password;
    private final Path trustStore;
    private final char[] trustStorePassword;
    private boolean closed;

    private SlapdServer(Path dir, Process process, int ldapPort, int ldapsPort, String password, Path trustStore,
                        char[] trustStorePassword) {
        this.dir = dir;
        this.process = process;
        this.ldapPort = ldapPort;
        this.ldapsPort = ldapsPort;
        this.password = password;
        this.trustStore = trustStore;
        this.trustStorePassword = trustStorePassword;
    }

    /**
     * Writes a configuration and a certificate to a new temporary directory, starts slapd, waits
     * until it accepts a bind and creates the base entries.
     *
     * @throws IllegalStateException when slapd is not installed
     * @throws IOException           when slapd or openssl fails, with their output
     */
    public static SlapdServer start() throws IOException {
        if (!Files.isExecutable(SLAPD)) {
            throw new IllegalStateException("The LDAP tests need OpenLDAP's " + SLAPD + " and it is missing: "
                    + "install Debian's slapd package (apt-get install slapd openssl), as .ci/packages does");
        }
        Path dir = Files.createTempDirectory("roster-slapd");
        try {
            String password = TestFiles.randomHex();
            char[] trustStorePassword = TestFiles.randomHex().toCharArray();
            Path certificate = dir.resolve("server.crt");
            Path key = dir.resolve("server.key");
            TestFiles.selfSignedCertificate(dir, certificate, key, "The LDAP tests");
            Path trustStore = dir.resolve("trust.p12");
            TestFiles.trustStore(certificate, trustStore, trustStorePassword, "slapd");
            Path config = dir.resolve("slapd.conf");
            Files.createDirectories(dir.resolve("data"));
            Files.writeString(config, configuration(dir, password, certificate, key), StandardCharsets.UTF_8);
            for (int attempt = 1; ; attempt++) {
                int[] ports = freePorts();
                int ldapPort = ports[0];
                int ldapsPort = ports[1];
                Process process = launch(dir, config, ldapPort, ldapsPort);
                SlapdServer server = new SlapdServer(dir, process, ldapPort, ldapsPort, password, trustStore,
                        trustStorePassword);
                try {
                    server.awaitBind();
                    server.addBaseEntries();
                    return server;
                } catch (PortTakenException e) {
                    server.stop();
                    if (attempt == ATTEMPTS) {
                        throw new IOException(e.getMessage());
                    }
                } catch (IOException | RuntimeException e) {
                    server.stop();
                    throw e;
                }
            }
        } catch (IOException | RuntimeException e) {
            TestFiles.deleteRecursively(dir);
            throw e;
        }
    }

    /** The plain LDAP listener, e.g. {@code ldap://127.0.0.1:38901}; it offers StartTLS. */
    public String ldapUrl() {
        return "ldap://127.0.0.1:" + ldapPort;
    }

    /** The LDAPS listener, named {@code localhost} so that the certificate's name matches. */
    public String ldapsUrl() {
        return "ldaps://localhost:" + ldapsPort;
    }

    public int ldapPort() {
        return ldapPort;
    }

    public int ldapsPort() {
        return ldapsPort;
    }

    /** Where the people are: {@code ou=people,dc=fixture,dc=test}. */
    public String baseDn() {
        return PEOPLE;
    }

    /** The database's root DN, which may do anything. */
    public String bindDn() {
        return ROOT_DN;
    }

    public char[] bindPassword() {
        return password.toCharArray();
    }

    /** A PKCS12 trust store holding the server's certificate, and nothing else. */
    public Path trustStore() {
        return trustStore;
    }

    public char[] trustStorePassword() {
        return trustStorePassword.clone();
    }

    /** A new plain connection bound as {@link #bindDn()}; the caller closes it. */
    public LDAPConnection connection() throws LDAPException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(5_000);
        options.setResponseTimeoutMillis(30_000);
        return new LDAPConnection(options, "127.0.0.1", ldapPort, ROOT_DN, password);
    }

    /**
     * Adds an inetOrgPerson {@code uid=<uid>} under {@link #baseDn()} whose {@code cn} is the given
     * name and surname; a null mobile or department leaves that attribute out.
     *
     * @return the new entry's DN
     */
    public String addPerson(String uid, String givenName, String surname, String mobile, String department)
            throws LDAPException {
        String dn = "uid=" + uid + "," + PEOPLE;
        List<Attribute> attributes = new ArrayList<>(List.of(
                new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                new Attribute("uid", uid),
                new Attribute("cn", givenName + " " + surname),
                new Attribute("givenName", givenName),
                new Attribute("sn", surname)));
        if (mobile != null) {
            attributes.add(new Attribute("mobile", mobile));
        }
        if (department != null) {
            attributes.add(new Attribute("departmentNumber", department));
        }
        try (LDAPConnection connection = connection()) {
            connection.add(new Entry(dn, attributes));
        }
        return dn;
    }

    /** Stops slapd and deletes its directory, certificate and data. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop();
        TestFiles.deleteRecursively(dir);
    }

    @Override
    public String toString() {
        return "SlapdServer[" + ldapUrl() + ", " + ldapsUrl() + "]";
    }

    // --- starting -----------------------------------------------------------------------

    private static String configuration(Path dir, String password, Path certificate, Path key) {
        // schemas in dependency order: cosine needs core, nis needs cosine, inetorgperson needs both
        return String.join("\n",
                "include " + SCHEMA.resolve("core.schema"),
                "include " + SCHEMA.resolve("cosine.schema"),
                "include " + SCHEMA.resolve("nis.schema"),
                "include " + SCHEMA.resolve("inetorgperson.schema"),
                "",
                "modulepath " + MODULES,
                "moduleload back_mdb",
                "moduleload syncprov",
                "",
                "pidfile " + quoted(dir.resolve("slapd.pid")),
                "argsfile " + quoted(dir.resolve("slapd.args")),
                "",
                "TLSCertificateFile " + quoted(certificate),
                "TLSCertificateKeyFile " + quoted(key),
                "",
                "database mdb",
                "suffix \"" + SUFFIX + "\"",
                "rootdn \"" + ROOT_DN + "\"",
                // a throwaway server: the root password may as well be plain text
                "rootpw " + password,
                "directory " + quoted(dir.resolve("data")),
                "maxsize 104857600",
                "index objectClass eq",
                "index entryUUID,entryCSN eq",
                "",
                // content synchronisation (RFC 4533); keeps contextCSN on the suffix
                "overlay syncprov",
                "syncprov-checkpoint 100 10",
                // a session log: a refresh from a recent cookie names the deleted entries
                "syncprov-sessionlog 1000",
                "");
    }

    private static String quoted(Path path) {
        return "\"" + path.toAbsolutePath() + "\"";
    }

    private static Process launch(Path dir, Path config, int ldapPort, int ldapsPort) throws IOException {
        // "-d none" keeps slapd in the foreground, owned by this process, and still prints its
        // errors; "-d 0" would send them to syslog only. No -u: slapd runs as the test's user.
        List<String> command = List.of(SLAPD.toString(), "-f", config.toString(),
                "-h", "ldap://127.0.0.1:" + ldapPort + "/ ldaps://127.0.0.1:" + ldapsPort + "/",
                "-d", "none");
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("slapd.log").toFile())
                .start();
        process.getOutputStream().close();
        return process;
    }

    /** Waits until slapd accepts a bind as the root DN, failing with its output if it exits. */
    private void awaitBind() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        LDAPException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String output = read(dir.resolve("slapd.log"));
                String message = "slapd exited with " + process.exitValue() + " while starting on ports " + ldapPort
                        + " and " + ldapsPort + "; its output:\n" + output;
                if (output.contains("Address already in use")) {
                    throw new PortTakenException(message);
                }
                if (output.contains("Permission denied")) {
                    message += "\n(an AppArmor profile for slapd, as on Ubuntu, may keep it out of "
                            + dir.getParent() + ")";
                }
                throw new IOException(message);
            }
            LDAPConnectionOptions options = new LDAPConnectionOptions();
            options.setConnectTimeoutMillis(1_000);
            options.setResponseTimeoutMillis(2_000);
            try {
                new LDAPConnection(options, "127.0.0.1", ldapPort, ROOT_DN, password).close();
                return;
            } catch (LDAPException e) {
                last = e;
            }
            pause();
        }
        String why = last == null ? "" : " (last attempt: " + last.getMessage() + ")";
        throw new IOException("slapd did not accept a bind on " + ldapUrl() + " within " + START_TIMEOUT.toSeconds()
                + " seconds" + why + "; its output:\n" + read(dir.resolve("slapd.log")));
    }

    private void addBaseEntries() throws IOException {
        try (LDAPConnection connection = connection()) {
            connection.add("dn: " + SUFFIX, "objectClass: top", "objectClass: dcObject",
                    "objectClass: organization", "dc: fixture", "o: Fixture");
            connection.add("dn: " + PEOPLE, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
        } catch (LDAPException | LDIFException e) {
            throw new IOException("slapd started but the base entries could not be added: " + e.getMessage(), e);
        }
    }

    // --- stopping -----------------------------------------------------------------------

    private void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    // --- helpers ------------------------------------------------------------------------

    /** Two distinct ports that are free now; both are held open together so they differ. */
    private static int[] freePorts() throws IOException {
        try (ServerSocket ldap = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket ldaps = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new int[] {ldap.getLocalPort(), ldaps.getLocalPort()};
        }
    }

    private static int waitFor(Process process, Duration timeout, String name) throws IOException {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(name + " did not finish within " + timeout.toSeconds() + " seconds");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(name + " was interrupted", e);
        }
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for slapd to start", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
        } catch (IOException e) {
            return "(can't read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** slapd could not listen on a port that was free a moment before. */
    private static final class PortTakenException extends IOException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }
}
