package org.roster.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roster.policy.PersonField;
import org.roster.sync.ContactCard;
import org.roster.sync.ContactChange;
import org.roster.sync.PlannedChange;

class JournalContactPlatformTest {

    @TempDir
    Path dir;

    private static PlannedChange add(String key, String contact) {
        return new PlannedChange(key, new ContactChange.Add(new ContactCard(contact,
                Map.of(PersonField.SURNAME, "Ruiz", PersonField.MOBILE, "+4915112345678"), "same-department")));
    }

    @Test
    void aChangeDeliveredAgainUnderItsKeyIsWrittenOnceEvenByANewProcess() throws Exception {
        Path journal = dir.resolve("deliveries.jsonl");
        new JournalContactPlatform(journal).deliver("p1", List.of(add("run-1/change-50", "p2"),
                add("run-1/change-51", "p3")));
        // a restarted server delivers the batch it could not record, plus one more change
        new JournalContactPlatform(journal).deliver("p1", List.of(add("run-1/change-50", "p2"),
                add("run-1/change-51", "p3"), new PlannedChange("run-1/change-52", new ContactChange.Remove("p4"))));

        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("{\"key\":\"run-1/change-50\",\"viewer\":\"p1\",\"contact\":\"p2\","
                + "\"action\":\"ADD\",\"rule\":\"same-department\",\"fields\":{\"surname\":\"Ruiz\","
                + "\"mobile\":\"+4915112345678\"}}");
        assertThat(lines.get(2)).isEqualTo("{\"key\":\"run-1/change-52\",\"viewer\":\"p1\",\"contact\":\"p4\","
                + "\"action\":\"REMOVE\"}");
    }

    @Test
    void aLineTornByACrashIsCutOffAndItsChangeWrittenWhenItComesBack() throws Exception {
        Path journal = dir.resolve("deliveries.jsonl");
        new JournalContactPlatform(journal).deliver("p1", List.of(add("run-1/change-50", "p2")));
        Files.writeString(journal, "{\"key\":\"run-1/change-51\",\"viewer\":\"p1\",\"con",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        new JournalContactPlatform(journal).deliver("p1", List.of(add("run-1/change-51", "p3")));

        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("{\"key\":\"run-1/change-51\",\"viewer\":\"p1\",\"contact\":\"p3\"");
    }

    @Test
    void aChangeOneServerWroteIsNotWrittenAgainByAnotherThatSharesTheJournal() throws Exception {
        Path journal = dir.resolve("deliveries.jsonl");
        JournalContactPlatform first = new JournalContactPlatform(journal);
        JournalContactPlatform second = new JournalContactPlatform(journal);
        first.deliver("p1", List.of(add("run-1/change-50", "p2")));
        // the second server took the run over and delivered the next change; then the first, which
        // had been paused, goes on with the change the second already delivered
        second.deliver("p1", List.of(add("run-1/change-50", "p2"), add("run-1/change-51", "p3")));
        first.deliver("p1", List.of(add("run-1/change-51", "p3"), add("run-1/change-52", "p4")));

        assertThat(Files.readAllLines(journal, StandardCharsets.UTF_8)).extracting(line -> line.substring(8, 23))
                .containsExactly("run-1/change-50", "run-1/change-51", "run-1/change-52");
    }
}
