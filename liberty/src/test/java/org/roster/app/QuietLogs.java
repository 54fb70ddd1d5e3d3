package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.roster.app.http.Problem;

/**
 * Holds every integration test to the rule that an expected refusal (400, 403, 404, 409) leaves no
 * exception report in the server's log: after a test class, the first-failure data capture reports
 * (FFDC) the test server wrote during it are read, and a report of a refusal fails the class,
 * naming it. A refusal is one of Roster's own problem answers below 500, or a page not found.
 * Registered for every test of this module (junit-platform.properties); tests that run without
 * the integration server (unit tests) are left alone.
 */
public final class QuietLogs implements BeforeAllCallback, AfterAllCallback {

    private static final Pattern EXCEPTION = Pattern.compile("^Exception = (.+)$", Pattern.MULTILINE);
    private static final Pattern DUMP = Pattern.compile("^Stack Dump = (.+)$", Pattern.MULTILINE);
    private static final Pattern REFUSAL_STATUS = Pattern.compile("HTTP (4\\d\\d)|status (4\\d\\d)");

    private final Set<Path> before = new HashSet<>();

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        before.clear();
        before.addAll(reports());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        List<String> refusals = new ArrayList<>();
        for (Path report : reports()) {
            if (!before.contains(report)) {
                refusal(Files.readString(report, StandardCharsets.ISO_8859_1))
                        .ifPresent(what -> refusals.add(report.getFileName() + ": " + what));
            }
        }
        assertThat(refusals).as("exception reports the server wrote for expected refusals during "
                + context.getDisplayName()).isEmpty();
    }

    /** The reports in the test server's FFDC folder; none when this is not an integration test. */
    private static List<Path> reports() throws IOException {
        String home = System.getProperty("it.wlp.home");
        String server = System.getProperty("it.server.name");
        if (home == null || server == null) {
            return List.of();
        }
        Path ffdc = Path.of(home, "usr", "servers", server, "logs", "ffdc");
        if (!Files.isDirectory(ffdc)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(ffdc)) {
            return files.filter(f -> f.getFileName().toString().startsWith("ffdc_")).toList();
        }
    }

    /** What the report is about, when it reports an expected refusal rather than a failure. */
    static Optional<String> refusal(String report) {
        Matcher exception = EXCEPTION.matcher(report);
        Matcher dump = DUMP.matcher(report);
        if (!exception.find()) {
            return Optional.empty();
        }
        String type = exception.group(1).strip();
        String first = dump.find() ? dump.group(1).strip() : type;
        boolean ours = type.equals(Problem.class.getName());
        boolean notFound = report.contains("java.io.FileNotFoundException") || type.endsWith("NotFoundException");
        boolean clientError = type.startsWith("jakarta.ws.rs.") && REFUSAL_STATUS.matcher(report).find();
        return ours || notFound || clientError ? Optional.of(first) : Optional.empty();
    }
}
