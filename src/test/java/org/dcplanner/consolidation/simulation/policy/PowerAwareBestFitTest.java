package org.dcplanner.consolidation.simulation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class PowerAwareBestFitTest {

    @Test
    void choosesTheLeastPowerRiseAmongHostsItFitsAndDoesNotOverload() {
        // host 0 at 0.9 (no room under THR 0.95 for 500 MHz), host 1 at 0.5, host 2 empty; VM 3 of 500 MHz unplaced
        ConsolidationState s = States.state(3, new int[] {0, 1, -1, -1}, new double[] {1, 1, 1, 1}, new float[][] {
            States.flat(1, 4500), States.flat(1, 2500), States.flat(1, 0), States.flat(1, 500)
        });
        OverloadDetection thr = new StaticThreshold(0.95);
        // CloudSim's rise: +10 W on host 1 (0.5 -> 0.6) and on the empty host 2 (0 -> 0.1): first of equals
        assertThat(new PowerAwareBestFit(thr, false).hostFor(s, 3, null)).isEqualTo(1);
        // excluded hosts are not candidates
        BitSet excluded = new BitSet();
        excluded.set(1);
        assertThat(new PowerAwareBestFit(thr, false).hostFor(s, 3, excluded)).isEqualTo(2);
        // nothing fits a VM larger than every host's free CPU
        ConsolidationState big = States.state(
                1, new int[] {0, -1}, new double[] {1, 1}, new float[][] {States.flat(1, 4000), States.flat(1, 2000)});
        assertThat(new PowerAwareBestFit(thr, false).hostFor(big, 1, null)).isEqualTo(-1);
    }

    @Test
    void chargingTheSwitchOnKeepsVmsOnHostsThatAreOn() {
        // host 0 empty, host 1 at 0.5: without the charge the empty host's rise equals the active host's; with it
        // the empty host costs its idle 100 W more
        ConsolidationState s = States.state(
                2, new int[] {1, -1}, new double[] {1, 1}, new float[][] {States.flat(1, 2500), States.flat(1, 500)});
        OverloadDetection thr = new StaticThreshold(1.0);
        assertThat(new PowerAwareBestFit(thr, false).hostFor(s, 1, null)).isEqualTo(0);
        assertThat(new PowerAwareBestFit(thr, true).hostFor(s, 1, null)).isEqualTo(1);
    }
}
