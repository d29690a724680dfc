package org.dcplanner.consolidation.ingestion.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dcplanner.consolidation.ingestion.internal.IngestProblems;
import org.dcplanner.consolidation.ingestion.internal.IngestWarnings;
import org.dcplanner.consolidation.problem.ApiException;

/**
 * Everything read from one upload: its VMs (binned to the grid step while reading), warnings and the
 * sample count. In scan mode (step 0) nothing is binned; only the intervals between a VM's consecutive
 * samples are collected, to choose the step, and {@link ScanComplete} ends the scan once enough are seen.
 */
public final class ParsedTraces {
    private final Map<String, VmTrace> vms = new HashMap<>();
    private final Map<String, InventoryRow> declared = new HashMap<>();
    private final IngestWarnings warnings = new IngestWarnings();
    private final RowErrors rowErrors = new RowErrors();
    private SlotStore slots;
    private boolean collectRowErrors;
    private final int stepSeconds;
    private final long maxSteps;
    private final long[] intervals;
    private int intervalCount;
    private long reservedSteps;
    private long samples;

    /**
     * @param stepSeconds grid step the VMs are binned to
     * @param maxSteps    cap on the sum over VMs of their spans in steps (memory guard), 422 above
     */
    public ParsedTraces(int stepSeconds, long maxSteps) {
        if (stepSeconds <= 0) throw new IllegalArgumentException("stepSeconds must be > 0");
        this.stepSeconds = stepSeconds;
        this.maxSteps = maxSteps;
        this.intervals = new long[0];
    }

    private ParsedTraces(int intervalsWanted) {
        this.stepSeconds = 0;
        this.maxSteps = Long.MAX_VALUE;
        this.intervals = new long[intervalsWanted];
    }

    /** A scan that collects up to {@code intervalsWanted} sample intervals, then throws {@link ScanComplete}. */
    public static ParsedTraces scan(int intervalsWanted) {
        return new ParsedTraces(intervalsWanted);
    }

    /** A new VM from a per-VM file; the same VM name twice in one upload is refused (422). */
    public VmTrace newVm(String name, String file, boolean cpuIsPercent) {
        VmTrace vm = new VmTrace(name, file, cpuIsPercent, this);
        VmTrace before = vms.putIfAbsent(name, vm);
        if (before != null) {
            throw IngestProblems.invalid(
                    "duplicate-vm",
                    "VM '" + name + "' appears in both " + before.file() + " and " + file,
                    file,
                    0,
                    null);
        }
        return vm;
    }

    /** The VM of a long-format row, created on its first row. */
    public VmTrace vm(String name, String file, boolean cpuIsPercent) {
        VmTrace vm = vms.get(name);
        if (vm != null && !vm.file().equals(file)) {
            throw IngestProblems.invalid(
                    "duplicate-vm", "VM '" + name + "' appears in both " + vm.file() + " and " + file, file, 0, "vm");
        }
        return vm != null ? vm : newVm(name, file, cpuIsPercent);
    }

    /**
     * The VM of a format whose VMs span several files (Azure readings split into parts, Alibaba usage
     * and meta files, one Prometheus query per resource), created on its first sample.
     */
    public VmTrace vmAcrossFiles(String name, String file, boolean cpuIsPercent) {
        VmTrace vm = vms.get(name);
        return vm != null ? vm : newVm(name, file, cpuIsPercent);
    }

    /**
     * Records what a trace's metadata file states about a VM (size, class); it ranks below the user's
     * inventory and above the VM profile. Several rows of one VM keep the largest size.
     */
    public void declare(InventoryRow row) {
        declared.merge(
                row.vm(),
                row,
                (a, b) -> new InventoryRow(
                        a.line(),
                        a.vm(),
                        max(a.cores(), b.cores()),
                        max(a.cpuMhz(), b.cpuMhz()),
                        max(a.memoryMib(), b.memoryMib()),
                        a.guestOs() != null ? a.guestOs() : b.guestOs(),
                        a.paravirtCapable() != null ? a.paravirtCapable() : b.paravirtCapable(),
                        a.workloadClass() != null ? a.workloadClass() : b.workloadClass(),
                        a.antiAffinityGroup() != null ? a.antiAffinityGroup() : b.antiAffinityGroup()));
    }

    /** Metadata rows of VMs that have samples (rows of VMs without any are dropped). */
    public Map<String, InventoryRow> declared() {
        Map<String, InventoryRow> result = new HashMap<>();
        declared.forEach((name, row) -> {
            if (vms.containsKey(name)) result.put(name, row);
        });
        return result;
    }

    private static <T extends Comparable<T>> T max(T a, T b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The off-heap store of the binned steps, created on the first step. */
    SlotStore slots() {
        if (slots == null) slots = new SlotStore();
        return slots;
    }

    /** Bytes of temporary, memory-mapped files the binned steps took (0 in scan mode). */
    public long mappedBytes() {
        return slots == null ? 0 : slots.mappedBytes();
    }

    public boolean contains(String vmName) {
        return vms.containsKey(vmName);
    }

    /** 0 in scan mode. */
    public int stepSeconds() {
        return stepSeconds;
    }

    void reserveSteps(long steps, String vm) {
        reservedSteps += steps;
        if (reservedSteps > maxSteps) {
            throw IngestProblems.invalid(
                    "grid-too-large",
                    "The trace spans more than " + maxSteps + " VM-steps of " + stepSeconds + " s (reached at VM '" + vm
                            + "'); pass a larger stepSeconds",
                    null,
                    0,
                    "stepSeconds");
        }
    }

    void intervalSeen(long seconds) {
        if (intervals.length == 0) return;
        intervals[intervalCount++] = seconds;
        if (intervalCount == intervals.length) throw new ScanComplete();
    }

    /** Median of the intervals seen by a scan; 300 s when there were none. */
    public int medianInterval() {
        if (intervalCount == 0) return 300;
        long[] sorted = Arrays.copyOf(intervals, intervalCount);
        Arrays.sort(sorted);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, sorted[intervalCount / 2]));
    }

    /** Counts values read from the trace (one per VM, timestamp and metric given). */
    public void countSamples(long n) {
        samples += n;
    }

    public long samples() {
        return samples;
    }

    /** Errors of single rows, collected while reading (see {@link RowErrors#throwIfAny()}). */
    public RowErrors rowErrors() {
        return rowErrors;
    }

    /** From now on a 422 about one row is collected in {@link #rowErrors()} and reading goes on. */
    public ParsedTraces collectingRowErrors() {
        collectRowErrors = true;
        return this;
    }

    /** Runs one row's reading; when collecting, a 422 about the row is kept instead of ending the read. */
    void row(Runnable reading) {
        if (!collectRowErrors) {
            reading.run();
            return;
        }
        try {
            reading.run();
        } catch (ApiException e) {
            rowErrors.add(e);
        }
    }

    public IngestWarnings warnings() {
        return warnings;
    }

    /** The VMs in file-name order (String order of their names), each finished. */
    public List<VmTrace> vmsByName() {
        List<VmTrace> list = new ArrayList<>(vms.values());
        list.sort((a, b) -> a.name().compareTo(b.name()));
        list.forEach(VmTrace::finish);
        return list;
    }

    /** Thrown by a scan once it has seen enough intervals; not an error. */
    public static final class ScanComplete extends RuntimeException {
        public ScanComplete() {
            super(null, null, false, false);
        }
    }
}
