package org.dcplanner.consolidation.ingestion;

/** A resource measured in a workload trace, with the canonical unit every stored series uses. */
public enum Metric {
    /** CPU demand in MHz (absolute, not percent). */
    CPU("cpuMhz", "MHz"),
    /** Memory in use in MiB. */
    MEMORY("memoryMib", "MiB"),
    /** Disk read + write throughput in KB/s. */
    DISK("diskKBps", "KB/s"),
    /** Network received + transmitted throughput in KB/s. */
    NETWORK("networkKBps", "KB/s");

    private final String field;
    private final String unit;

    Metric(String field, String unit) {
        this.field = field;
        this.unit = unit;
    }

    /** JSON/CSV field name, with its unit in the name. */
    public String field() {
        return field;
    }

    public String unit() {
        return unit;
    }
}
