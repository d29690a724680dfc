package org.dcplanner.consolidation.ingestion.format;

import java.util.Arrays;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.internal.IngestProblems;
import org.dcplanner.consolidation.ingestion.internal.IngestWarnings;

/**
 * One VM of a trace, binned while it is read: each row goes into its epoch-aligned grid step
 * (slot = floor(timestamp / step)) and the samples of a step are averaged, so memory grows with the
 * VM's span in steps, never with the number of rows. Values are in canonical units (CPU may be in
 * percent until the VM's size is known, see {@link #cpuIsPercent()}); a step without samples is NaN.
 */
public final class VmTrace {
    private static final int METRICS = Metric.values().length;
    private final String name;
    private final String file;
    private CpuUnit cpuUnit;
    private boolean memoryIsPercent;
    private final ParsedTraces owner;
    private final float[] last = new float[METRICS];
    private final boolean[] measured = new boolean[METRICS];
    private final double[] stepSum = new double[METRICS];
    private final int[] stepCount = new int[METRICS];
    private final long[] currentSlot = new long[METRICS];
    private final long[] lastMetricTimestamp = new long[METRICS];
    private final boolean[] metricSeen = new boolean[METRICS];
    /** Per metric, the ids of its chunks in the upload's {@link SlotStore} (null until it has a sample). */
    private final int[][] chunks = new int[METRICS][];

    private long rows;
    private long lastTimestamp;
    private boolean started;
    private long firstSlot;
    private int extent;
    private int capacity;
    private int maxCores;
    private double maxCpuMhz;
    private double maxMemoryMib;

    VmTrace(String name, String file, boolean cpuIsPercent, ParsedTraces owner) {
        this.name = name;
        this.file = file;
        this.cpuUnit = cpuIsPercent ? CpuUnit.PERCENT : CpuUnit.MHZ;
        this.owner = owner;
    }

    /**
     * Adds one row. Rule: timestamps must not decrease (422 naming the line otherwise); a row equal to
     * the previous one is a duplicate and dropped; a row repeating the previous timestamp with other
     * values is kept and averaged into its step. Both are counted as warnings.
     */
    public void add(
            long epochSeconds, float cpu, float memory, float disk, float network, IngestWarnings warnings, long line) {
        if (rows > 0) {
            if (epochSeconds < lastTimestamp) throw unsorted(epochSeconds, lastTimestamp, line);
            if (epochSeconds == lastTimestamp) {
                if (eq(last[0], cpu) && eq(last[1], memory) && eq(last[2], disk) && eq(last[3], network)) {
                    warnings.add("duplicate-rows", 1, "%d exact duplicate rows were dropped");
                    return;
                }
                warnings.add(
                        "repeated-timestamps",
                        1,
                        "%d rows repeat their VM's previous timestamp with other values; they were averaged into their step");
            } else {
                owner.intervalSeen(epochSeconds - lastTimestamp);
            }
        }
        last[0] = cpu;
        last[1] = memory;
        last[2] = disk;
        last[3] = network;
        if (owner.stepSeconds() > 0) {
            long slot = Math.floorDiv(epochSeconds, owner.stepSeconds());
            touch(slot);
            for (int m = 0; m < METRICS; m++) {
                if (!Float.isNaN(last[m])) bin(m, slot, last[m]);
            }
        }
        lastTimestamp = epochSeconds;
        rows++;
    }

    /**
     * Adds one sample of one metric, for formats that give each metric its own series (a Prometheus
     * query per resource, a vCenter statistic per row): each metric's timestamps must not decrease
     * (422 naming the line), metrics may come one after the other; samples of a step are averaged.
     */
    public void addMetric(Metric metric, long epochSeconds, float value, long line) {
        int m = metric.ordinal();
        if (metricSeen[m]) {
            if (epochSeconds < lastMetricTimestamp[m]) throw unsorted(epochSeconds, lastMetricTimestamp[m], line);
            if (epochSeconds > lastMetricTimestamp[m] && m == 0)
                owner.intervalSeen(epochSeconds - lastMetricTimestamp[m]);
        }
        metricSeen[m] = true;
        lastMetricTimestamp[m] = epochSeconds;
        rows++;
        if (Float.isNaN(value) || owner.stepSeconds() <= 0) return;
        long slot = Math.floorDiv(epochSeconds, owner.stepSeconds());
        touch(slot);
        bin(m, slot, value);
    }

    private RuntimeException unsorted(long t, long before, long line) {
        return IngestProblems.invalid(
                "unsorted-timestamps",
                "Timestamp " + t + " of VM '" + name + "' is earlier than the previous one (" + before
                        + "); rows of a VM must be in time order",
                file,
                line,
                "timestamp");
    }

    private static boolean eq(float a, float b) {
        return Float.compare(a, b) == 0;
    }

    /** Makes the VM's span cover {@code slot}, moving its first step earlier when needed. */
    private void touch(long slot) {
        if (!started) {
            started = true;
            firstSlot = slot;
        } else if (slot < firstSlot) {
            int shift = (int) Math.min(Integer.MAX_VALUE - 8L, firstSlot - slot);
            owner.reserveSteps(shift, name);
            ensureCapacity(extent + shift);
            for (int m = 0; m < METRICS; m++) {
                if (chunks[m] == null) continue;
                for (int i = extent - 1; i >= 0; i--) put(m, i + shift, slot(m, i));
                for (int i = 0; i < shift; i++) put(m, i, Float.NaN);
            }
            extent += shift;
            firstSlot = slot;
        }
        long index = slot - firstSlot;
        if (index >= extent) {
            owner.reserveSteps(index + 1 - extent, name);
            extent = (int) (index + 1);
            ensureCapacity(extent);
        }
    }

    private void bin(int m, long slot, float v) {
        if (stepCount[m] > 0 && slot != currentSlot[m]) flush(m);
        currentSlot[m] = slot;
        stepSum[m] += v;
        stepCount[m]++;
        measured[m] = true;
    }

    /** Writes a metric's step in progress as the average of its samples. */
    private void flush(int m) {
        if (stepCount[m] == 0) return;
        int index = (int) (currentSlot[m] - firstSlot);
        if (chunks[m] == null) chunks[m] = allocateChunks(capacity / SlotStore.CHUNK);
        put(m, index, (float) (stepSum[m] / stepCount[m]));
        stepSum[m] = 0;
        stepCount[m] = 0;
    }

    /** Grows every stored metric to at least {@code n} steps, a chunk at a time. */
    private void ensureCapacity(int n) {
        if (n <= capacity) return;
        int grownChunks = (int) ((n + (long) SlotStore.CHUNK - 1) / SlotStore.CHUNK);
        for (int m = 0; m < METRICS; m++) {
            if (chunks[m] == null) continue;
            int[] bigger = Arrays.copyOf(chunks[m], grownChunks);
            for (int c = chunks[m].length; c < grownChunks; c++)
                bigger[c] = owner.slots().allocate();
            chunks[m] = bigger;
        }
        capacity = grownChunks * SlotStore.CHUNK;
    }

    private int[] allocateChunks(int n) {
        int[] ids = new int[n];
        for (int c = 0; c < n; c++) ids[c] = owner.slots().allocate();
        return ids;
    }

    private void put(int m, int i, float v) {
        owner.slots().set(chunks[m][i / SlotStore.CHUNK], i % SlotStore.CHUNK, v);
    }

    private float slot(int m, int i) {
        return owner.slots().get(chunks[m][i / SlotStore.CHUNK], i % SlotStore.CHUNK);
    }

    /** Ends the VM (writes the last step of each metric); call once all rows are added. */
    public void finish() {
        for (int m = 0; m < METRICS; m++) flush(m);
    }

    /** Records the size a trace row states (max over rows wins; zero means not stated). */
    public void sizeSeen(int cores, double cpuMhz, double memoryMib) {
        maxCores = Math.max(maxCores, cores);
        maxCpuMhz = Math.max(maxCpuMhz, cpuMhz);
        maxMemoryMib = Math.max(maxMemoryMib, memoryMib);
    }

    public String name() {
        return name;
    }

    public String file() {
        return file;
    }

    public boolean cpuIsPercent() {
        return cpuUnit == CpuUnit.PERCENT;
    }

    /** The unit of the CPU samples; the assembler turns them into MHz with the VM's size. */
    public CpuUnit cpuUnit() {
        return cpuUnit;
    }

    /**
     * Sets the unit of the CPU samples (formats where another file than the one that created the VM
     * carries CPU); a VM whose CPU comes in two units is refused (422).
     */
    public void cpuUnit(CpuUnit unit, String file, long line) {
        if (rowsWithCpu() && unit != cpuUnit) {
            throw IngestProblems.invalid(
                    "mixed-units",
                    "VM '" + name + "' has CPU samples both in " + cpuUnit + " and in " + unit,
                    file,
                    line,
                    "cpu");
        }
        cpuUnit = unit;
    }

    private boolean rowsWithCpu() {
        return metricSeen[Metric.CPU.ordinal()] || measured[Metric.CPU.ordinal()];
    }

    /** Memory samples are a percentage (0-100) of the VM's configured memory. */
    public void memoryInPercent() {
        memoryIsPercent = true;
    }

    public boolean memoryIsPercent() {
        return memoryIsPercent;
    }

    /** Units of CPU samples: MHz, percent of the VM's MHz, or busy cores (CPU-seconds per second). */
    public enum CpuUnit {
        MHZ,
        PERCENT,
        CORES
    }

    /** Rows kept (duplicates excluded). */
    public long rows() {
        return rows;
    }

    /** Epoch-aligned index (timestamp / step) of the VM's first step. */
    public long firstSlot() {
        return firstSlot;
    }

    /** Steps from the first to the last sampled one. */
    public int extent() {
        return extent;
    }

    /** Average of step {@code i} (0 = the first step), NaN when that step has no sample of the metric. */
    public float slot(Metric metric, int i) {
        return chunks[metric.ordinal()] == null ? Float.NaN : slot(metric.ordinal(), i);
    }

    public boolean measured(Metric metric) {
        return measured[metric.ordinal()];
    }

    public int traceCores() {
        return maxCores;
    }

    public double traceCpuMhz() {
        return maxCpuMhz;
    }

    public double traceMemoryMib() {
        return maxMemoryMib;
    }
}
