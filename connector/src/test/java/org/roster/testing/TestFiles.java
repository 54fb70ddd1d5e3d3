package org.roster.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the tests' local servers (the Graph emulator, slapd) need on disk: a self-signed TLS
 * certificate for localhost made with the openssl command, a PKCS12 trust store holding it, random
 * passwords, and their temporary directories removed afterwards.
 *
 * <pre>{@code
 * TestFiles.selfSignedCertificate(dir, dir.resolve("server.crt"), dir.resolve("server.key"), "The LDAP tests");
 * TestFiles.trustStore(dir.resolve("server.crt"), dir.resolve("trust.p12"), password, "slapd");
 * }</pre>
 */
public final class TestFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestFiles() {
    }

    /**
     * A self-signed certificate for localhost and 127.0.0.1, made with the openssl command.
     *
     * @param who what needs it, for the message when openssl is missing ("The LDAP tests")
     */
    public static void selfSignedCertificate(Path dir, Path certificate, Path key, String who) throws IOException {
        List<String> command = List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", key.toString(), "-out", certificate.toString());
        Path log = dir.resolve("openssl.log");
        Process openssl;
        try {
            openssl = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException(who + " make their certificate with the openssl command, which could not "
                    + "be run: install Debian's openssl package, as .ci/packages does (" + e.getMessage() + ")", e);
        }
        openssl.getOutputStream().close();
        try {
            if (!openssl.waitFor(60, TimeUnit.SECONDS)) {
                openssl.destroyForcibly();
                throw new IOException("openssl did not finish within 60 seconds");
            }
        } catch (InterruptedException e) {
            openssl.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while openssl made a certificate", e);
        }
        if (openssl.exitValue() != 0) {
            throw new IOException("openssl req exited with " + openssl.exitValue() + ": "
                    + Files.readString(log, StandardCharsets.UTF_8).strip());
        }
    }

    /** A PKCS12 trust store holding the certificate under the alias. */
    public static void trustStore(Path certificate, Path trustStore, char[] password, String alias)
            throws IOException {
        try (InputStream in = Files.newInputStream(certificate);
             OutputStream out = Files.newOutputStream(trustStore)) {
            Certificate parsed = CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry(alias, parsed);
            store.store(out, password);
        } catch (GeneralSecurityException e) {
            throw new IOException("can't write the trust store " + trustStore + ": " + e.getMessage(), e);
        }
    }

    /** 32 random hexadecimal digits: a throwaway password. */
    public static String randomHex() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Deletes a directory and what it holds; a leftover in the temporary directory is harmless. */
    public static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // harmless, as above
                }
            });
        } catch (IOException e) {
            // as above
        }
    }
}
