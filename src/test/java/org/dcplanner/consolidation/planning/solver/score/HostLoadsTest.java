package org.dcplanner.consolidation.planning.solver.score;

import static org.assertj.core.api.Assertions.assertThat;

import org.dcplanner.consolidation.planning.solver.TestProblems;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.junit.jupiter.api.Test;

class HostLoadsTest {

    @Test
    void weightedOverflowChangeWeighsEachOverflowedStep() {
        // one 1000 MHz host = 1,000,000 units, so 100 MHz = 100,000 units
        DemandModel m = new DemandModel(TestProblems.cpu(2)
                .hosts(2, 1000)
                .vm(new float[] {900, 500})
                .vm(new float[] {300, 300})
                .build());
        HostLoads loads = new HostLoads(m);
        loads.add(0, 0);
        OverflowWeights weight = new OverflowWeights(1, m.slots(), m.steps());
        weight.reset(0);
        long unitsPer100Mhz = 100_000;

        // adding VM 1 overflows step 0 by 200 MHz only
        assertThat(loads.weightedOverflowChange(0, 1, -1, weight)).isEqualTo(2 * unitsPer100Mhz);
        assertThat(loads.weightedOverflowChange(0, 1, -1, weight)).isEqualTo(loads.overflowIfAdded(1, 0));

        loads.add(1, 0);
        loads.raiseOverflowWeights(0, weight);
        loads.raiseOverflowWeights(0, weight);
        // step 0 now weighs 3, step 1 (not overflowed) still 1: removing VM 1 saves 3 x 200 MHz
        assertThat(weight.weight[0][0]).isEqualTo(3);
        assertThat(weight.weight[0][1]).isEqualTo(1);
        assertThat(weight.largest(0)).isEqualTo(3);
        assertThat(loads.weightedOverflowChange(0, -1, 1, weight)).isEqualTo(-3 * 2 * unitsPer100Mhz);
        // swapping VM 1 for VM 0 itself leaves the overflow unchanged
        assertThat(loads.weightedOverflowChange(0, 1, 1, weight)).isZero();
    }

    @Test
    void largeWeightsSwitchToLongProductsAndStayExact() {
        DemandModel m = new DemandModel(TestProblems.cpu(2)
                .hosts(2, 1000)
                .vm(new float[] {900, 500})
                .vm(new float[] {300, 300})
                .build());
        HostLoads loads = new HostLoads(m);
        loads.add(0, 0);
        loads.add(1, 0);
        OverflowWeights weight = new OverflowWeights(1, m.slots(), m.steps());
        weight.reset(0);
        for (int i = 0; i < 20_000; i++) {
            loads.raiseOverflowWeights(0, weight);
        }

        // step 0 weighs 20,001 and overflows by 200,000 units: 4.0e9, beyond an int
        assertThat(weight.largest(0)).isEqualTo(20_001);
        assertThat(loads.weightedOverflowChange(0, -1, 1, weight)).isEqualTo(-20_001L * 200_000);
        // VM 1 once more: step 0 over by 300,000 more at 20,001, step 1 (1,100 MHz) newly over by 100,000 at 1
        assertThat(loads.weightedOverflowChange(0, 1, -1, weight)).isEqualTo(20_001L * 300_000 + 100_000);
    }
}
