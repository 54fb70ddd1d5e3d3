package org.roster.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.roster.sync.ContactCard;

/**
 * The changes of a batch a platform took, made the viewers' delivered state and journalled, a
 * statement per kind of write for the whole batch.
 */
final class DeliveredBatch {

    private final List<Long> ids = new ArrayList<>();
    private final List<String> viewers = new ArrayList<>();
    private final List<String> contacts = new ArrayList<>();
    private final List<String> actions = new ArrayList<>();
    private final List<String> heldViewers = new ArrayList<>();
    private final List<String> heldContacts = new ArrayList<>();
    private final List<String> heldFields = new ArrayList<>();
    private final List<String> heldFingerprints = new ArrayList<>();
    private final List<String> heldRules = new ArrayList<>();
    private final List<String> goneViewers = new ArrayList<>();
    private final List<String> goneContacts = new ArrayList<>();

    void add(PendingChange row) {
        ids.add(row.id());
        viewers.add(row.viewerId());
        contacts.add(row.change().contactId());
        actions.add(ChangeRows.action(row.change()));
        ContactCard card = ChangeRows.card(row.change());
        if (card == null) {
            goneViewers.add(row.viewerId());
            goneContacts.add(row.change().contactId());
        } else {
            heldViewers.add(row.viewerId());
            heldContacts.add(row.change().contactId());
            heldFields.add(row.fields());
            heldFingerprints.add(card.fingerprint());
            heldRules.add(card.ruleId());
        }
    }

    long size() {
        return ids.size();
    }

    void record(Connection connection, long runId, Instant at) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        OffsetDateTime now = StoreAccess.timestamp(at);
        if (!heldViewers.isEmpty()) {
            try (PreparedStatement upsert = connection.prepareStatement("insert into delivered_contact "
                    + "(viewer_id, contact_id, fields, fingerprint, rule_id, delivered_run, delivered_at) "
                    + "select viewer, contact, fields, fingerprint, rule, ?, ? from unnest(?::varchar[], "
                    + "?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]) "
                    + "as u(viewer, contact, fields, fingerprint, rule) on conflict (viewer_id, contact_id) do update "
                    + "set fields = excluded.fields, fingerprint = excluded.fingerprint, rule_id = excluded.rule_id, "
                    + "delivered_run = excluded.delivered_run, delivered_at = excluded.delivered_at")) {
                upsert.setLong(1, runId);
                upsert.setObject(2, now);
                int p = 3;
                for (List<String> column : List.of(heldViewers, heldContacts, heldFields, heldFingerprints,
                        heldRules)) {
                    upsert.setArray(p++, StoreAccess.texts(connection, column));
                }
                upsert.executeUpdate();
            }
        }
        if (!goneViewers.isEmpty()) {
            try (PreparedStatement delete = connection.prepareStatement("delete from delivered_contact "
                    + "where (viewer_id, contact_id) in (select * from unnest(?::varchar[], ?::varchar[]))")) {
                delete.setArray(1, StoreAccess.texts(connection, goneViewers));
                delete.setArray(2, StoreAccess.texts(connection, goneContacts));
                delete.executeUpdate();
            }
        }
        try (PreparedStatement journal = connection.prepareStatement("insert into delivery "
                + "(id, run_id, viewer_id, contact_id, action, created_at) select nextval('delivery_seq'), ?, "
                + "viewer, contact, action, ? from unnest(?::varchar[], ?::varchar[], ?::varchar[]) "
                + "as u(viewer, contact, action)")) {
            journal.setLong(1, runId);
            journal.setObject(2, now);
            journal.setArray(3, StoreAccess.texts(connection, viewers));
            journal.setArray(4, StoreAccess.texts(connection, contacts));
            journal.setArray(5, StoreAccess.texts(connection, actions));
            journal.executeUpdate();
        }
        // the delivered state now holds the fields; the queue keeps only that the change was made
        try (PreparedStatement update = connection.prepareStatement("update outbox set "
                + "state = 'DELIVERED', fields = null, attempts = attempts + 1, delivered_at = ?, last_error = null "
                + "where id = any (?)")) {
            update.setObject(1, now);
            update.setArray(2, connection.createArrayOf("bigint", ids.toArray(Long[]::new)));
            update.executeUpdate();
        }
    }
}
