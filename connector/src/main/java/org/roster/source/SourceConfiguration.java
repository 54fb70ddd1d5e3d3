package org.roster.source;

import java.util.Optional;
import java.util.concurrent.ThreadFactory;

/**
 * One source as its kind read its settings: ready to connect to. Its connection is kept for as
 * long as it serves the source's configuration, and hands out its readers and connection tests.
 *
 * <pre>{@code
 * SourceConfiguration hr = kind.configure(settings);
 * SourceConnection connection = hr.connect(Optional.empty());
 * DirectorySource reader = connection.reader(hr, null, Optional.empty());
 * }</pre>
 */
public interface SourceConfiguration {

    /** Whether the source can read only what changed since its last read. */
    boolean tracksChanges();

    /**
     * Opens a connection to the source (which may connect only when first used).
     *
     * @param readAhead threads a reader may read ahead on, if the server gives some
     */
    SourceConnection connect(Optional<ThreadFactory> readAhead);
}
