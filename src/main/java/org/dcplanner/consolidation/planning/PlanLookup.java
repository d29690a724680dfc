package org.dcplanner.consolidation.planning;

import java.util.Optional;
import java.util.UUID;

/** The planning feature's read API for simulation and savings. */
public interface PlanLookup {
    /** The plan's current best placement, if the solver produced one (COMPLETED, or stopped with a solution). */
    Optional<PlacedPlan> placedPlan(UUID planId);

    boolean exists(UUID planId);

    /**
     * For a plan made from today's placement: the same plan with each VM on today's host instead (VMs without a known
     * host on their planned one), the "before" its savings compare against; empty for other plans.
     */
    default Optional<PlacedPlan> todaysPlacement(UUID planId) {
        return Optional.empty();
    }

    /** The catalog model id of every slot of the plan's host pool, in slot order (empty when unknown). */
    default java.util.List<String> poolModels(UUID planId) {
        return java.util.List.of();
    }

    /** A time-windowed plan's placement per window (empty for a plan with one placement). */
    default Optional<WindowSchedule> windowSchedule(UUID planId) {
        return Optional.empty();
    }

    /** Where a plan's job stands, empty when the plan does not exist. */
    Optional<PlanState> state(UUID planId);

    /**
     * A plan's job state.
     *
     * @param status    QUEUED, SOLVING, COMPLETED, FAILED or CANCELLED
     * @param finished  COMPLETED, FAILED or CANCELLED
     * @param error     why it FAILED (null otherwise)
     * @param hostsUsed its active hosts once it has a placement
     */
    record PlanState(String status, boolean finished, String error, Integer hostsUsed) {
        public boolean failed() {
            return "FAILED".equals(status);
        }
    }
}
