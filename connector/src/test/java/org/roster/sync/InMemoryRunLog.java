package org.roster.sync;

/**
 * The {@link RunLog} in memory: the basis of the last complete plan, and each run's stage as last
 * saved.
 */
final class InMemoryRunLog implements RunLog {

    private final InMemoryTables tables;

    InMemoryRunLog(InMemoryTables tables) {
        this.tables = tables;
    }

    @Override
    public boolean planStands(String basis) {
        synchronized (tables) {
            return basis.equals(tables.planBasis) && tables.employees.values().stream()
                    .filter(r -> r.active && r.inScope).allMatch(r -> tables.digests.containsKey(r.employee.id()));
        }
    }

    @Override
    public Planning planning(String basis) {
        synchronized (tables) {
            return new Planning(tables.viewers(), planStands(basis));
        }
    }

    @Override
    public void planMade(String basis, long runId) {
        synchronized (tables) {
            tables.planBasis = basis;
        }
    }

    @Override
    public long lastCompleteReadCount() {
        // the database adapter reads it from the runs table the application keeps; tests start fresh
        return 0;
    }

    @Override
    public void saveProgress(long runId, RunProgress progress) {
        synchronized (tables) {
            tables.savedStages.put(runId, progress.stage());
        }
    }
}
