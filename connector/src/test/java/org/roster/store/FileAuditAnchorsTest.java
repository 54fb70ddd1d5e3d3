package org.roster.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roster.audit.AnchorReading;
import org.roster.audit.AnchorSigner;
import org.roster.audit.AuditAnchor;
import org.roster.audit.AuditAnchors;

class FileAuditAnchorsTest {

    private static final Instant T = Instant.parse("2026-12-07T20:00:00Z");
    private final AnchorSigner signer = AnchorSigner.withAuditKey(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @TempDir
    Path folder;

    private AnchorReading read() {
        try (Stream<AuditAnchors.Line> lines = new FileAuditAnchors(folder, "any").lines()) {
            return AnchorReading.of(lines, signer);
        }
    }

    @Test
    void theNewestAnchorOfSeveralServersFilesIsChosen() {
        FileAuditAnchors one = new FileAuditAnchors(folder, "host-a/roster:17");
        FileAuditAnchors two = new FileAuditAnchors(folder, "host-b/roster:42");
        one.append(signer.sign("host-a/roster:17", 10, "a".repeat(64), T));
        two.append(signer.sign("host-b/roster:42", 14, "b".repeat(64), T.plusSeconds(1)));
        one.append(signer.sign("host-a/roster:17", 12, "c".repeat(64), T.plusSeconds(2)));

        AnchorReading reading = read();

        assertThat(reading.newest()).map(AuditAnchor::lastId).contains(14L);
        assertThat(reading.newest()).map(AuditAnchor::server).contains("host-b/roster:42");
        assertThat(reading.ignored()).isEmpty();
        assertThat(folder.resolve("host-a_roster_17.jsonl")).exists();
        assertThat(folder.resolve("host-b_roster_42.jsonl")).exists();
    }

    @Test
    void aForgedLineIsIgnoredAndReportedWithWhereItIs() throws Exception {
        FileAuditAnchors anchors = new FileAuditAnchors(folder, "roster-1");
        anchors.append(signer.sign("roster-1", 10, "a".repeat(64), T));
        AuditAnchor forged = AnchorSigner.withAuditKey(new byte[32]).sign("roster-1", 99, "f".repeat(64), T);
        new FileAuditAnchors(folder, "roster-1").append(forged);
        Files.writeString(folder.resolve("intruder.jsonl"), "{\"server\":\"x\",\"lastId\":1000}\n", StandardOpenOption.CREATE);

        AnchorReading reading = read();

        assertThat(reading.newest()).map(AuditAnchor::lastId).contains(10L);
        assertThat(reading.ignored()).containsExactly(
                "intruder.jsonl line 1 was ignored: it can't be read as an anchor (cut short by a crash, or not "
                        + "written by Roster).",
                "roster-1.jsonl line 2 was ignored: its signature does not match Roster's key.");
    }

    @Test
    void anAnchorNamesItsKeyAndOneOfAKeyNotHeldIsCountedNotRead() throws Exception {
        byte[] next = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        AnchorSigner rotated = AnchorSigner.withAuditKeys("2026-12", Map.of("2026-12", next));
        new FileAuditAnchors(folder, "roster-1").append(signer.sign("roster-1", 10, "a".repeat(64), T));
        new FileAuditAnchors(folder, "roster-1").append(rotated.sign("roster-1", 11, "b".repeat(64), T));

        List<String> lines = Files.readAllLines(folder.resolve("roster-1.jsonl"));
        assertThat(lines.get(0)).contains("\"key\":\"legacy\"");
        assertThat(lines.get(1)).contains("\"key\":\"2026-12\"");
        AnchorReading reading;
        try (Stream<AuditAnchors.Line> read = new FileAuditAnchors(folder, "any").lines()) {
            reading = AnchorReading.of(read, rotated);
        }

        assertThat(reading.newest()).map(AuditAnchor::lastId).contains(11L);
        assertThat(reading.ignored()).containsExactly("1 anchor lines signed with key legacy, which this server "
                + "does not hold, were not read.");
    }

    @Test
    void anAnchorChangedInTheFileIsIgnored() throws Exception {
        new FileAuditAnchors(folder, "roster-1").append(signer.sign("roster-1", 10, "a".repeat(64), T));
        Path file = folder.resolve("roster-1.jsonl");
        Files.writeString(file, Files.readString(file).replace("\"lastId\":10", "\"lastId\":11"));

        AnchorReading reading = read();

        assertThat(reading.newest()).isEmpty();
        assertThat(reading.ignored()).singleElement().asString().contains("signature does not match");
    }

    @Test
    void aLineTornByACrashStaysApartFromTheNextAnchor() throws Exception {
        FileAuditAnchors anchors = new FileAuditAnchors(folder, "roster-1");
        anchors.append(signer.sign("roster-1", 10, "a".repeat(64), T));
        Files.writeString(folder.resolve("roster-1.jsonl"), "{\"server\":\"roster-1\",\"la", StandardOpenOption.APPEND);
        anchors.append(signer.sign("roster-1", 11, "b".repeat(64), T.plusSeconds(1)));

        AnchorReading reading = read();

        assertThat(reading.newest()).map(AuditAnchor::lastId).contains(11L);
        assertThat(reading.ignored()).singleElement().asString().startsWith("roster-1.jsonl line 2 was ignored");
    }

    @Test
    void noFolderMeansNoAnchorYet() {
        try (Stream<AuditAnchors.Line> lines = new FileAuditAnchors(folder.resolve("absent"), "roster-1").lines()) {
            assertThat(AnchorReading.of(lines, signer).newest()).isEmpty();
        }
    }
}
