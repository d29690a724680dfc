package org.dcplanner.consolidation.planning;

import java.util.UUID;

/** The planning feature's job API for features above it (backtests): start, check and stop plans. */
public interface PlanJobs {
    /**
     * Validates (400/404/422), stores the plan QUEUED under the given id and queues its solve; when a plan with
     * that id exists already nothing is started (a job that must not start a plan twice derives the id). The plan
     * is stored in {@code workspace}: a job on a background thread passes the workspace it was requested from.
     */
    UUID start(PlanRequest request, UUID id, String workspace);

    /** Checks a request's shape as {@link #start} would (400 naming the field) without loading anything. */
    PlanRequest validate(PlanRequest request);

    /** Stops a queued/solving plan (false: stop requested) or deletes a finished one (true). */
    boolean stopOrDelete(UUID id);
}
