package org.roster.platform.telegram;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator sees when the configured libtdjson is not there or is not TDLib. */
class JnaTdJsonTest {

    @TempDir
    Path dir;

    @Test
    void aMissingLibraryIsNamedWithItsPathAndRosterSaysItShipsNoTdlib() {
        Path missing = dir.resolve("tdlib/lib/libtdjson.so");

        assertThatThrownBy(() -> JnaTdJson.load(missing))
                .isInstanceOf(JnaTdJson.LibraryUnavailable.class)
                .hasMessageContaining(missing.toAbsolutePath().toString())
                .hasMessageContaining("Roster does not ship TDLib");
    }

    @Test
    void aFileThatIsNotALibraryIsRefusedInPlainWords() throws Exception {
        Path notALibrary = Files.writeString(dir.resolve("libtdjson.so"), "this is not a shared library");

        assertThatThrownBy(() -> JnaTdJson.load(notALibrary))
                .isInstanceOf(JnaTdJson.LibraryUnavailable.class)
                .hasMessageContaining(notALibrary.toAbsolutePath().toString())
                .hasMessageContaining("can't be loaded as a TDLib library")
                .hasMessageContaining("Roster does not ship TDLib");
    }
}
