package org.dcplanner.consolidation.planning;

import java.time.Instant;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.problem.ApiException;

/** The steps of a workload a plan is fitted to: its whole grid, or a window [from, to) of it (422 when empty). */
public final class PlanWindow {
    private PlanWindow() {}

    /** The workload cut to the steps starting in [from, to); null bounds are open; 422 naming from/to when no step is left. */
    public static LoadedWorkload apply(LoadedWorkload workload, Instant from, Instant to) {
        if (from == null && to == null) return workload;
        try {
            return workload.window(from, to);
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable("empty-window", e.getMessage())
                    .at(null, null, from != null ? "from" : "to");
        }
    }
}
