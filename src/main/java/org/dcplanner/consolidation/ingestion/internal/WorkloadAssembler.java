package org.dcplanner.consolidation.ingestion.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.TimeGrid;
import org.dcplanner.consolidation.ingestion.WorkloadClass;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.ingestion.format.InventoryRow;
import org.dcplanner.consolidation.ingestion.format.ParsedTraces;
import org.dcplanner.consolidation.ingestion.format.VmTrace;

/**
 * Turns parsed (already binned) traces into a stored-ready workload: sets the grid, sizes each VM
 * (inventory, else the trace's own size, else the VM profile), aligns every series and computes per-VM
 * statistics. Grid: the traces' step; start = the earliest sampled step (epoch-aligned, i.e. the earliest
 * sample rounded down to a multiple of the step); steps run through the latest sampled step. Memory
 * without samples is the VM's configured memory, constant.
 */
final class WorkloadAssembler {
    static final String DEFAULT_GUEST_OS = "linux";
    static final WorkloadClass DEFAULT_CLASS = WorkloadClass.WEB;
    private final IngestionProperties properties;

    WorkloadAssembler(IngestionProperties properties) {
        this.properties = properties;
    }

    AssembledWorkload assemble(ParsedTraces parsed, Map<String, InventoryRow> inventory, VmProfile profile) {
        List<VmTrace> raw = parsed.vmsByName();
        IngestWarnings warnings = parsed.warnings();
        TimeGrid grid = grid(raw, parsed.stepSeconds());
        List<WorkloadVm> vms = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++)
            vms.add(size(i, raw, inventory.get(raw.get(i).name()), profile, warnings));

        Set<Metric> measured = EnumSet.of(Metric.CPU, Metric.MEMORY);
        for (VmTrace vm : raw) {
            if (vm.measured(Metric.DISK)) measured.add(Metric.DISK);
            if (vm.measured(Metric.NETWORK)) measured.add(Metric.NETWORK);
        }
        GridAligner aligner = new GridAligner(grid, properties.maxCarrySteps());
        Map<Metric, SeriesStats[]> stats = new EnumMap<>(Metric.class);
        for (Metric m : measured) {
            SeriesStats[] st = new SeriesStats[raw.size()];
            for (int i = 0; i < raw.size(); i++) {
                st[i] = SeriesStats.of(series(aligner, raw.get(i), vms.get(i), m, warnings, true));
            }
            stats.put(m, st);
        }
        // aligned again when written, one VM at a time: the whole grid is never in the heap
        AssembledWorkload.SeriesSource series = (m, i) -> series(aligner, raw.get(i), vms.get(i), m, warnings, false);
        int k = properties.maxCarrySteps();
        warnings.add(
                "gap-steps-carried",
                aligner.carriedSteps,
                "%d missing steps in gaps of at most " + k + " steps repeat their VM's previous value");
        warnings.add(
                "gap-steps-zero",
                aligner.zeroGapSteps,
                "%d missing steps in gaps longer than " + k + " steps count as zero demand");
        warnings.add(
                "outside-span-steps",
                aligner.outsideSpanSteps,
                "%d steps before a VM's first or after its last" + " sample count as zero demand");
        return new AssembledWorkload(grid, vms, series, stats, measured, warnings.toList(), parsed.samples());
    }

    private float[] series(
            GridAligner aligner, VmTrace vm, WorkloadVm size, Metric m, IngestWarnings warnings, boolean count) {
        if (m == Metric.MEMORY && !vm.measured(Metric.MEMORY)) {
            if (count)
                warnings.add(
                        "memory-from-size",
                        1,
                        "%d VMs have no memory samples; their memory demand is their" + " configured memory, constant");
            float[] constant = new float[aligner.stepsCount()];
            Arrays.fill(constant, (float) size.memoryMib());
            return constant;
        }
        float[] s = aligner.align(vm, m, count && m == Metric.CPU);
        double scale = 1;
        if (m == Metric.CPU && vm.cpuUnit() == VmTrace.CpuUnit.PERCENT) scale = size.cpuMhz() / 100;
        if (m == Metric.CPU && vm.cpuUnit() == VmTrace.CpuUnit.CORES) scale = size.cpuMhz() / size.cores();
        if (m == Metric.MEMORY && vm.memoryIsPercent()) scale = size.memoryMib() / 100;
        if (scale != 1) {
            for (int i = 0; i < s.length; i++) s[i] *= (float) scale;
        }
        return s;
    }

    private TimeGrid grid(List<VmTrace> raw, int step) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (VmTrace vm : raw) {
            first = Math.min(first, vm.firstSlot());
            last = Math.max(last, vm.firstSlot() + vm.extent() - 1);
        }
        long steps = last - first + 1;
        if (steps * raw.size() > properties.maxGridCells()) {
            throw IngestProblems.invalid(
                    "grid-too-large",
                    raw.size() + " VMs x " + steps + " steps of " + step + " s exceed the limit of "
                            + properties.maxGridCells() + " cells; pass a larger stepSeconds",
                    null,
                    0,
                    "stepSeconds");
        }
        return new TimeGrid(Instant.ofEpochSecond(first * step), step, (int) steps);
    }

    private static WorkloadVm size(
            int index, List<VmTrace> raw, InventoryRow inv, VmProfile profile, IngestWarnings warnings) {
        VmTrace vm = raw.get(index);
        VmProfile.VmSize fallback = profile.sizeOf(index, raw.size());
        Integer cores = inv != null && inv.cores() != null ? inv.cores() : positive(vm.traceCores());
        Double cpuMhz = inv != null && inv.cpuMhz() != null ? inv.cpuMhz() : positive(vm.traceCpuMhz());
        Double memoryMib = inv != null && inv.memoryMib() != null ? inv.memoryMib() : positive(vm.traceMemoryMib());
        if (cores == null || cpuMhz == null || memoryMib == null) {
            warnings.add(
                    "size-from-profile",
                    1,
                    "%d VMs were sized (fully or partly) by the '" + profile.id()
                            + "' VM profile: no size in the inventory or the trace");
        }
        return new WorkloadVm(
                index,
                vm.name(),
                cores != null ? cores : fallback.cores(),
                cpuMhz != null ? cpuMhz : fallback.cpuMhz(),
                memoryMib != null ? memoryMib : fallback.memoryMib(),
                inv != null && inv.guestOs() != null ? inv.guestOs() : DEFAULT_GUEST_OS,
                inv != null && inv.paravirtCapable() != null && inv.paravirtCapable(),
                inv != null && inv.workloadClass() != null ? inv.workloadClass() : DEFAULT_CLASS,
                inv != null ? inv.antiAffinityGroup() : null);
    }

    private static Integer positive(int v) {
        return v > 0 ? v : null;
    }

    private static Double positive(double v) {
        return v > 0 ? v : null;
    }
}
