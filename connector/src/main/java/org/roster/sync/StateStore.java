package org.roster.sync;

/**
 * The port a run works with: where Roster keeps the directory as last read, the contacts last
 * delivered to each viewer, and its runs. It is its roles together, each a port of its own that a
 * stage asks for what it needs: {@link DirectorySnapshot}, {@link StoredReads}, {@link Audiences},
 * {@link Outbox}, {@link RunLog} and {@link DataQuality}. Each method is one unit of work (its own transaction in a
 * database adapter) unless called inside {@link #together}.
 *
 * <pre>{@code
 * store.saveEntries(runId, List.of(new StateStore.Decided(employee, decision)), List.of());
 * store.forEachViewer(200, viewer -> plan(viewer));
 * }</pre>
 */
public interface StateStore extends DirectorySnapshot, StoredReads, Audiences, Outbox, RunLog, DataQuality {

    /**
     * What a run asks before it plans, at once: how many viewers there are ({@link #countViewers}),
     * and whether the last complete plan stands on this basis ({@link #planStands}).
     */
    @Override
    default Planning planning(String basis) {
        return new Planning(countViewers(), planStands(basis));
    }
}
