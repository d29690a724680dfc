package org.dcplanner.consolidation.planning.solver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostLoadsTest {

    @Test
    void weightedOverflowChangeWeighsEachOverflowedStep() {
        // one 1000 MHz host = 1,000,000 units, so 100 MHz = 100,000 units
        DemandModel m = new DemandModel(TestProblems.cpu(2).hosts(2, 1000)
                .vm(new float[] {900, 500}).vm(new float[] {300, 300}).build());
        HostLoads loads = new HostLoads(m);
        loads.add(0, 0);
        long[][] weight = new long[1][m.slots() * m.steps()];
        loads.resetWeights(0, weight);
        long unitsPer100Mhz = 100_000;

        // adding VM 1 overflows step 0 by 200 MHz only
        assertThat(loads.weightedOverflowChange(0, 1, -1, weight)).isEqualTo(2 * unitsPer100Mhz);
        assertThat(loads.weightedOverflowChange(0, 1, -1, weight)).isEqualTo(loads.overflowIfAdded(1, 0));

        loads.add(1, 0);
        loads.raiseOverflowWeights(0, weight);
        loads.raiseOverflowWeights(0, weight);
        // step 0 now weighs 3, step 1 (not overflowed) still 1: removing VM 1 saves 3 x 200 MHz
        assertThat(weight[0][0]).isEqualTo(3);
        assertThat(weight[0][1]).isEqualTo(1);
        assertThat(loads.weightedOverflowChange(0, -1, 1, weight)).isEqualTo(-3 * 2 * unitsPer100Mhz);
        // swapping VM 1 for VM 0 itself leaves the overflow unchanged
        assertThat(loads.weightedOverflowChange(0, 1, 1, weight)).isZero();
    }
}
