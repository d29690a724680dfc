package org.dcplanner.consolidation.ingestion.format;

import java.util.Arrays;
import org.dcplanner.consolidation.ingestion.IngestProblems;
import org.dcplanner.consolidation.ingestion.IngestWarnings;
import org.dcplanner.consolidation.ingestion.Metric;

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
    private final boolean cpuIsPercent;
    private final ParsedTraces owner;
    private final float[] last = new float[METRICS];
    private final boolean[] measured = new boolean[METRICS];
    private final double[] stepSum = new double[METRICS];
    private final int[] stepCount = new int[METRICS];
    private final float[][] slots = new float[METRICS][];
    private long rows;
    private long lastTimestamp;
    private boolean pending;
    private long firstSlot;
    private long currentSlot;
    private int extent;
    private int capacity;
    private int maxCores;
    private double maxCpuMhz;
    private double maxMemoryMib;

    VmTrace(String name, String file, boolean cpuIsPercent, ParsedTraces owner) {
        this.name = name;
        this.file = file;
        this.cpuIsPercent = cpuIsPercent;
        this.owner = owner;
    }

    /**
     * Adds one row. Rule: timestamps must not decrease (422 naming the line otherwise); a row equal to
     * the previous one is a duplicate and dropped; a row repeating the previous timestamp with other
     * values is kept and averaged into its step. Both are counted as warnings.
     */
    public void add(long epochSeconds, float cpu, float memory, float disk, float network,
                    IngestWarnings warnings, long line) {
        if (rows > 0) {
            if (epochSeconds < lastTimestamp) {
                throw IngestProblems.invalid("unsorted-timestamps", "Timestamp " + epochSeconds + " of VM '" + name
                        + "' is earlier than the previous one (" + lastTimestamp + "); rows of a VM must be in time order",
                        file, line, "timestamp");
            }
            if (epochSeconds == lastTimestamp) {
                if (eq(last[0], cpu) && eq(last[1], memory) && eq(last[2], disk) && eq(last[3], network)) {
                    warnings.add("duplicate-rows", 1, "%d exact duplicate rows were dropped");
                    return;
                }
                warnings.add("repeated-timestamps", 1,
                        "%d rows repeat their VM's previous timestamp with other values; they were averaged into their step");
            } else {
                owner.intervalSeen(epochSeconds - lastTimestamp);
            }
        }
        last[0] = cpu;
        last[1] = memory;
        last[2] = disk;
        last[3] = network;
        if (owner.stepSeconds() > 0) bin(epochSeconds);
        lastTimestamp = epochSeconds;
        rows++;
    }

    private static boolean eq(float a, float b) {
        return Float.compare(a, b) == 0;
    }

    private void bin(long epochSeconds) {
        long slot = Math.floorDiv(epochSeconds, owner.stepSeconds());
        if (rows == 0) {
            firstSlot = slot;
            currentSlot = slot;
        } else if (slot != currentSlot) {
            flush();
            currentSlot = slot;
        }
        for (int m = 0; m < METRICS; m++) {
            float v = last[m];
            if (Float.isNaN(v)) continue;
            stepSum[m] += v;
            stepCount[m]++;
            measured[m] = true;
        }
        pending = true;
    }

    /** Writes the step in progress as the average of its samples. */
    private void flush() {
        if (!pending) return;
        long index = currentSlot - firstSlot;
        if (index >= extent) {
            owner.reserveSteps(index + 1 - extent, name);
            extent = (int) (index + 1);
            ensureCapacity(extent);
        }
        for (int m = 0; m < METRICS; m++) {
            if (stepCount[m] == 0) continue;
            if (slots[m] == null) slots[m] = nanArray(capacity);
            slots[m][(int) index] = (float) (stepSum[m] / stepCount[m]);
            stepSum[m] = 0;
            stepCount[m] = 0;
        }
        pending = false;
    }

    private void ensureCapacity(int n) {
        if (n <= capacity) return;
        int grown = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(n, Math.max(16, capacity * 2L)));
        for (int m = 0; m < METRICS; m++) {
            if (slots[m] == null) continue;
            float[] bigger = Arrays.copyOf(slots[m], grown);
            Arrays.fill(bigger, capacity, grown, Float.NaN);
            slots[m] = bigger;
        }
        capacity = grown;
    }

    private static float[] nanArray(int n) {
        float[] a = new float[n];
        Arrays.fill(a, Float.NaN);
        return a;
    }

    /** Ends the VM (writes the last step); call once all rows are added. */
    public void finish() {
        flush();
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
        return cpuIsPercent;
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
        float[] s = slots[metric.ordinal()];
        return s == null ? Float.NaN : s[i];
    }

    public boolean measured(Metric metric) {
        return measured[metric.ordinal()];
    }

    /** Frees a metric's steps once they are aligned. */
    public void release(Metric metric) {
        slots[metric.ordinal()] = null;
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
