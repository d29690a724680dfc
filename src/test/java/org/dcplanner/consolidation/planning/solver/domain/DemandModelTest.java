package org.dcplanner.consolidation.planning.solver.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.dcplanner.consolidation.planning.solver.TestProblems;
import org.dcplanner.consolidation.planning.solver.score.ScoreLedger;
import org.dcplanner.consolidation.planning.solver.start.Construction;
import org.junit.jupiter.api.Test;

class DemandModelTest {

    @Test
    void wholeNumberedDemandIsExactSoAHostFilledToItsCapacityIsFeasible() {
        // an HP ML110 G5 (5,320 MHz): 187 units per MHz, 994,840 units; 2,500 + 2,000 + 820 = 5,320 MHz exactly
        DemandModel m = new DemandModel(TestProblems.cpu(1)
                .hosts(1, 5320)
                .vm(new float[] {2500})
                .vm(new float[] {2000})
                .vm(new float[] {820})
                .build());

        assertThat(m.capacity(0, 0)).isEqualTo(5320L * 187);
        assertThat(m.demand(0, 0, 0)).isEqualTo(2500 * 187);
        ScoreLedger ledger = Construction.ledger(m, new int[] {0, 0, 0});
        assertThat(ledger.hardPenalty()).isZero();
    }

    @Test
    void fractionalDemandIsRoundedUpSoUnitFeasibilityStaysRealFeasibility() {
        DemandModel m = new DemandModel(TestProblems.cpu(1)
                .hosts(1, 5320)
                .vm(new float[] {2660.5f})
                .vm(new float[] {2659.6f})
                .build());

        assertThat(m.demand(0, 0, 0)).isEqualTo((int) Math.ceil(2660.5 * 187));
        // 5,320.1 MHz on a 5,320 MHz host: over capacity in units too
        assertThat(Construction.ledger(m, new int[] {0, 0}).hardPenalty()).isPositive();
    }

    @Test
    void unitsGetCoarserWhenTheSummedPeaksWouldNotFitAnInt() {
        assertThat(DemandModel.unitsPerOriginal(5320, 1_000_000)).isEqualTo(187);
        // 10 million MHz of peaks at 187 units/MHz would pass 2^30 units
        double m = DemandModel.unitsPerOriginal(5320, 10_000_000);
        assertThat(m).isLessThan(187);
        assertThat(10_000_000 * m).isLessThanOrEqualTo(DemandModel.MAX_UNITS_OF_ALL_PEAKS);
    }
}
