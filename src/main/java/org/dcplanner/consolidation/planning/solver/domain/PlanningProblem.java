package org.dcplanner.consolidation.planning.solver.domain;

import java.util.List;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.planning.Objective;
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
 * @param rules             affinity groups and VM-to-host-group rules ({@link PlacementRules#NONE}: none)
 */
public record PlanningProblem(
        List<Metric> resources,
        int steps,
        float[][][] demand,
        List<String> vmNames,
        List<HostSlotSpec> slots,
        int[] pinnedSlot,
        int[] antiAffinityGroup,
        boolean[] paravirtCapable,
        VirtualizationApproach approach,
        int haReserveHosts,
        Objective objective,
        List<LimitRow> limitRows,
        PlacementRules rules) {

    /**
     * A density limit packed like a resource: after the metric rows, {@code demand} and slot capacities have one row
     * per limit, constant over the steps (configured vCPUs against cores x ratio; 1 per VM against the VMs a host
     * may hold). The solver treats every row alike.
     */
    public enum LimitRow {
        VCPUS("vCPUs"),
        VMS("VMs");

        private final String unit;

        LimitRow(String unit) {
            this.unit = unit;
        }

        public String unit() {
            return unit;
        }
    }

    /** No density limits (one row per metric) and no placement rules. */
    public PlanningProblem(
            List<Metric> resources,
            int steps,
            float[][][] demand,
            List<String> vmNames,
            List<HostSlotSpec> slots,
            int[] pinnedSlot,
            int[] antiAffinityGroup,
            boolean[] paravirtCapable,
            VirtualizationApproach approach,
            int haReserveHosts,
            Objective objective) {
        this(
                resources,
                steps,
                demand,
                vmNames,
                slots,
                pinnedSlot,
                antiAffinityGroup,
                paravirtCapable,
                approach,
                haReserveHosts,
                objective,
                List.of(),
                PlacementRules.NONE);
    }

    public PlanningProblem {
        limitRows = limitRows == null ? List.of() : List.copyOf(limitRows);
        rules = rules == null ? PlacementRules.NONE : rules;
    }

    /** This problem under other placement rules. */
    public PlanningProblem withRules(PlacementRules newRules) {
        return with(steps, demand, slots, pinnedSlot, newRules);
    }

    /** The same problem over other steps, slots or pins (VMs, rules and objective unchanged). */
    public PlanningProblem with(int newSteps, float[][][] newDemand, List<HostSlotSpec> newSlots, int[] newPins) {
        return with(newSteps, newDemand, newSlots, newPins, rules);
    }

    /** The same VMs (names, groups, approach, reserve, objective and limits) over other steps, slots, pins and rules. */
    public PlanningProblem with(
            int newSteps, float[][][] newDemand, List<HostSlotSpec> newSlots, int[] newPins, PlacementRules newRules) {
        return new PlanningProblem(
                resources,
                newSteps,
                newDemand,
                vmNames,
                newSlots,
                newPins,
                antiAffinityGroup,
                paravirtCapable,
                approach,
                haReserveHosts,
                objective,
                limitRows,
                newRules);
    }

    /** Rows of {@code demand} and of slot capacities: the metrics, then the limits. */
    public int rows() {
        return resources.size() + limitRows.size();
    }

    /** Row r's name: the metric's (CPU, MEMORY, …) or the limit's (VCPUS, VMS). */
    public String rowName(int r) {
        return r < resources.size()
                ? resources.get(r).name()
                : limitRows.get(r - resources.size()).name();
    }

    /** Row r's unit: MHz, MiB, KB/s, vCPUs or VMs. */
    public String rowUnit(int r) {
        return r < resources.size()
                ? resources.get(r).unit()
                : limitRows.get(r - resources.size()).unit();
    }

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
    public record HostSlotSpec(
            String modelId,
            double[] capacity,
            double idleWatts,
            double maxWatts,
            double yearlyCost,
            boolean hardwareAssist) {}
}
