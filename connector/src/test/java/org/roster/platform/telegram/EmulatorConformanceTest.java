package org.roster.platform.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator can't drift from TDLib where TDLib can be watched without Telegram's servers: one
 * script ({@link OfflineTdlibScript}) runs against the emulator and against the real TDLib 1.8.67,
 * and the two transcripts must be the same line for line. What needs the servers (login codes,
 * imports, retry-after waits) is emulated from Telegram's documentation and is not compared here.
 */
@Tag("real-tdlib")
class EmulatorConformanceTest {

    @TempDir
    Path emulated;

    @TempDir
    Path real;

    @Test
    void theEmulatorAnswersTheOfflineScriptAsTheRealTdlibDoes() throws Exception {
        RealTdlib.tdlib(); // TDLib's own log lowered, as Roster does, before the script starts clients

        List<String> fromTdlib = OfflineTdlibScript.run(RealTdlib.library(), real);
        List<String> fromEmulator = OfflineTdlibScript.run(new TelegramEmulator(Clock.systemUTC()), emulated);

        assertThat(fromTdlib).as("the real TDLib's transcript")
                .contains("getContacts -> error 401 Unauthorized | states []")
                .anySatisfy(line -> assertThat(line).contains("error 401 Wrong database encryption key"));
        assertThat(fromEmulator).as("the emulator's transcript, against the real TDLib's")
                .containsExactlyElementsOf(fromTdlib);
    }
}
