package org.dcplanner.consolidation.simulation.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.ingestion.sample.SyntheticWorkloads;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.planning.BaselineHosts;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.dcplanner.consolidation.virtualization.VirtualizationOverheadModel;
import org.dcplanner.consolidation.virtualization.WorkloadProfile;

/**
 * Replay throughput in VM-steps per second (a VM-step = one VM at one grid step, all resources).
 * (1) PlanetLab 20110303: 1052 VMs x 288 steps read from ../shared/traces/planetlab/20110303, CloudSim's
 * VM types, time-series first-fit-decreasing onto HP ML110 G5 hosts; (2) SyntheticWorkloads 10,000 VMs x
 * 8,640 steps (30 days at 5 min, seeded), peak first-fit onto Dell R740 hosts, CPU-only and all four metrics.
 * Run: ./mvnw -q -B test-compile exec:java -Dskip.frontend=true -Dexec.classpathScope=test
 *      -Dexec.mainClass=org.dcplanner.consolidation.simulation.internal.ReplayBenchmark
 */
public final class ReplayBenchmark {
    private static final VirtualizationOverheadModel MODEL = VirtualizationOverheadModel.withDefaults();

    public static void main(String[] args) throws IOException {
        System.out.printf(
                "cores=%d, max heap=%d MiB%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        Path dir = Path.of(System.getProperty("traces.dir", "../shared/traces"), "planetlab", "20110303");
        if (Files.isDirectory(dir)) {
            planetLab(dir);
        } else {
            System.out.println("PlanetLab traces not found at " + dir.toAbsolutePath() + " (skipped)");
        }
        generated(false);
        generated(true);
    }

    private static void planetLab(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = new ArrayList<>(s.filter(Files::isRegularFile).toList());
        }
        Collections.sort(files);
        int n = files.size(), steps = 288;
        // CloudSim Constants: VM types in contiguous blocks, MIPS {2500, 2000, 1000, 500}, RAM {870, 1740, 1740, 613}
        // MB
        double[] typeMhz = {2500, 2000, 1000, 500};
        double[] typeMem = {870, 1740, 1740, 613};
        float[][] cpu = new float[n][steps];
        double[] mem = new double[n];
        double[] cpuCap = new double[n];
        int block = (int) Math.ceil(n / 4.0);
        for (int v = 0; v < n; v++) {
            List<String> lines = Files.readAllLines(files.get(v));
            int type = v / block;
            mem[v] = typeMem[type];
            cpuCap[v] = typeMhz[type];
            for (int t = 0; t < steps; t++)
                cpu[v][t] = (float) (Integer.parseInt(lines.get(t).trim()) / 100.0 * typeMhz[type]);
        }
        HostModel g5 = ReplayFixtures.ml110g5();
        ReplayInput sizing =
                input(VirtualizationApproach.PARAVIRTUAL, cpu, null, null, null, cpuCap, mem, List.of(g5), new int[n]);
        float[][][] hostSide = HostSideDemand.of(sizing);
        List<WorkloadVm> vms = new ArrayList<>(n);
        for (int v = 0; v < n; v++)
            vms.add(new WorkloadVm(v, "vm-" + v, 1, cpuCap[v], mem[v], "linux", true, null, null));
        BaselineHosts.Packing p = BaselineHosts.pack(
                new float[][][] {hostSide[Metric.CPU.ordinal()], hostSide[Metric.MEMORY.ordinal()]},
                steps,
                List.of(Metric.CPU, Metric.MEMORY),
                vms,
                VirtualizationApproach.PARAVIRTUAL,
                g5,
                1.0);
        List<HostModel> hosts = Collections.nCopies(p.hosts(), g5);
        System.out.printf(
                "%nPlanetLab 20110303: %d VMs x %d steps on %d ML110 G5 hosts (time-series FFD, CPU+memory, PARAVIRTUAL sizing), web class profile%n",
                n, steps, p.hosts());
        for (VirtualizationApproach a : VirtualizationApproach.values()) {
            measure("planetlab " + a, input(a, cpu, null, null, null, cpuCap, mem, hosts, p.vmHost()), 5, 20);
        }
    }

    private static void generated(boolean allMetrics) {
        int n = 10_000, steps = 8_640;
        Set<Metric> metrics = allMetrics ? EnumSet.allOf(Metric.class) : EnumSet.of(Metric.CPU);
        LoadedWorkload w = SyntheticWorkloads.generate(20260303L, n, steps, 300, metrics);
        float[][] cpu = w.series(Metric.CPU);
        double[] mem = new double[n];
        double[] cpuCap = new double[n];
        WorkloadProfile[] profiles = new WorkloadProfile[n];
        int[] vcpus = new int[n];
        for (int v = 0; v < n; v++) {
            WorkloadVm vm = w.vms().get(v);
            mem[v] = vm.memoryMib();
            cpuCap[v] = vm.cpuMhz();
            profiles[v] = MODEL.profileOf(vm);
            vcpus[v] = Math.max(1, vm.cores());
        }
        // Dell R740 (2 x Platinum 8280, 56 cores), SPECpower 20190409-00952 as in OpenDC MachineSpecs
        HostModel r740 = new HostModel(
                "dell-r740",
                "Dell R740",
                56,
                2700,
                786_432,
                2_000_000,
                3_125_000,
                new double[] {49.8, 114, 137, 159, 182, 208, 240, 277, 319, 376, 432},
                2,
                0,
                0,
                true,
                "bench");
        float[][][] peaks = new float[2][n][1];
        for (int v = 0; v < n; v++) {
            float m = 0;
            for (float c : cpu[v]) m = Math.max(m, c);
            peaks[0][v][0] = (float) Math.min(cpuCap[v], m * MODEL.cpuFactor(VirtualizationApproach.FULL, profiles[v]));
            peaks[1][v][0] = (float) (mem[v] + MODEL.memoryOverheadMib(VirtualizationApproach.FULL, vcpus[v], mem[v]));
        }
        BaselineHosts.Packing p = BaselineHosts.pack(
                peaks, 1, List.of(Metric.CPU, Metric.MEMORY), w.vms(), VirtualizationApproach.FULL, r740, 1.0);
        List<HostModel> hosts = Collections.nCopies(p.hosts(), r740);
        System.out.printf(
                "%nSyntheticWorkloads seed 20260303: %d VMs x %d steps, metrics %s, class profiles; %d R740 hosts "
                        + "(peak FFD on FULL host-side CPU peaks + configured memory with overhead)%n",
                n, steps, metrics, p.hosts());
        for (VirtualizationApproach a : VirtualizationApproach.values()) {
            ReplayInput in = ReplayInput.builder()
                    .approach(a, MODEL)
                    .demand(
                            300,
                            steps,
                            cpu,
                            w.series().get(Metric.MEMORY),
                            w.series().get(Metric.DISK),
                            w.series().get(Metric.NETWORK))
                    .vms(profiles, vcpus, cpuCap, mem)
                    .placement(hosts, p.vmHost())
                    .record(true, false)
                    .build();
            measure("synthetic " + (allMetrics ? "4-metric " : "cpu-only ") + a, in, 1, 3);
        }
    }

    private static ReplayInput input(
            VirtualizationApproach a,
            float[][] cpu,
            float[][] mem,
            float[][] disk,
            float[][] net,
            double[] cpuCap,
            double[] configuredMem,
            List<HostModel> hosts,
            int[] vmHost) {
        int n = cpu.length;
        WorkloadProfile[] profiles = new WorkloadProfile[n];
        Arrays.fill(profiles, MODEL.parameters().classes().web());
        int[] vcpus = new int[n];
        Arrays.fill(vcpus, 1);
        return ReplayInput.builder()
                .approach(a, MODEL)
                .demand(300, cpu[0].length, cpu, mem, disk, net)
                .vms(profiles, vcpus, cpuCap, configuredMem)
                .placement(hosts, vmHost)
                .record(true, false)
                .build();
    }

    private static void measure(String name, ReplayInput in, int warmup, int runs) {
        ReplayResult r = null;
        for (int i = 0; i < warmup; i++) r = Replay.run(in);
        double[] rates = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            r = Replay.run(in);
            rates[i] = (double) in.vmCount() * in.steps() / ((System.nanoTime() - t0) / 1e9);
        }
        Arrays.sort(rates);
        ReplayResult.Summary s = r.summary();
        System.out.printf(
                "  %-32s %8.1f M VM-steps/s (median of %d; best %.1f) | energy %.2f kWh, SLATAH %.2e, "
                        + "mean perf %.4f, min perf %.4f, VMs throttled %d%n",
                name,
                rates[runs / 2] / 1e6,
                runs,
                rates[runs - 1] / 1e6,
                s.energyKWh(),
                s.slatah(),
                s.meanPerformance(),
                s.minPerformance(),
                s.vmsEverThrottled());
    }
}
