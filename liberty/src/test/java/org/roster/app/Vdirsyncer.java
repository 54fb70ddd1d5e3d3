package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Debian's {@code vdirsyncer}, a real CardDAV client, set up in a folder of its own to copy one
 * employee's address book into local {@code .vcf} files, read-only.
 */
final class Vdirsyncer {

    private final Path dir;

    /** Writes the client's configuration for this book and sign-in into {@code dir}. */
    Vdirsyncer(Path dir, URI davRoot, String user, String password) throws IOException {
        this.dir = dir;
        Files.writeString(dir.resolve("config"), String.join("\n",
                "[general]",
                "status_path = \"" + dir.resolve("status") + "/\"",
                "[pair roster]",
                "a = \"roster_remote\"",
                "b = \"roster_local\"",
                "collections = [\"from a\"]",
                "conflict_resolution = \"a wins\"",
                "[storage roster_remote]",
                "type = \"carddav\"",
                "url = \"" + davRoot + "\"",
                "username = \"" + user + "\"",
                "password = \"" + password + "\"",
                "read_only = true",
                "[storage roster_local]",
                "type = \"filesystem\"",
                "path = \"" + dir.resolve("contacts") + "/\"",
                "fileext = \".vcf\"", ""));
    }

    /** Runs vdirsyncer, answering yes to its questions; it must succeed. Returns what it printed. */
    String run(String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("vdirsyncer", "-c", dir.resolve("config").toString()));
        args.addAll(List.of(command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        process.getOutputStream().write("y\ny\ny\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("vdirsyncer ended").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** The cards copied so far, by file name. */
    Map<String, String> cards() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("contacts"))) {
            return files.filter(f -> f.toString().endsWith(".vcf")).collect(Collectors.toMap(
                    f -> f.getFileName().toString(), f -> {
                        try {
                            return Files.readString(f);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }));
        }
    }
}
