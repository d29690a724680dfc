package org.dcplanner.consolidation.ingestion.internal;

import java.util.Locale;

/** Trace formats ingestion reads; see docs/ingestion.md for each one's exact layout. */
public enum WorkloadFormat {
    /** PlanetLab/CoMon (CloudSim): one file per VM, one CPU % per line, 288 lines at 300 s. */
    PLANETLAB,
    /** Bitbrains GWA-T-12: one {@code ;}+TAB separated file per VM with 11 columns. */
    BITBRAINS,
    /** The project's generic long CSV: one row per VM and timestamp. */
    CSV,
    /** vCenter performance statistics exported by PowerCLI (Get-Stat | Export-Csv): one row per VM, statistic and time. */
    VCENTER,
    /** VMware Aria Operations statistics: Get-OMStat | Export-Csv (long) or the vrops-export tool's CSV (wide). */
    ARIA,
    /** Prometheus range-query answers (JSON), one file per resource. */
    PROMETHEUS,
    /** Azure Public Dataset V1/V2: vmtable + vm_cpu_readings. */
    AZURE,
    /** Alibaba cluster-trace v2018: container_usage/machine_usage (+ container_meta/machine_meta). */
    ALIBABA,
    /** Google cluster-data 2019 instance_usage, exported as CSV. */
    GOOGLE,
    /** An RVTools export alone (.xlsx, its vInfo CSV or a zip of its CSV sheets): a one-step snapshot. */
    RVTOOLS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** All format names, comma separated. */
    public static String ids() {
        StringBuilder b = new StringBuilder();
        for (WorkloadFormat f : values()) b.append(b.isEmpty() ? "" : ", ").append(f.id());
        return b.toString();
    }

    /** The format named by a request parameter, or 415 when there is no such format. */
    public static WorkloadFormat fromId(String id) {
        for (WorkloadFormat f : values()) {
            if (f.id().equalsIgnoreCase(id.trim())) return f;
        }
        throw IngestProblems.unsupportedFormat("Unknown format '" + id + "'; use " + ids(), null)
                .with("field", "format");
    }
}
