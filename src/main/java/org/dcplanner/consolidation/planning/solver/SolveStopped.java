package org.dcplanner.consolidation.planning.solver;

/**
 * A stop request seen by a long loop that keeps no partial result (the lower bounds, the first-fit baselines, the
 * risk sizing's probes): it unwinds to the caller, which ends with what it already has. No stack trace (control flow).
 */
public final class SolveStopped extends RuntimeException {
    public SolveStopped() {
        super("stopped before a placement existed", null, false, false);
    }
}
