package org.dcplanner.consolidation.ingestion.format;

import java.util.Arrays;
import org.dcplanner.consolidation.ingestion.IngestProblems;
import org.dcplanner.consolidation.ingestion.IngestWarnings;
import org.dcplanner.consolidation.ingestion.Metric;

/**
 * The samples of one VM as read from its trace, before alignment to the grid: epoch-second timestamps
 * in non-decreasing order and one value per metric in canonical units (NaN = not given). CPU may be in
 * percent of the VM's capacity until its size is known ({@link #cpuIsPercent()}).
 */
public final class RawVmTrace {
    private static final int METRICS = Metric.values().length;
    private final String name;
    private final String file;
    private final boolean cpuIsPercent;
    private long[] timestamps = new long[64];
    private final float[][] values = new float[METRICS][];
    private final boolean[] measured = new boolean[METRICS];
    private int size;
    private int maxCores;
    private double maxCpuMhz;
    private double maxMemoryMib;

    public RawVmTrace(String name, String file, boolean cpuIsPercent) {
        this.name = name;
        this.file = file;
        this.cpuIsPercent = cpuIsPercent;
    }

    /**
     * Adds one row. Rule: timestamps must not decrease (422 naming the line otherwise); a row equal to
     * the previous one is a duplicate and dropped; a row repeating the previous timestamp with other
     * values is kept and averaged into its step. Both are counted as warnings.
     */
    public void add(long epochSeconds, float cpu, float memory, float disk, float network,
                    IngestWarnings warnings, long line) {
        if (size > 0) {
            long last = timestamps[size - 1];
            if (epochSeconds < last) {
                throw IngestProblems.invalid("unsorted-timestamps", "Timestamp " + epochSeconds + " of VM '" + name
                        + "' is earlier than the previous one (" + last + "); rows of a VM must be in time order",
                        file, line, "timestamp");
            }
            if (epochSeconds == last) {
                if (same(cpu, memory, disk, network)) {
                    warnings.add("duplicate-rows", 1, "%d exact duplicate rows were dropped");
                    return;
                }
                warnings.add("repeated-timestamps", 1,
                        "%d rows repeat their VM's previous timestamp with other values; they were averaged into their step");
            }
        }
        if (size == timestamps.length) grow();
        timestamps[size] = epochSeconds;
        put(0, cpu);
        put(1, memory);
        put(2, disk);
        put(3, network);
        size++;
    }

    /** Arrays are allocated on a metric's first value: CPU-only traces keep one float per sample. */
    private void put(int metric, float v) {
        if (values[metric] == null) {
            if (Float.isNaN(v)) return;
            values[metric] = new float[timestamps.length];
            Arrays.fill(values[metric], 0, size, Float.NaN);
        }
        values[metric][size] = v;
        if (!Float.isNaN(v)) measured[metric] = true;
    }

    private boolean same(float cpu, float memory, float disk, float network) {
        int i = size - 1;
        return eq(value(0, i), cpu) && eq(value(1, i), memory) && eq(value(2, i), disk) && eq(value(3, i), network);
    }

    private float value(int metric, int i) {
        return values[metric] == null ? Float.NaN : values[metric][i];
    }

    private static boolean eq(float a, float b) {
        return Float.compare(a, b) == 0;
    }

    private void grow() {
        int n = timestamps.length * 2;
        timestamps = Arrays.copyOf(timestamps, n);
        for (int m = 0; m < METRICS; m++) {
            if (values[m] != null) values[m] = Arrays.copyOf(values[m], n);
        }
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

    public int size() {
        return size;
    }

    public long timestamp(int i) {
        return timestamps[i];
    }

    /** The value of sample i, NaN when not given. */
    public float value(Metric metric, int i) {
        return value(metric.ordinal(), i);
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
