package org.dcplanner.consolidation.planning;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;

/**
 * A solved plan as other features (simulation, savings) consume it.
 *
 * @param hosts      the host slots of the pool that have at least one VM (active hosts)
 * @param vmHostSlot for each VM index of the workload, the index into {@code hosts}
 * @param sizing     how the plan sized demand (percentile, headroom, window, fold)
 * @param haReserveHosts hosts whose failure the plan absorbs (0: none)
 * @param autoApproach   the plan asked for virtualization AUTO: {@code approach} is then what guests not modified for
 *                       paravirtualization run under, and {@link #approachOf} gives each VM's own
 * @param vmNames    per VM index, its name in the workload (empty when not known: matching by name impossible)
 * @param from       the plan was fitted to the workload's steps from this instant (null: its start)
 * @param to         ... up to this instant, exclusive (null: its end)
 */
public record PlacedPlan(
        UUID planId,
        UUID workloadId,
        VirtualizationApproach approach,
        Set<Metric> resources,
        double targetUtilization,
        List<PlannedHost> hosts,
        int[] vmHostSlot,
        PlanRequest.Sizing sizing,
        int haReserveHosts,
        boolean autoApproach,
        List<String> vmNames,
        Instant from,
        Instant to) {
    /** Sizing of a plan packed on its raw series (100th percentile of each step, no headroom). */
    public static final PlanRequest.Sizing RAW_SERIES = new PlanRequest.Sizing(100.0, 0.0, false, 1, false);

    public PlacedPlan {
        hosts = List.copyOf(hosts);
        resources = Set.copyOf(resources);
        vmHostSlot = vmHostSlot.clone();
        if (sizing == null) sizing = RAW_SERIES;
        haReserveHosts = Math.max(0, haReserveHosts);
        vmNames = vmNames == null ? List.of() : List.copyOf(vmNames);
    }

    /** The approach the plan gave this VM (see {@link VirtualizationChoice#AUTO}). */
    public VirtualizationApproach approachOf(org.dcplanner.consolidation.ingestion.WorkloadVm vm) {
        return autoApproach && vm.paravirtCapable() ? VirtualizationApproach.PARAVIRTUAL : approach;
    }

    /** The plan's series already include a hypervisor's overhead: the planner added none, so a replay adds none. */
    public boolean overheadInTrace() {
        return Boolean.TRUE.equals(sizing.overheadInTrace());
    }

    /** The same plan with its approach's overhead modeled, even when its sizing says the trace already includes one. */
    public PlacedPlan withModeledOverhead() {
        if (!overheadInTrace()) return this;
        return withSizing(new PlanRequest.Sizing(
                sizing.percentile(),
                sizing.headroomPercent(),
                sizing.foldDays(),
                sizing.windowSteps(),
                false,
                sizing.overloadRiskPercent()));
    }

    /** The same plan with another sizing. */
    public PlacedPlan withSizing(PlanRequest.Sizing other) {
        return new PlacedPlan(
                planId,
                workloadId,
                approach,
                resources,
                targetUtilization,
                hosts,
                vmHostSlot,
                other,
                haReserveHosts,
                autoApproach,
                vmNames,
                from,
                to);
    }

    /** One active host: its position in the pool and its catalog model. */
    public record PlannedHost(int slotIndex, String modelId) {}
}
