package org.dcplanner.consolidation.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PoolCapacityCheckTest {
    @Test
    void aTooSmallPoolIsOfferedTwiceTheNeededHostsButNeverMoreThanOnePerVm() {
        assertThat(PoolCapacityCheck.suggestedPoolHosts(5, 60)).isEqualTo(10);
        assertThat(PoolCapacityCheck.suggestedPoolHosts(5, 7)).isEqualTo(7);
        // never fewer than needed, even if the one-per-VM count were lower (a reserve larger than the VMs)
        assertThat(PoolCapacityCheck.suggestedPoolHosts(9, 8)).isEqualTo(9);
    }
}
