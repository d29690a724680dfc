package org.dcplanner.consolidation.ingestion;

import java.util.Locale;

/** Trace formats ingestion reads; see docs/ingestion.md for each one's exact layout. */
public enum WorkloadFormat {
    /** PlanetLab/CoMon (CloudSim): one file per VM, one CPU % per line, 288 lines at 300 s. */
    PLANETLAB,
    /** Bitbrains GWA-T-12: one {@code ;}+TAB separated file per VM with 11 columns. */
    BITBRAINS,
    /** The project's generic long CSV: one row per VM and timestamp. */
    CSV;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named by a request parameter, or 415 when there is no such format. */
    public static WorkloadFormat fromId(String id) {
        for (WorkloadFormat f : values()) {
            if (f.id().equalsIgnoreCase(id.trim())) return f;
        }
        throw IngestProblems.unsupportedFormat("Unknown format '" + id + "'; use planetlab, bitbrains or csv", null)
                .with("field", "format");
    }
}
