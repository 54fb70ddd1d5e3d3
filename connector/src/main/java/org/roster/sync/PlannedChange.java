package org.roster.sync;

import java.util.Objects;

/**
 * A change as the outbox hands it to a platform: the change and the key that makes applying it
 * idempotent. A change delivered again after a crash carries the same key, so a platform that
 * already applied it applies it no second time.
 *
 * <pre>{@code
 * platform.deliver("p1", List.of(new PlannedChange("run-7/change-350", new ContactChange.Remove("p2"))));
 * }</pre>
 *
 * @param idempotencyKey unique to this change of this run, stable across deliveries
 * @param change         what to do to the viewer's contact list
 */
public record PlannedChange(String idempotencyKey, ContactChange change) {

    public PlannedChange {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(change, "change");
    }
}
