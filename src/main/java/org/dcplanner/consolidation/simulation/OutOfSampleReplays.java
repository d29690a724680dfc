package org.dcplanner.consolidation.simulation;

import java.time.Instant;
import java.util.UUID;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;

/** The simulation feature's API for backtests: replay a plan's placement on another workload or window, at once. */
public interface OutOfSampleReplays {
    /**
     * What to replay on.
     *
     * @param workloadId     the workload (null: the plan's own)
     * @param from           first instant of the window (null: the workload's start)
     * @param to             end of the window, exclusive (null: the workload's end)
     * @param virtualization approach to replay under (null: the plan's)
     */
    record Target(UUID workloadId, Instant from, Instant to, VirtualizationApproach virtualization) {}

    /** Replays now, on the calling thread, without storing (backtests store their folds themselves). */
    OutOfSampleResult replayNow(UUID planId, Target target);
}
