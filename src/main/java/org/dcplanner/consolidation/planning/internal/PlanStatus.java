package org.dcplanner.consolidation.planning.internal;

/** Life cycle of a plan job. */
public enum PlanStatus {
    QUEUED,
    SOLVING,
    COMPLETED,
    FAILED,
    CANCELLED;

    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
