package org.dcplanner.consolidation.simulation;

import java.util.List;
import java.util.UUID;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;

/** The simulation feature's read API for savings: the replayed IT power of a plan. */
public interface PlanPowerLookup {
    /**
     * The replayed IT power of a plan's active hosts under its own approach: the stored run when
     * COMPLETED, otherwise replayed now (not stored).
     */
    PlanPower planPower(UUID planId);

    /**
     * For a plan made from today's placement: today's hosts in use and their IT power, replayed on the plan's
     * workload with every VM where it runs today (empty for other plans).
     */
    java.util.Optional<PlanPower> todaysPower(UUID planId);

    /** A plan's active hosts and their replayed IT power in watts. */
    record PlanPower(
            VirtualizationApproach approach,
            List<HostModel> hosts,
            double averageItWatts,
            double peakItWatts,
            boolean fromStoredSimulation) {}
}
