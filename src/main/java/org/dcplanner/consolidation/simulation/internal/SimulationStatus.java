package org.dcplanner.consolidation.simulation.internal;

/** Lifecycle of one stored replay. */
public enum SimulationStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED
}
