package org.roster.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.roster.policy.PersonField;
import org.roster.sync.ContactCard;
import org.roster.sync.ContactChange;
import org.roster.sync.ContactPlatform;
import org.roster.sync.PlannedChange;

/**
 * Delivery into an append-only journal file, one JSON object per line and per change: how Roster
 * hands its changes to a system of the operator's own (an MDM, a provisioning script), which reads
 * the file as it grows. Like a remote platform that honours idempotency keys, it applies each
 * change once: a change delivered again after a crash, under a key already in the journal, is not
 * written a second time. Each batch is forced to disk before it counts as delivered. Servers that
 * share a journal take turns under the file's lock, and each reads what the others wrote before it
 * writes: a change is written once, whichever server delivers it, and however often.
 *
 * <p>A line: {@code {"key":"run-7/change-350","viewer":"p1","contact":"p2","action":"ADD",
 * "rule":"same-department","fields":{"surname":"Ruiz","mobile":"+4915112345678"}}}. Only the fields
 * the policy released are in it.
 *
 * <pre>{@code
 * ContactPlatform platform = new JournalContactPlatform(Path.of("deliveries.jsonl"));
 * }</pre>
 */
public final class JournalContactPlatform implements ContactPlatform {

    private static final Pattern KEY = Pattern.compile("^\\{\"key\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Path file;
    /** The keys in the journal up to {@link #read}. */
    private final Set<String> applied = new HashSet<>();
    /** How many bytes of the journal this platform has read the keys of. */
    private long read;

    public JournalContactPlatform(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    }

    @Override
    public String name() {
        return "journal";
    }

    @Override
    public synchronized void deliver(String viewerId, List<PlannedChange> changes) throws DeliveryException {
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE); FileLock held = channel.lock()) {
                // servers sharing the journal take turns: each first learns the keys others wrote since
                // it last looked, so a change one of them delivered is not written again by another
                catchUp(channel);
                StringBuilder lines = new StringBuilder();
                Set<String> added = new HashSet<>();
                for (PlannedChange planned : changes) {
                    if (applied.contains(planned.idempotencyKey()) || !added.add(planned.idempotencyKey())) {
                        continue;
                    }
                    lines.append(line(viewerId, planned)).append('\n');
                }
                if (lines.length() == 0) {
                    return;
                }
                ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
                long at = channel.size();
                while (bytes.hasRemaining()) {
                    at += channel.write(bytes, at);
                }
                channel.force(true);
                applied.addAll(added);
                read = at;
            }
        } catch (IOException | UncheckedIOException e) {
            throw new DeliveryException("the delivery journal " + file.getFileName() + " can't be written: "
                    + e.getMessage(), e);
        }
    }

    private static String line(String viewerId, PlannedChange planned) {
        ContactChange change = planned.change();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("key", planned.idempotencyKey())
                .add("viewer", viewerId)
                .add("contact", change.contactId())
                .add("action", change instanceof ContactChange.Add ? "ADD"
                        : change instanceof ContactChange.Update ? "UPDATE" : "REMOVE");
        ContactCard card = change instanceof ContactChange.Add add ? add.card()
                : change instanceof ContactChange.Update update ? update.card() : null;
        if (card != null) {
            JsonObjectBuilder fields = Json.createObjectBuilder();
            for (PersonField field : PersonField.values()) {
                String value = card.fields().get(field);
                if (value != null) {
                    fields.add(field.policyName(), value);
                }
            }
            json.add("rule", card.ruleId()).add("fields", fields);
        }
        return json.build().toString();
    }

    /**
     * Learns the keys written to the journal since this platform last read it (all of them the first
     * time), under the journal's lock. A torn last line (a writer died mid-write; under the lock no
     * one else is writing) was never delivered: it is cut off, and its change is written again when
     * it comes back.
     */
    private void catchUp(FileChannel channel) throws IOException {
        long end = channel.size();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (end > read) {
            one.clear();
            channel.read(one, end - 1);
            if (one.get(0) == '\n') {
                break;
            }
            end--;
        }
        if (end < channel.size()) {
            channel.truncate(end);
            channel.force(true);
        }
        if (end <= read) {
            return;
        }
        ByteBuffer unread = ByteBuffer.allocate(Math.toIntExact(end - read));
        while (unread.hasRemaining()) {
            if (channel.read(unread, read + unread.position()) < 0) {
                break;
            }
        }
        for (String l : new String(unread.array(), StandardCharsets.UTF_8).split("\n")) {
            Matcher m = KEY.matcher(l);
            if (m.find()) {
                applied.add(m.group(1));
            }
        }
        read = end;
    }
}
