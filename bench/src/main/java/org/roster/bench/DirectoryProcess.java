package org.roster.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.roster.demo.DemoDirectory;
import org.roster.demo.DemoDirectoryServer;

/**
 * The generated directory served by UnboundID's in-memory LDAP server in a JVM of its own, so that
 * the directory's entries never count against the measured JVM's heap. The child streams the
 * generator's entries into the server, says {@code READY <port>} and serves until its input closes.
 *
 * <pre>{@code
 * try (DirectoryProcess ldap = DirectoryProcess.start(100_000, "-Xmx2g", logs)) {
 *     String url = ldap.url();
 * }
 * }</pre>
 */
final class DirectoryProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    final double loadSeconds;

    private DirectoryProcess(Process process, int port, double loadSeconds) {
        this.process = process;
        this.port = port;
        this.loadSeconds = loadSeconds;
    }

    /** The child's entry point: {@code <employees> <seed>}. */
    public static void main(String[] args) throws IOException {
        int employees = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        try (DemoDirectoryServer server = DemoDirectoryServer.start(0, DemoDirectory.of(seed, employees),
                DemoDirectory.DEFAULT_BASE_DN)) {
            System.out.println("READY " + server.port());
            System.out.flush();
            // serve until the parent closes our input (or dies)
            while (System.in.read() >= 0) {
                // nothing to read but the end
            }
        }
    }

    static DirectoryProcess start(int employees, String heap, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"),
                DirectoryProcess.class.getName(), Integer.toString(employees), Long.toString(DemoDirectory.DEFAULT_SEED)));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("READY ")) {
                return new DirectoryProcess(process, Integer.parseInt(line.substring(6).strip()),
                        (System.nanoTime() - start) / 1e9);
            }
        }
        throw new IOException("the directory server exited before it was ready; see " + log);
    }

    int port() {
        return port;
    }

    String url() {
        return "ldap://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }
}
