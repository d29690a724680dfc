package org.dcplanner.consolidation.planning.solver.domain;

import java.util.List;

import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;

/**
 * Everything the solver needs, already sized: demand is host-side (after percentile/headroom sizing
 * and virtualization overhead), capacities already multiplied by the target utilization.
 *
 * @param resources         enforced resources; index r of {@code demand} and slot capacities
 * @param demand            {@code [r][vm][step]} host-side demand in the metric's unit
 * @param vmNames           per VM, for explanations
 * @param slots             the host pool, one entry per physical host that may be switched on
 * @param pinnedSlot        per VM: the slot it must run on, or -1
 * @param antiAffinityGroup per VM: group id (VMs of one group on different hosts), or -1
 * @param paravirtCapable   per VM: guest OS modified for paravirtualization
 * @param haReserveHosts    the VMs of any this-many failed active hosts must fit on the other active hosts
 */
public record PlanningProblem(List<Metric> resources, int steps, float[][][] demand, List<String> vmNames,
                              List<HostSlotSpec> slots, int[] pinnedSlot, int[] antiAffinityGroup,
                              boolean[] paravirtCapable, VirtualizationApproach approach, int haReserveHosts,
                              Objective objective) {

    public int vmCount() {
        return vmNames.size();
    }

    /**
     * One physical host of the pool.
     *
     * @param capacity       {@code [r]} usable capacity (capacity x target utilization) per resource
     * @param idleWatts      power at 0 % load when on
     * @param maxWatts       power at 100 % load
     * @param yearlyCost     cost of keeping it on for a year (maintenance + amortized purchase)
     * @param hardwareAssist supports VT-x/AMD-V with nested paging
     */
    public record HostSlotSpec(String modelId, double[] capacity, double idleWatts, double maxWatts,
                               double yearlyCost, boolean hardwareAssist) {
    }

    /** What "fewest hosts" means after feasibility. */
    public enum Objective { HOSTS, COST, POWER }
}
