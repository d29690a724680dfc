package org.dcplanner.consolidation.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.dcplanner.consolidation.virtualization.VirtualizationOverheadModel;
import org.dcplanner.consolidation.virtualization.WorkloadProfile;
import org.junit.jupiter.api.Test;

class ReplayEnergyTest {
    private static final VirtualizationApproach PV = VirtualizationApproach.PARAVIRTUAL;
    private final VirtualizationOverheadModel model = VirtualizationOverheadModel.withDefaults();

    @Test
    void twoHostsThreeVmsMatchTheHandComputedEnergy() {
        // host 0 = ML110 G4 (3720 MHz), host 1 = ML110 G5 (5320 MHz), host 2 = G4 left empty (off, 0 W)
        float[][] cpu = {{1860, 930}, {0, 372}, {5320, 0}};
        ReplayInput in = ReplayFixtures.cpuOnly(
                PV,
                model,
                cpu,
                ReplayFixtures.pureCpu(),
                List.of(ReplayFixtures.ml110g4(), ReplayFixtures.ml110g5(), ReplayFixtures.ml110g4()),
                new int[] {0, 0, 1});
        ReplayResult r = Replay.run(in);
        // host 0: step 0 at 50 % -> 102 W; step 1 at (930 + 372) / 3720 = 35 % -> 96 + 0.5 x (99.5 - 96) = 97.75 W
        // host 1: step 0 at 100 % -> 135 W; step 1 idle but on -> 93.7 W; host 2: off
        double expectedWh = (102 + 97.75 + 135 + 93.7) * 300 / 3600.0;
        assertThat(r.summary().energyKWh()).isCloseTo(expectedWh / 1000, within(1e-9));
        assertThat(r.hosts().get(0).energyKWh()).isCloseTo((102 + 97.75) * 300 / 3600.0 / 1000, within(1e-9));
        assertThat(r.hosts().get(2).energyKWh()).isZero();
        assertThat(r.itWatts()[0]).isCloseTo(102f + 135f, within(1e-3f));
        assertThat(r.itWatts()[1]).isCloseTo(97.75f + 93.7f, within(1e-3f));
        assertThat(r.summary().activeHosts()).isEqualTo(2);
        // host 1 sits at exactly 100 % CPU for 1 of its 2 active steps: SLATAH = (0/2 + 1/2) / 2 active hosts
        assertThat(r.summary().slatah()).isCloseTo(0.25, within(1e-12));
        // ... but demand never exceeds capacity, so nothing is overloaded (a plan may fill a host exactly)
        assertThat(r.hosts().get(1).overloadMinutes()).isZero();
        assertThat(r.summary().overloadedHosts()).isZero();
        assertThat(r.summary().vmsEverThrottled()).isZero();
        assertThat(r.summary().pdm()).isZero();
        assertThat(r.summary().slav()).isZero();
    }

    @Test
    void fullLoadAndIdleHostsDrawTheirCurveEndpoints() {
        float[][] cpu = {{5320, 5320, 5320}, {0, 0, 0}};
        ReplayInput in = ReplayFixtures.cpuOnly(
                PV,
                model,
                cpu,
                ReplayFixtures.pureCpu(),
                List.of(ReplayFixtures.ml110g5(), ReplayFixtures.ml110g5()),
                new int[] {0, 1});
        ReplayResult r = Replay.run(in);
        assertThat(r.hosts().get(0).averageWatts()).isCloseTo(135.0, within(1e-9));
        assertThat(r.hosts().get(1).averageWatts()).isCloseTo(93.7, within(1e-9));
        assertThat(r.summary().energyKWh()).isCloseTo((135 + 93.7) * 3 * 300 / 3600.0 / 1000, within(1e-9));
    }

    @Test
    void saturatedHostSharesCpuInProportionToDemand() {
        // two VMs want 3720 and 1860 MHz on a 3720 MHz host: both get 3720 / 5580 = 2/3 of their need
        float[][] cpu = {{3720}, {1860}};
        ReplayResult r = Replay.run(ReplayFixtures.cpuOnly(
                PV, model, cpu, ReplayFixtures.pureCpu(), List.of(ReplayFixtures.ml110g4()), new int[] {0, 0}));
        assertThat(r.vms().get(0).meanPerformance()).isCloseTo(2.0 / 3, within(1e-6));
        assertThat(r.vms().get(1).minPerformance()).isCloseTo(2.0 / 3, within(1e-6));
        assertThat(r.summary().vmsEverThrottled()).isEqualTo(2);
        assertThat(r.hosts().get(0).overloadMinutes()).isEqualTo(5.0); // demand above capacity: an overload
        assertThat(r.hostUtilization()[Metric.CPU.ordinal()][0]).isCloseTo(1.5f, within(1e-6f));
        assertThat(r.hosts().get(0).averageWatts()).isEqualTo(117.0); // saturated = the 100 % point
    }

    @Test
    void perStepPerformanceIsRecordedWhenAskedWithNaNForIdleSteps() {
        float[][] cpu = {{3720, 0, 1860}, {1860, 0, 0}};
        ReplayInput base = ReplayFixtures.cpuOnly(
                PV, model, cpu, ReplayFixtures.pureCpu(), List.of(ReplayFixtures.ml110g4()), new int[] {0, 0});
        ReplayInput in = ReplayInput.builder()
                .approach(PV, model)
                .demand(300, 3, cpu, null, null, null)
                .vms(base.profiles(), base.vcpus(), base.configuredCpuMhz(), base.configuredMemoryMib())
                .placement(base.hosts(), base.vmHost())
                .record(false, true)
                .build();
        ReplayResult r = Replay.run(in);
        assertThat(r.vmPerformance()[0]).containsExactly(2f / 3, Float.NaN, 1f);
        assertThat(r.vmPerformance()[1]).containsExactly(2f / 3, Float.NaN, Float.NaN);
        assertThat(r.hostUtilization()).isNull();
        assertThat(r.vms().get(0).demandSteps()).isEqualTo(2);
        assertThat(r.vms().get(0).meanPerformance()).isCloseTo((2.0 / 3 + 1) / 2, within(1e-6));
    }

    @Test
    void sameInputGivesIdenticalOutput() {
        java.util.Random rnd = new java.util.Random(7);
        float[][] cpu = new float[40][96];
        for (float[] row : cpu) for (int t = 0; t < row.length; t++) row[t] = rnd.nextFloat() * 1500;
        int[] place = new int[40];
        for (int v = 0; v < 40; v++) place[v] = v % 5;
        var hosts = List.of(
                ReplayFixtures.ml110g4(),
                ReplayFixtures.ml110g5(),
                ReplayFixtures.ml110g4(),
                ReplayFixtures.ml110g5(),
                ReplayFixtures.ml110g4());
        WorkloadProfile web = model.parameters().classes().web();
        ReplayResult a = Replay.run(ReplayFixtures.cpuOnly(VirtualizationApproach.FULL, model, cpu, web, hosts, place));
        ReplayResult b = Replay.run(ReplayFixtures.cpuOnly(VirtualizationApproach.FULL, model, cpu, web, hosts, place));
        assertThat(b.summary()).isEqualTo(a.summary());
        assertThat(b.vms()).isEqualTo(a.vms());
        assertThat(b.itWatts()).isEqualTo(a.itWatts());
        assertThat(b.hostUtilization()[0]).isEqualTo(a.hostUtilization()[0]);
    }

    @Test
    void hostSideDemandIsTheOverheadModelsSum() {
        // the replay's unrolled coefficients must equal OverheadModel.hostDemand summed over the host's VMs
        float[][] cpu = {{1000, 200}, {500, 0}};
        WorkloadProfile db = model.parameters().classes().database();
        ReplayInput in = ReplayFixtures.cpuOnly(
                VirtualizationApproach.FULL, model, cpu, db, List.of(ReplayFixtures.huge()), new int[] {0, 0});
        ReplayResult r = Replay.run(in);
        float[] out = new float[4];
        for (int t = 0; t < 2; t++) {
            double[] sum = new double[4];
            for (int v = 0; v < cpu.length; v++) {
                model.hostDemand(
                        VirtualizationApproach.FULL,
                        db,
                        1,
                        in.configuredCpuMhz()[v],
                        1024,
                        cpu[v][t],
                        Float.NaN,
                        Float.NaN,
                        Float.NaN,
                        out);
                for (int m = 0; m < 4; m++) sum[m] += out[m];
            }
            double[] cap = Replay.capacity(ReplayFixtures.huge());
            for (int m = 0; m < 4; m++) {
                assertThat((double) r.hostUtilization()[m][t]).isCloseTo(sum[m] / cap[m], within(1e-6));
            }
        }
    }
}
