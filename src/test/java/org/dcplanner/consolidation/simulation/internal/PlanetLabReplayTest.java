package org.dcplanner.consolidation.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dcplanner.consolidation.TraceFiles;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.dcplanner.consolidation.virtualization.VirtualizationOverheadModel;
import org.junit.jupiter.api.Test;

/**
 * The real PlanetLab day 20110303 (1052 VMs x 288 steps) replayed with every VM's CPU percent as MHz
 * on one unsaturated host: the engine's aggregation must reproduce the trace statistics published
 * in ../shared/traces/README.md (computed there independently of this code).
 */
class PlanetLabReplayTest {

    @Test
    void aggregateOfTheRealDayMatchesThePublishedTraceStatistics() throws IOException {
        Path dir = TraceFiles.require("planetlab/20110303");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSize(1052);
        float[][] cpu = new float[files.size()][];
        for (int v = 0; v < cpu.length; v++) {
            cpu[v] = new float[288];
            List<String> lines = Files.readAllLines(files.get(v));
            for (int t = 0; t < 288; t++)
                cpu[v][t] = Integer.parseInt(lines.get(t).trim());
        }
        ReplayResult r = Replay.run(ReplayFixtures.cpuOnly(
                VirtualizationApproach.PARAVIRTUAL,
                VirtualizationOverheadModel.withDefaults(),
                cpu,
                ReplayFixtures.pureCpu(),
                List.of(ReplayFixtures.huge()),
                new int[cpu.length]));
        ReplayResult.HostOutcome host = r.hosts().get(0);
        // README: "Peak of aggregate ÷ sum of per-VM peaks" = 0.288 for 20110303
        assertThat(host.peakOfSumCpuMhz() / host.sumOfVmPeakCpuMhz()).isCloseTo(0.288, within(0.0005));
        // README: mean CPU 12.31 % over all samples -> mean aggregate = 1052 x 12.31 "MHz" on a 768,000 MHz host
        float[] util = r.hostUtilization()[Metric.CPU.ordinal()];
        double mean = 0;
        for (float u : util) mean += u;
        mean /= util.length;
        assertThat(mean * ReplayFixtures.huge().cpuMhz() / 1052).isCloseTo(12.31, within(0.005));
        assertThat(r.summary().vmsEverThrottled()).isZero();
    }
}
