package org.dcplanner.consolidation.planning.solver.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.dcplanner.consolidation.planning.Objective;
import org.dcplanner.consolidation.planning.solver.StopPoll;
import org.dcplanner.consolidation.planning.solver.TestProblems;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.junit.jupiter.api.Test;

class RehostSearchTest {

    private static final StopPoll NO_STOP = new StopPoll(Long.MAX_VALUE, () -> false);

    @Test
    void movesAWholeHostToTheCheapestModelThatHoldsItsPeaks() {
        // 5 VMs of 1,000 MHz on a big host (5,000 a year): "mid" (3,000, 6,000 MHz) holds them, "tiny" (1,000,
        // 4,000 MHz) does not; moving one VM at a time would first open a second host and cost more
        DemandModel model = new DemandModel(TestProblems.cpu(12)
                .objective(Objective.COST)
                .pricedHosts(2, "big", 5_000, 400, 10_000)
                .pricedHosts(2, "tiny", 1_000, 100, 4_000)
                .pricedHosts(2, "mid", 3_000, 200, 6_000)
                .flatVm(1_000)
                .flatVm(1_000)
                .flatVm(1_000)
                .flatVm(1_000)
                .flatVm(1_000)
                .build());
        WorkingPlacement placement = new WorkingPlacement(model, new int[5], 1);

        int moved = new RehostSearch(placement).run(NO_STOP);

        assertThat(moved).isEqualTo(1);
        assertThat(Arrays.stream(placement.slotOf).distinct().toArray()).containsExactly(4);
        assertThat(placement.ledger.score().mediumScore()).isEqualTo(-3_000);
        assertThat(placement.ledger.hardPenalty()).isZero();
    }

    @Test
    void leavesPinnedVmsAndTheHostsObjectiveAlone() {
        TestProblems pinned = TestProblems.cpu(4)
                .objective(Objective.COST)
                .pricedHosts(1, "big", 5_000, 400, 10_000)
                .pricedHosts(1, "mid", 3_000, 200, 6_000)
                .flatVm(1_000)
                .flatVm(1_000)
                .pinLast(0);
        WorkingPlacement p1 = new WorkingPlacement(new DemandModel(pinned.build()), new int[2], 1);
        assertThat(new RehostSearch(p1).run(NO_STOP)).isZero();

        TestProblems hosts = TestProblems.cpu(4)
                .pricedHosts(1, "big", 5_000, 400, 10_000)
                .pricedHosts(1, "mid", 3_000, 200, 6_000)
                .flatVm(1_000)
                .flatVm(1_000);
        WorkingPlacement p2 = new WorkingPlacement(new DemandModel(hosts.build()), new int[2], 1);
        assertThat(new RehostSearch(p2).run(NO_STOP)).isZero();
        assertThat(p2.slotOf).containsExactly(0, 0);
    }
}
