package org.dcplanner.consolidation.planning;

import java.util.Optional;
import java.util.UUID;

/** The planning feature's read API for simulation and savings. */
public interface PlanLookup {
    /** The plan's current best placement, if the solver produced one (COMPLETED, or stopped with a solution). */
    Optional<PlacedPlan> placedPlan(UUID planId);

    boolean exists(UUID planId);

    /** The catalog model id of every slot of the plan's host pool, in slot order (empty when unknown). */
    default java.util.List<String> poolModels(UUID planId) {
        return java.util.List.of();
    }
}
