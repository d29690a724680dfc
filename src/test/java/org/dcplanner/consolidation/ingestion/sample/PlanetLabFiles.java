package org.dcplanner.consolidation.ingestion.sample;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadVm;

/**
 * The PlanetLab (CoMon, as shipped with CloudSim) layout: one file per VM without extension, named
 * {@code <node host name, dots as underscores>_<slice>}, holding one integer CPU percent (0–100) per
 * line, one line per 300 s step, no header, LF line ends. As in the real traces, a few names contain
 * a space after the host part.
 */
final class PlanetLabFiles {
    private PlanetLabFiles() {}

    /** The workload's VMs renamed to PlanetLab-style file names; VMs at {@code spacedIndexes} get a space. */
    static List<WorkloadVm> renamed(LoadedWorkload workload, int... spacedIndexes) {
        List<WorkloadVm> vms = new ArrayList<>();
        for (WorkloadVm vm : workload.vms()) {
            boolean spaced = contains(spacedIndexes, vm.index());
            String host = String.format("node%02d_rack%d_example_net", 1 + vm.index() / 2, 1 + vm.index() / 10);
            String name = host + "_" + (spaced ? " " : "") + vm.name().replace('-', '_');
            vms.add(new WorkloadVm(
                    vm.index(),
                    name,
                    vm.cores(),
                    vm.cpuMhz(),
                    vm.memoryMib(),
                    vm.guestOs(),
                    vm.paravirtCapable(),
                    vm.workloadClass(),
                    vm.antiAffinityGroup(),
                    null));
        }
        return vms;
    }

    /** A zip of one file per VM (flat, in VM order), named after {@code names}. */
    static byte[] zip(LoadedWorkload workload, List<WorkloadVm> names) {
        float[][] cpu = workload.series(Metric.CPU);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (WorkloadVm vm : names) {
            var text = new StringBuilder();
            for (float cpuMhz : cpu[vm.index()])
                text.append(cpuPercent(cpuMhz, vm.cpuMhz())).append('\n');
            entries.put(vm.name(), text.toString().getBytes(StandardCharsets.US_ASCII));
        }
        return DeterministicZip.zip(entries);
    }

    static int cpuPercent(double cpuMhz, double capacityMhz) {
        return (int) Math.max(0, Math.min(100, Math.round(100 * cpuMhz / capacityMhz)));
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) if (v == value) return true;
        return false;
    }
}
