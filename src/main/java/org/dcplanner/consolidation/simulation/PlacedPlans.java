package org.dcplanner.consolidation.simulation;

import java.util.UUID;
import org.dcplanner.consolidation.planning.PlacedPlan;
import org.dcplanner.consolidation.planning.PlanLookup;
import org.dcplanner.consolidation.problem.ApiException;

/** The placement simulation and savings work from: 404 for an unknown plan, 422 while it has no placement. */
public final class PlacedPlans {
    private PlacedPlans() {}

    public static PlacedPlan require(PlanLookup plans, UUID planId) {
        return plans.placedPlan(planId)
                .orElseThrow(() -> plans.exists(planId)
                        ? ApiException.unprocessable("plan-not-placed", "plan " + planId + " has no placement yet")
                        : ApiException.notFound("plan", planId));
    }
}
