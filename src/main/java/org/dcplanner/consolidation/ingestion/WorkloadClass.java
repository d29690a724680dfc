package org.dcplanner.consolidation.ingestion;

/**
 * What kind of work a VM does; selects the overhead-model defaults (kernel share, page-table
 * activity, I/O intensity) when the trace itself does not carry them.
 */
public enum WorkloadClass {
    COMPUTE,
    WEB,
    DATABASE,
    BATCH_IO
}
