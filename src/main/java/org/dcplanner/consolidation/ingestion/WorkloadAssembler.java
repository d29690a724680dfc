package org.dcplanner.consolidation.ingestion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dcplanner.consolidation.ingestion.format.InventoryRow;
import org.dcplanner.consolidation.ingestion.format.ParsedTraces;
import org.dcplanner.consolidation.ingestion.format.RawVmTrace;

/**
 * Turns parsed traces into a stored-ready workload: chooses the grid, sizes each VM (inventory, else the
 * trace's own size, else the VM profile), aligns every series and computes per-VM statistics.
 * Grid: step = the request's stepSeconds, else the format's (PlanetLab 300 s), else the median interval
 * between consecutive samples of a VM; start = the earliest sample rounded down to a multiple of the step;
 * steps run through the latest sample. Memory without samples is the VM's configured memory, constant.
 */
final class WorkloadAssembler {
    static final String DEFAULT_GUEST_OS = "linux";
    static final WorkloadClass DEFAULT_CLASS = WorkloadClass.WEB;
    private final IngestionProperties properties;

    WorkloadAssembler(IngestionProperties properties) {
        this.properties = properties;
    }

    AssembledWorkload assemble(ParsedTraces parsed, Map<String, InventoryRow> inventory, VmProfile profile,
                               Integer stepSeconds) {
        List<RawVmTrace> raw = parsed.vmsByName();
        IngestWarnings warnings = parsed.warnings();
        TimeGrid grid = grid(raw, stepSeconds != null ? stepSeconds : parsed.stepSecondsHint());
        List<WorkloadVm> vms = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) vms.add(size(i, raw, inventory.get(raw.get(i).name()), profile, warnings));

        Set<Metric> measured = EnumSet.of(Metric.CPU, Metric.MEMORY);
        for (RawVmTrace vm : raw) {
            if (vm.measured(Metric.DISK)) measured.add(Metric.DISK);
            if (vm.measured(Metric.NETWORK)) measured.add(Metric.NETWORK);
        }
        GridAligner aligner = new GridAligner(grid, properties.maxCarrySteps());
        Map<Metric, float[][]> series = new EnumMap<>(Metric.class);
        Map<Metric, SeriesStats[]> stats = new EnumMap<>(Metric.class);
        for (Metric m : measured) {
            float[][] s = new float[raw.size()][];
            SeriesStats[] st = new SeriesStats[raw.size()];
            for (int i = 0; i < raw.size(); i++) {
                s[i] = series(aligner, raw.get(i), vms.get(i), m, warnings);
                st[i] = SeriesStats.of(s[i]);
            }
            series.put(m, s);
            stats.put(m, st);
        }
        int k = properties.maxCarrySteps();
        warnings.add("gap-steps-carried", aligner.carriedSteps, "%d missing steps in gaps of at most " + k
                + " steps repeat their VM's previous value");
        warnings.add("gap-steps-zero", aligner.zeroGapSteps, "%d missing steps in gaps longer than " + k
                + " steps count as zero demand");
        warnings.add("outside-span-steps", aligner.outsideSpanSteps, "%d steps before a VM's first or after its last"
                + " sample count as zero demand");
        return new AssembledWorkload(grid, vms, series, stats, measured, warnings.toList(), parsed.samples());
    }

    private float[] series(GridAligner aligner, RawVmTrace vm, WorkloadVm size, Metric m, IngestWarnings warnings) {
        if (m == Metric.MEMORY && !vm.measured(Metric.MEMORY)) {
            warnings.add("memory-from-size", 1, "%d VMs have no memory samples; their memory demand is their"
                    + " configured memory, constant");
            float[] constant = new float[aligner.stepsCount()];
            Arrays.fill(constant, (float) size.memoryMib());
            return constant;
        }
        float[] s = aligner.align(vm, m, m == Metric.CPU);
        if (m == Metric.CPU && vm.cpuIsPercent()) {
            float scale = (float) (size.cpuMhz() / 100);
            for (int i = 0; i < s.length; i++) s[i] *= scale;
        }
        return s;
    }

    private TimeGrid grid(List<RawVmTrace> raw, Integer stepSeconds) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (RawVmTrace vm : raw) {
            min = Math.min(min, vm.timestamp(0));
            max = Math.max(max, vm.timestamp(vm.size() - 1));
        }
        int step = stepSeconds != null ? stepSeconds : medianInterval(raw);
        long start = Math.floorDiv(min, step) * step;
        long steps = (max - start) / step + 1;
        if (steps * raw.size() > properties.maxGridCells()) {
            throw IngestProblems.invalid("grid-too-large", raw.size() + " VMs x " + steps + " steps of " + step
                    + " s exceed the limit of " + properties.maxGridCells() + " cells; pass a larger stepSeconds",
                    null, 0, "stepSeconds");
        }
        return new TimeGrid(Instant.ofEpochSecond(start), step, (int) steps);
    }

    /** Median of the positive intervals between consecutive samples of each VM; 300 s when there are none. */
    static int medianInterval(List<RawVmTrace> raw) {
        long total = 0;
        for (RawVmTrace vm : raw) total += Math.max(0, vm.size() - 1);
        long[] intervals = new long[(int) Math.min(total, Integer.MAX_VALUE - 8)];
        int n = 0;
        for (RawVmTrace vm : raw) {
            for (int i = 1; i < vm.size() && n < intervals.length; i++) {
                long d = vm.timestamp(i) - vm.timestamp(i - 1);
                if (d > 0) intervals[n++] = d;
            }
        }
        if (n == 0) return 300;
        Arrays.sort(intervals, 0, n);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, intervals[n / 2]));
    }

    private static WorkloadVm size(int index, List<RawVmTrace> raw, InventoryRow inv, VmProfile profile,
                                   IngestWarnings warnings) {
        RawVmTrace vm = raw.get(index);
        VmProfile.VmSize fallback = profile.sizeOf(index, raw.size());
        Integer cores = inv != null && inv.cores() != null ? inv.cores() : positive(vm.traceCores());
        Double cpuMhz = inv != null && inv.cpuMhz() != null ? inv.cpuMhz() : positive(vm.traceCpuMhz());
        Double memoryMib = inv != null && inv.memoryMib() != null ? inv.memoryMib() : positive(vm.traceMemoryMib());
        if (cores == null || cpuMhz == null || memoryMib == null) {
            warnings.add("size-from-profile", 1, "%d VMs were sized (fully or partly) by the '" + profile.id()
                    + "' VM profile: no size in the inventory or the trace");
        }
        return new WorkloadVm(index, vm.name(),
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
