package org.dcplanner.consolidation.simulation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class DynamicConsolidationTest {
    private final OverloadDetection thr = new StaticThreshold(0.8);

    private DynamicConsolidation policy(BitSet consolidatable) {
        return new DynamicConsolidation(
                thr, new MinimumMigrationTime(), new PowerAwareBestFit(thr, true), consolidatable);
    }

    @Test
    void anOverloadedHostGivesUpVmsUntilItIsBelowTheThreshold() {
        // host 0 at 0.96 with three VMs; host 1 at 0.4; VM 1 has the least memory and moves
        ConsolidationState s =
                States.state(2, new int[] {0, 0, 0, 1}, new double[] {2048, 512, 1024, 1024}, new float[][] {
                    States.flat(1, 2000), States.flat(1, 800), States.flat(1, 2000), States.flat(1, 2000)
                });
        List<Move> moves = policy(new BitSet()).decide(s);
        assertThat(moves).containsExactly(new Move(1, 0, 1));
        assertThat(s.hostOf(1)).isEqualTo(1);
    }

    @Test
    void underloadConsolidationEmptiesTheLeastLoadedHostOnlyWhenAllItsVmsFit() {
        // hosts at 0.2, 0.3 and 0.6: host 0 empties onto the others; then host 1 cannot (0.3 + 0.6 + 0.2 > 0.8)
        ConsolidationState s = States.state(3, new int[] {0, 1, 2}, new double[] {512, 512, 512}, new float[][] {
            States.flat(1, 1000), States.flat(1, 1500), States.flat(1, 3000)
        });
        List<Move> moves = policy(null).decide(s);
        assertThat(moves).hasSize(1);
        assertThat(moves.get(0).vm()).isZero();
        assertThat(s.memberCount(0)).isZero();
        assertThat(s.memberCount(1) + s.memberCount(2)).isEqualTo(3);
    }

    @Test
    void hostsOutsideTheConsolidatableSetKeepTheirVms() {
        ConsolidationState s = States.state(3, new int[] {0, 1, 2}, new double[] {512, 512, 512}, new float[][] {
            States.flat(1, 1000), States.flat(1, 1500), States.flat(1, 3000)
        });
        assertThat(policy(new BitSet()).decide(s)).isEmpty();
    }
}
