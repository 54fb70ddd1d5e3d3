package org.roster.platform.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Roster runs only on the TDLib major.minor it is tested with, unless the operator allows another. */
@Tag("real-tdlib")
class TdlibVersionTest {

    @Test
    void theRealLibrarySaysItIsTheTestedVersion() throws Exception {
        assertThat(TdlibVersion.of(RealTdlib.library())).isEqualTo(TdlibVersion.TESTED);
        assertThat(TdlibVersion.tested().require(RealTdlib.library(), false)).isEqualTo("1.8.67");
    }

    @Test
    void aLibraryOfAnotherMajorMinorIsRefusedNamingBothVersions() {
        TdlibVersion pretended = TdlibVersion.testedWith("1.9.3");

        assertThatThrownBy(() -> pretended.require(RealTdlib.library(), false))
                .isInstanceOf(TdlibVersion.UntestedVersion.class)
                .hasMessageContaining("the TDLib library is version 1.8.67, but Roster is tested with TDLib 1.9.3")
                .hasMessageContaining("roster.telegram.allow-untested-version=true");
    }

    @Test
    void anotherPatchOfTheTestedMajorMinorIsAccepted() throws Exception {
        assertThat(TdlibVersion.testedWith("1.8.60").require(RealTdlib.library(), false)).isEqualTo("1.8.67");
    }

    @Test
    void theOperatorMayAllowAnUntestedVersion() throws Exception {
        assertThat(TdlibVersion.testedWith("2.0.0").require(RealTdlib.library(), true)).isEqualTo("1.8.67");
    }

    @Test
    void aLibraryThatDoesNotSayItsVersionIsRefused() {
        TdJson silent = new TdJson() {
            @Override
            public int createClientId() {
                return 1;
            }

            @Override
            public void send(int clientId, String request) {
            }

            @Override
            public String receive(double timeoutSeconds) {
                return null;
            }

            @Override
            public String execute(String request) {
                return "{\"@type\":\"error\",\"code\":400,\"message\":\"Unknown class \\\"getOption\\\"\"}";
            }
        };

        assertThatThrownBy(() -> TdlibVersion.tested().require(silent, false))
                .isInstanceOf(TdlibVersion.UntestedVersion.class)
                .hasMessageContaining("does not say which version it is")
                .hasMessageContaining("Roster is tested with TDLib 1.8.67");
    }
}
