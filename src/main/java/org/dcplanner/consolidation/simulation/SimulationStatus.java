package org.dcplanner.consolidation.simulation;

/** Lifecycle of one stored replay. */
public enum SimulationStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED
}
