package org.dcplanner.consolidation.planning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.TimeGrid;
import org.dcplanner.consolidation.ingestion.WorkloadClass;
import org.dcplanner.consolidation.ingestion.WorkloadVm;

/** Small hand-made workloads for planning tests. */
public final class TestWorkloads {
    static final Instant MIDNIGHT = Instant.parse("2026-01-05T00:00:00Z");

    private TestWorkloads() {}

    static WorkloadVm vm(int index, String name, boolean paravirt, String group) {
        // 2 vCPUs x 2000 MHz: the test series (up to 3000 MHz) stay within what the VM can use
        return new WorkloadVm(index, name, 2, 4000, 1024, "linux", paravirt, WorkloadClass.COMPUTE, group);
    }

    /** VMs with the given CPU MHz series (memory constant 512 MiB, no I/O), 300 s steps from midnight UTC. */
    /** {@code vms} one-day (288 x 5 min) CPU series of gaussian noise around {@code meanMhz}, clipped to [0, maxMhz]. */
    public static float[][] noisyCpu(long seed, int vms, double meanMhz, double sdMhz, double maxMhz) {
        java.util.Random random = new java.util.Random(seed);
        float[][] cpu = new float[vms][288];
        for (float[] s : cpu) {
            for (int t = 0; t < s.length; t++)
                s[t] = (float) Math.max(0, Math.min(maxMhz, meanMhz + sdMhz * random.nextGaussian()));
        }
        return cpu;
    }

    public static LoadedWorkload cpu(float[]... cpuMhz) {
        int steps = cpuMhz[0].length;
        List<WorkloadVm> vms = new ArrayList<>();
        float[][] mem = new float[cpuMhz.length][steps];
        for (int i = 0; i < cpuMhz.length; i++) {
            vms.add(vm(i, "vm " + i, i % 2 == 0, null));
            java.util.Arrays.fill(mem[i], 512f);
        }
        Map<Metric, float[][]> series = new EnumMap<>(Metric.class);
        series.put(Metric.CPU, cpuMhz);
        series.put(Metric.MEMORY, mem);
        series.put(Metric.DISK, new float[cpuMhz.length][steps]);
        series.put(Metric.NETWORK, new float[cpuMhz.length][steps]);
        return new LoadedWorkload(UUID.randomUUID(), "test", new TimeGrid(MIDNIGHT, 300, steps), vms, series);
    }

    /** n VMs whose CPU alternates between high and low in anti-phase pairs (two fit on one host by time series). */
    static LoadedWorkload antiPhase(int n, int steps, float high, float low) {
        float[][] cpu = new float[n][steps];
        for (int vm = 0; vm < n; vm++) {
            for (int t = 0; t < steps; t++) cpu[vm][t] = ((t + vm) % 2 == 0) ? high : low;
        }
        return cpu(cpu);
    }

    /** The same workload with its first VM renamed. */
    static LoadedWorkload firstVmNamed(LoadedWorkload w, String name) {
        List<WorkloadVm> vms = new ArrayList<>(w.vms());
        WorkloadVm first = vms.get(0);
        vms.set(0, vm(first.index(), name, first.paravirtCapable(), first.antiAffinityGroup()));
        return new LoadedWorkload(w.id(), w.name(), w.grid(), vms, w.series());
    }

    /** The same workload with every VM in one anti-affinity group. */
    static LoadedWorkload inOneGroup(LoadedWorkload w, String group) {
        List<WorkloadVm> vms = w.vms().stream()
                .map(v -> vm(v.index(), v.name(), v.paravirtCapable(), group))
                .toList();
        return new LoadedWorkload(w.id(), w.name(), w.grid(), vms, w.series());
    }
}
