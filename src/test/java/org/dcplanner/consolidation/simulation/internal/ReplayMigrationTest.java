package org.dcplanner.consolidation.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.dcplanner.consolidation.virtualization.VirtualizationOverheadModel;
import org.junit.jupiter.api.Test;

class ReplayMigrationTest {
    private static final VirtualizationApproach PV = VirtualizationApproach.PARAVIRTUAL;
    private final VirtualizationOverheadModel model = VirtualizationOverheadModel.withDefaults();

    private ReplayInput withMigrations(float[][] cpu, int[] vmHost, List<Migration> migrations) {
        ReplayInput base = ReplayFixtures.cpuOnly(
                PV,
                model,
                cpu,
                ReplayFixtures.pureCpu(),
                List.of(ReplayFixtures.ml110g4(), ReplayFixtures.ml110g4()),
                vmHost);
        return ReplayInput.builder()
                .approach(PV, model)
                .demand(300, cpu[0].length, cpu, null, null, null)
                .vms(base.profiles(), base.vcpus(), base.configuredCpuMhz(), base.configuredMemoryMib())
                .placement(base.hosts(), vmHost)
                .record(true, false)
                .migrations(migrations)
                .build();
    }

    @Test
    void migrationCostsSourcePerformanceDestinationReserveAndCountsInPdm() {
        // two VMs of 1860 MHz fill ML110 G4 host 0 (3720 MHz); VM 0 moves to host 1 at step 1.
        // L1: 1024 MiB x 1024 / (0.5 x 125,000 KB/s) = 16.8 s -> 1 step of 300 s.
        float[][] cpu = {{1860, 1860, 1860, 1860}, {1860, 1860, 1860, 1860}};
        ReplayResult r = Replay.run(withMigrations(cpu, new int[] {0, 0}, List.of(new Migration(0, 1, 1))));

        // energy: host 0 at 100 % for steps 0-1 (117 W), 50 % for 2-3 (102 W); host 1 off at step 0,
        // reserving 10 % of 1860 MHz at step 1 (5 % -> 86 + 0.5 x 3.4 = 87.7 W), 50 % for 2-3 (102 W)
        double wattSteps = 117 * 2 + 102 * 2 + 87.7 + 102 * 2;
        assertThat(r.summary().energyKWh()).isCloseTo(wattSteps * 300 / 3600.0 / 1000, within(1e-9));
        assertThat(r.summary().migrations()).isEqualTo(1);
        // VM 0 gets 90 % during its migration step (L3), full performance otherwise
        assertThat(r.vms().get(0).minPerformance()).isCloseTo(0.9, within(1e-6));
        assertThat(r.vms().get(0).meanPerformance()).isCloseTo((1 + 0.9 + 1 + 1) / 4, within(1e-6));
        assertThat(r.vms().get(0).host()).isEqualTo(1);
        assertThat(r.summary().vmsEverThrottled()).isZero();
        // SLATAH: host 0 at 100 % for 2 of 4 active steps, host 1 never -> (0.5 + 0) / 2
        assertThat(r.summary().slatah()).isCloseTo(0.25, within(1e-12));
        // PDM: VM 0 lost 10 % of 1 of its 4 steps (0.025), VM 1 nothing -> mean 0.0125; SLAV = SLATAH x PDM
        assertThat(r.summary().pdm()).isCloseTo(0.0125, within(1e-9));
        assertThat(r.summary().slav()).isCloseTo(0.25 * 0.0125, within(1e-12));
    }

    @Test
    void longMigrationSpansStepsAndMigrationsToTheSameHostAreIgnored() {
        // 32 GiB at 0.5 x 125,000 KB/s = 537 s -> 2 steps
        assertThat(Migration.durationSteps(32768, 125_000, 300)).isEqualTo(2);
        float[][] cpu = {{1000, 1000, 1000, 1000}};
        ReplayResult r = Replay.run(withMigrations(cpu, new int[] {0}, List.of(new Migration(0, 0, 1))));
        assertThat(r.summary().migrations()).isZero();
        assertThat(r.summary().pdm()).isZero();
    }
}
