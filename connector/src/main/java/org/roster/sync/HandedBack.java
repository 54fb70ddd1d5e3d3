package org.roster.sync;

/**
 * The carrier of a run stopped between two delivery batches because its server is stopping: every
 * batch it took is delivered and recorded, and the rest of the outbox waits for the server that
 * takes the run over once it is handed back.
 */
public final class HandedBack extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HandedBack(long runId) {
        super("Run " + runId + " stopped between delivery batches to be handed back", null, false, false);
    }
}
