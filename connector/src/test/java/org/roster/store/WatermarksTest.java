package org.roster.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class WatermarksTest {

    @Test
    void eachSourcesWatermarkComesBackUnderItsId() {
        Map<String, String> kept = Map.of("hr", "20261125120000Z", "entra",
                "https://graph.microsoft.com/v1.0/users/delta?$deltatoken=a\"b");

        assertThat(Watermarks.parse(Watermarks.format(kept))).isEqualTo(kept);
    }

    @Test
    void aPlainWatermarkFromBeforeSeveralSourcesIsTheConfiguredSources() {
        assertThat(Watermarks.parse("20261125120000Z")).containsExactly(Map.entry("directory", "20261125120000Z"));
    }

    @Test
    void anUnreadableWatermarkMeansReadingEverySourceInFull() {
        assertThat(Watermarks.parse("{\"hr\": ")).isEmpty();
        assertThat(Watermarks.parse(null)).isEmpty();
    }

    @Test
    void aRunThatTrackedNoChangesKeepsNothing() {
        assertThat(Watermarks.format(Map.of())).isNull();
    }
}
