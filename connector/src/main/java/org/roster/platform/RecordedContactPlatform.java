package org.roster.platform;

import java.util.List;

import org.roster.sync.PlannedChange;
import org.roster.sync.ContactPlatform;

/**
 * Delivery that records what would be sent instead of sending it: the mode every employee is in
 * until they link a messenger account. The record itself is the delivered state the
 * {@link org.roster.sync.StateStore} keeps, so this adapter has nothing to send; it exists so the
 * pipeline treats every platform alike.
 *
 * <pre>{@code
 * ContactPlatform platform = new RecordedContactPlatform();
 * }</pre>
 */
public final class RecordedContactPlatform implements ContactPlatform {

    @Override
    public String name() {
        return "recorded";
    }

    @Override
    public void deliver(String viewerId, List<PlannedChange> changes) {
        // recording is done by the state store in the same step; there is no remote side
    }
}
