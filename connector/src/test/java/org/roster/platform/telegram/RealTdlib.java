package org.roster.platform.telegram;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real TDLib for the tests: the {@code libtdjson} of the npm package
 * {@code @prebuilt-tdlib/linux-x64-glibc} 0.1008067.0 (TDLib 1.8.67), which {@code .ci/packages}
 * fetches, checks against its pinned integrity hash and unpacks; the connector's Surefire settings
 * pass its path as {@value #PROPERTY}. A missing library fails the tests that need it, with what to
 * do: they never skip, so a build can't pass without having met the real library.
 *
 * <p>TDLib is one per process ({@code td_receive} answers for every client and takes one caller at
 * a time), so the tests share one {@link TdLib} over it and run one after the other. The machine
 * that runs the tests need not reach Telegram: TDLib tries, fails quietly, and answers what it can
 * offline.
 */
final class RealTdlib {

    static final String PROPERTY = "roster.test.tdjson";

    private static JnaTdJson library;
    private static TdLib tdlib;

    private RealTdlib() {
    }

    /** The library, loaded once. */
    static synchronized JnaTdJson library() {
        if (library == null) {
            String where = System.getProperty(PROPERTY, "");
            if (where.isBlank()) {
                throw new AssertionError("the system property " + PROPERTY + " does not name TDLib's libtdjson; the "
                        + "connector's build sets it to where .ci/packages unpacks TDLib 1.8.67");
            }
            Path path = Path.of(where);
            if (!Files.isRegularFile(path)) {
                throw new AssertionError("TDLib's libtdjson is not at " + path + ": run .ci/packages, which fetches "
                        + "the npm package @prebuilt-tdlib/linux-x64-glibc 0.1008067.0 (TDLib 1.8.67), checks its "
                        + "integrity and unpacks it there");
            }
            try {
                library = JnaTdJson.load(path);
            } catch (JnaTdJson.LibraryUnavailable e) {
                throw new AssertionError(e.getMessage(), e);
            }
        }
        return library;
    }

    /** Roster's {@link TdLib} over the library, shared by every test that uses the real TDLib. */
    static synchronized TdLib tdlib() {
        if (tdlib == null) {
            tdlib = new TdLib(library());
        }
        return tdlib;
    }
}
