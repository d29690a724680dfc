package org.dcplanner.consolidation.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.dcplanner.consolidation.simulation.policy.PolicySpec;
import org.dcplanner.consolidation.simulation.policy.PolicySpec.Detection;
import org.dcplanner.consolidation.simulation.policy.PolicySpec.Selection;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.dcplanner.consolidation.virtualization.VirtualizationOverheadModel;
import org.junit.jupiter.api.Test;

/** The replay engine with an online policy on hand-made series (two ML110 G4 hosts of 3720 MHz). */
class ReplayOnlinePolicyTest {
    private static final VirtualizationApproach PV = VirtualizationApproach.PARAVIRTUAL;
    private final VirtualizationOverheadModel model = VirtualizationOverheadModel.withDefaults();

    @Test
    void anOverloadMovesAVmToASpareHostFromTheNextStepAndCostsPdm() {
        // both VMs on host 0: 2 x 1000 MHz, then 2 x 1800 (97 % of 3720 > THR 0.9) from step 2 on
        float[][] cpu = {{1000, 1000, 1800, 1800, 1800}, {1000, 1000, 1800, 1800, 1800}};
        ReplayInput in = ReplayFixtures.cpuOnly(
                PV,
                model,
                cpu,
                ReplayFixtures.pureCpu(),
                List.of(ReplayFixtures.ml110g4(), ReplayFixtures.ml110g4()),
                new int[] {0, 0});
        ReplayResult r = Replay.run(
                in, OnlinePolicy.fromPlan(new PolicySpec(Detection.THR, 0.9, Selection.MMT, null), 1, 2, false));
        // seen at the end of step 2, the move takes effect at step 3: host 1 on from step 3
        assertThat(r.timeline().activeHosts()).containsExactly(1, 1, 1, 2, 2);
        assertThat(r.timeline().migrations()).containsExactly(0, 0, 1, 0, 0);
        assertThat(r.summary().migrations()).isEqualTo(1);
        // host 0 saturated (>= 100 %) never; 1 migration of 1024 MiB at 0.5 x 125,000 KB/s = 16.8 s of a 300 s step
        double lost = 0.1 * 1800 * 16.777216 / 300;
        double requested = 2 * (1000 + 1000 + 1800 + 1800 + 1800);
        assertThat(r.summary().pdmOverRequested()).isCloseTo(lost / requested, within(1e-6));
        assertThat(r.vms().get(0).host() + r.vms().get(1).host()).isEqualTo(1);
    }

    @Test
    void underloadConsolidationSwitchesAHostOffAndCountsTheShutdown() {
        // one VM per host at 10 %: the CloudSim mode starts both on one host (PABFD) — so start apart from a plan
        float[][] cpu = {{300, 300, 300}, {300, 300, 300}};
        ReplayInput in = ReplayFixtures.cpuOnly(
                PV,
                model,
                cpu,
                ReplayFixtures.pureCpu(),
                List.of(ReplayFixtures.ml110g4(), ReplayFixtures.ml110g4()),
                new int[] {0, 1});
        // every host consolidatable (a plan with no planned hosts)
        ReplayResult r = Replay.run(
                in, OnlinePolicy.fromPlan(new PolicySpec(Detection.THR, 0.8, Selection.MMT, null), 0, 2, false));
        assertThat(r.timeline().activeHosts()).containsExactly(2, 1, 1);
        assertThat(r.summary().hostShutdowns()).isEqualTo(1);
        ReplayResult start =
                Replay.run(in, OnlinePolicy.cloudSim(new PolicySpec(Detection.LR, 1.2, Selection.MMT, null)));
        assertThat(start.timeline().activeHosts()).containsExactly(1, 1, 1);
        assertThat(start.summary().migrations()).isZero();
    }
}
