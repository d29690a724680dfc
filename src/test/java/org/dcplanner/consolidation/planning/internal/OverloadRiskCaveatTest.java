package org.dcplanner.consolidation.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OverloadRiskCaveatTest {
    @Test
    void underTwoDaysOfHistoryTheEstimateSaysWhatItCannotSee() {
        assertThat(OverloadRisk.caveat(0)).contains("under two days").contains("Back-test");
        assertThat(OverloadRisk.caveat(1)).contains("under two days");
        assertThat(OverloadRisk.caveat(2)).isNull();
        assertThat(OverloadRisk.caveat(30)).isNull();
    }

    @Test
    void aOneStepWorkloadIsSizedOnASnapshotWhateverItsDays() {
        assertThat(OverloadRisk.caveat(1, 0)).startsWith("Sized on a snapshot").contains("multiplex");
        assertThat(OverloadRisk.caveat(2, 0)).isEqualTo(OverloadRisk.caveat(0));
        assertThat(OverloadRisk.caveat(288 * 7, 7)).isNull();
    }
}
