package org.dcplanner.consolidation.planning;

import java.util.Optional;
import java.util.UUID;

/** The planning feature's read API for simulation and savings. */
public interface PlanLookup {
    /** The plan's current best placement, if the solver produced one (COMPLETED, or stopped with a solution). */
    Optional<PlacedPlan> placedPlan(UUID planId);

    boolean exists(UUID planId);

    /** Where a plan's job stands, empty when the plan does not exist. */
    Optional<PlanState> state(UUID planId);

    /** A plan's status, its error when FAILED and its active hosts once it has a placement. */
    record PlanState(PlanStatus status, String error, Integer hostsUsed) {
    }
}
