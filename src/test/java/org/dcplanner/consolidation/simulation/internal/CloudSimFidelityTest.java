package org.dcplanner.consolidation.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import org.dcplanner.consolidation.TraceFiles;
import org.dcplanner.consolidation.simulation.policy.PolicySpec;
import org.dcplanner.consolidation.simulation.policy.PolicySpec.Detection;
import org.dcplanner.consolidation.simulation.policy.PolicySpec.Selection;
import org.junit.jupiter.api.Test;

/**
 * The CloudSim-equivalent mode on PlanetLab 20110303 (1052 VMs, 800 ML110 G4/G5, CloudSim's VM types in
 * listFiles order) against CloudSim 4.0's published results (shared design doc cloudsim-reference.md, re-run
 * on this project's machine with the same figures). Energy is reproduced within 10 %, and THR's SLATAH within
 * 1.5 points; the engine migrates 2-3.3 x as often as CloudSim and LR's SLATAH is 2.7 points higher — the known
 * gaps (docs/simulation.md, "Fidelity with CloudSim 4.0"), asserted here as bounds so that a change that widens them fails.
 */
class CloudSimFidelityTest {

    private static ReplayResult.Summary run(Detection d, double parameter) throws IOException {
        ReplayInput in = CloudSimSetup.day(TraceFiles.require("planetlab/20110303"));
        return Replay.run(in, OnlinePolicy.cloudSim(new PolicySpec(d, parameter, Selection.MMT, 1L)))
                .summary();
    }

    @Test
    void localRegressionWithMinimumMigrationTime() throws IOException {
        ReplayResult.Summary s = run(Detection.LR, 1.2);
        assertThat(s.energyKWh()).isCloseTo(167.83, within(16.78));
        // 53,995 and 8.46 % today: bounds just above, so a change that widens the gap fails
        assertThat(s.migrations()).isBetween(27_649, (int) (27_649 * 2.1));
        assertThat(100 * s.slatahOverActiveTime()).isBetween(5.72 - 1.5, 5.72 + 3.0);
        assertThat(100 * s.pdmOverRequested()).isBetween(0.04, 0.16);
        assertThat(s.hostShutdowns()).isPositive();
    }

    @Test
    void staticThresholdWithMinimumMigrationTime() throws IOException {
        ReplayResult.Summary s = run(Detection.THR, 0.8);
        assertThat(s.energyKWh()).isCloseTo(198.08, within(19.81));
        assertThat(100 * s.slatahOverActiveTime()).isCloseTo(5.00, within(1.5));
        assertThat(s.migrations()).isBetween(27_728, (int) (27_728 * 3.4)); // 91,700 today
    }
}
