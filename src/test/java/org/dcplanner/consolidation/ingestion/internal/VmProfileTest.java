package org.dcplanner.consolidation.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VmProfileTest {
    @Test
    void cloudSimAssignsFourTypesInContiguousBlocksOfCeilNOver4() {
        // 1052 PlanetLab VMs: blocks of 263
        assertThat(VmProfile.CLOUDSIM.sizeOf(262, 1052).cpuMhz()).isEqualTo(2500);
        assertThat(VmProfile.CLOUDSIM.sizeOf(263, 1052).cpuMhz()).isEqualTo(2000);
        assertThat(VmProfile.CLOUDSIM.sizeOf(526, 1052).memoryMib()).isEqualTo(1740);
        assertThat(VmProfile.CLOUDSIM.sizeOf(1051, 1052)).isEqualTo(new VmProfile.VmSize(1, 500, 613));
    }

    @Test
    void defaultIsTwoCoresOf2000MhzWith4GiB() {
        assertThat(VmProfile.DEFAULT.sizeOf(7, 10)).isEqualTo(new VmProfile.VmSize(2, 4000, 4096));
    }
}
