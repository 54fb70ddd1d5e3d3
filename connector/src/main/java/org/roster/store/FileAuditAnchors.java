package org.roster.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.roster.audit.AuditAnchor;
import org.roster.audit.AuditAnchors;

/**
 * Audit anchors in a folder outside the database, one file per server ({@code <server>.jsonl}),
 * one JSON object per line, each appended and forced to disk. The folder may be shared by the
 * servers of one database (or gathered from them); every file in it is read.
 *
 * <p>A line: {@code {"server":"roster-1","lastId":4711,"lastMac":"9f2c…","at":"2026-12-07T20:15:03.120Z",
 * "key":"2026-12","signature":"41ab…"}}. {@code key} names the audit key that signed it; a line without
 * one was signed by the key of id {@code legacy}.
 *
 * <pre>{@code
 * AuditAnchors anchors = new FileAuditAnchors(Path.of("audit-anchors"), "roster-1");
 * }</pre>
 */
public final class FileAuditAnchors implements AuditAnchors {

    private static final String SUFFIX = ".jsonl";

    /** Servers of one JVM append through any number of instances; one line at a time. */
    private static final Object APPENDING = new Object();

    private final Path folder;
    private final Path own;

    public FileAuditAnchors(Path folder, String serverId) {
        this.folder = Objects.requireNonNull(folder, "folder").toAbsolutePath();
        this.own = this.folder.resolve(fileName(serverId));
    }

    /** A server id as a file name: host names and paths in it must not leave the folder. */
    static String fileName(String serverId) {
        return serverId.replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^\\.", "_") + SUFFIX;
    }

    @Override
    public void append(AuditAnchor anchor) {
        String line = Json.createObjectBuilder()
                .add("server", anchor.server())
                .add("lastId", anchor.lastId())
                .add("lastMac", anchor.lastMac())
                .add("at", anchor.at().toString())
                .add("key", anchor.key())
                .add("signature", anchor.signatureHex())
                .build().toString() + "\n";
        synchronized (APPENDING) {
            try {
                Files.createDirectories(folder);
                // a line torn by a crash stays as it is (it is reported as unreadable), on a line of its own
                String text = endsTorn(own) ? "\n" + line : line;
                // opened for appending only, so the file may be append-only for the operating system (chattr +a)
                try (FileChannel channel = FileChannel.open(own, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND)) {
                    ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                    while (bytes.hasRemaining()) {
                        channel.write(bytes);
                    }
                    channel.force(true);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the audit anchor file " + own + " can't be written", e);
            }
        }
    }

    private static boolean endsTorn(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }

    @Override
    public Stream<Line> lines() {
        if (!Files.isDirectory(folder)) {
            return Stream.empty();
        }
        try {
            return Files.list(folder)
                    .filter(file -> file.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(file))
                    .sorted()
                    .flatMap(FileAuditAnchors::linesOf);
        } catch (IOException e) {
            throw new UncheckedIOException("the audit anchor folder " + folder + " can't be read", e);
        }
    }

    private static Stream<Line> linesOf(Path file) {
        try {
            BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new NumberedLines(file, reader),
                    Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(() -> close(reader));
        } catch (IOException e) {
            return Stream.of(new Unreadable(file.getFileName().toString(), "the file can't be read"));
        }
    }

    private static void close(BufferedReader reader) {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's lines as anchors, each named by file and line number; empty lines are skipped. */
    private static final class NumberedLines implements Iterator<Line> {

        private final String name;
        private final BufferedReader reader;
        private long number;
        private Line next;

        NumberedLines(Path file, BufferedReader reader) {
            this.name = file.getFileName().toString();
            this.reader = reader;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                String text;
                try {
                    text = reader.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException("the audit anchor file " + name + " can't be read", e);
                }
                if (text == null) {
                    return false;
                }
                number++;
                if (!text.isBlank()) {
                    next = parse(name + " line " + number, text);
                }
            }
            return true;
        }

        @Override
        public Line next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Line line = next;
            next = null;
            return line;
        }
    }

    static Line parse(String where, String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonObject json = reader.readObject();
            return new Read(where, new AuditAnchor(json.getString("server"), json.getJsonNumber("lastId").longValueExact(),
                    json.getString("lastMac"), Instant.parse(json.getString("at")),
                    AuditAnchor.signature(json.getString("key", "legacy"), json.getString("signature"))));
        } catch (JsonException | ClassCastException | NullPointerException | ArithmeticException
                 | DateTimeParseException | IllegalArgumentException e) {
            return new Unreadable(where, "it can't be read as an anchor (cut short by a crash, or not written by Roster)");
        }
    }
}
