package org.dcplanner.consolidation.simulation.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dcplanner.consolidation.simulation.policy.PolicySpec;
import org.dcplanner.consolidation.simulation.policy.PolicySpec.Detection;
import org.dcplanner.consolidation.simulation.policy.PolicySpec.Selection;

/**
 * The CloudSim-equivalent mode on the shared PlanetLab days: energy, migrations, SLATAH, PDM, SLAV, host
 * shutdowns and wall time per policy (median of {@code runs} after a warm-up), to set beside CloudSim 4.0.
 * Run: ./mvnw -q -B test-compile exec:java -Dskip.frontend=true -Dexec.classpathScope=test
 *      -Dexec.mainClass=org.dcplanner.consolidation.simulation.internal.DynamicConsolidationBenchmark -Dexec.args="5"
 */
public final class DynamicConsolidationBenchmark {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path root = Path.of(System.getProperty("traces.dir", "../shared/traces"));
        Path design = Path.of(System.getProperty("design.dir", "../shared/design"));
        System.out.printf(
                "cores=%d, max heap=%d MiB%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        for (String day : new String[] {"20110303", "20110306"}) {
            Path dir = root.resolve("planetlab").resolve(day);
            if (!Files.isDirectory(dir)) {
                System.out.println("traces not found: " + dir);
                continue;
            }
            run(day + " (" + CloudSimSetup.day(dir).vmCount() + " VMs)", CloudSimSetup.day(dir), runs);
        }
        Path shared = design.resolve("cloudsim-vm-sizes-20110306-shared.csv");
        Path dir = root.resolve("planetlab/20110306");
        if (Files.exists(shared) && Files.isDirectory(dir)) {
            run(
                    "20110306, the 558 VMs shared with 20110303, CloudSim's sizes",
                    CloudSimSetup.dayWithInventory(dir, shared),
                    runs);
        }
    }

    private static void run(String name, ReplayInput in, int runs) {
        System.out.println();
        System.out.println(name);
        String[][] policies = {
            {"LR", "1.2", "MMT"},
            {"THR", "0.8", "MMT"},
            {"MAD", "2.5", "MMT"},
            {"IQR", "1.5", "MMT"},
            {"LRR", "1.2", "MMT"},
            {"LR", "1.2", "MC"},
            {"LR", "1.2", "RS"}
        };
        for (String[] p : policies) {
            PolicySpec spec =
                    new PolicySpec(Detection.valueOf(p[0]), Double.parseDouble(p[1]), Selection.valueOf(p[2]), 1L);
            ReplayResult r = Replay.run(in, OnlinePolicy.cloudSim(spec));
            long[] ms = new long[runs], cpuMs = new long[runs];
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime(), c0 = threads.getCurrentThreadCpuTime();
                r = Replay.run(in, OnlinePolicy.cloudSim(spec));
                ms[i] = (System.nanoTime() - t0) / 1_000_000;
                cpuMs[i] = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
            }
            java.util.Arrays.sort(ms);
            java.util.Arrays.sort(cpuMs);
            ReplayResult.Summary s = r.summary();
            System.out.printf(
                    "  %-14s energy %7.2f kWh | migrations %6d | SLATAH %5.2f %% | PDM %.3f %% | SLAV %.2e | "
                            + "shutdowns %5d | %5d ms wall, %5d ms CPU (medians of %d)%n",
                    spec.label(),
                    s.energyKWh(),
                    s.migrations(),
                    100 * s.slatahOverActiveTime(),
                    100 * s.pdmOverRequested(),
                    s.slatahOverActiveTime() * s.pdmOverRequested(),
                    s.hostShutdowns(),
                    ms[runs / 2],
                    cpuMs[runs / 2],
                    runs);
        }
    }
}
