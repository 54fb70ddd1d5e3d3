package org.roster.store;

import org.roster.audit.RecordSeal;

/** How a stored record's seal is judged, in the words verification reports. */
final class RecordSeals {

    private RecordSeals() {
    }

    /** What is wrong with the record's seal, or an empty string when it holds. */
    static String problem(RecordSeal seal, String previousHash, AuditRecordEntity record) {
        return record.mac()
                .map(mac -> seal.holds(previousHash, record.getId(), record.event(), mac) ? ""
                        : "record " + record.getId() + " was changed after it was written: its seal does not match "
                        + "Roster's key " + RecordSeal.keyOf(mac))
                .orElseGet(() -> "record " + record.getId() + " carries no seal from Roster's key: it was written "
                        + "behind Roster's back, or its seal was removed");
    }
}
