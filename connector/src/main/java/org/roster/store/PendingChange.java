package org.roster.store;

import org.roster.sync.ContactChange;

/**
 * One pending outbox row as a batch takes it.
 *
 * @param fields the released fields as the outbox holds them (JSON), null for a removal: the
 *               delivered state stores the same text
 */
record PendingChange(long id, String viewerId, ContactChange change, String fields) {
}
