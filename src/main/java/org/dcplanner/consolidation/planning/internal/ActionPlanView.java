package org.dcplanner.consolidation.planning.internal;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.dcplanner.consolidation.export.Table;

/**
 * GET /api/v1/plans/{id}/actions: the way from today's placement to the plan's.
 *
 * @param hostsToday hosts running VMs today
 * @param hostsAfter hosts running VMs once the actions are done
 * @param actions    the steps, in order
 * @param totals     migrations, placements, GiB moved, duration, power steps
 */
record ActionPlanView(
        UUID planId, int hostsToday, int hostsAfter, List<ActionPlan.Action> actions, ActionPlan.Totals totals) {

    static ActionPlanView of(UUID planId, int[] today, int[] planned, ActionPlan plan) {
        return new ActionPlanView(planId, hostsIn(today), hostsIn(planned), plan.actions(), plan.totals());
    }

    /**
     * The action plan from placement {@code from} to {@code to} on the plan's sized problem: memory moved is each VM's
     * configured memory, durations from the destination's network bandwidth.
     */
    static ActionPlanView between(
            UUID planId,
            PlanProblemFactory.BuiltProblem built,
            org.dcplanner.consolidation.inventory.HostCatalog catalog,
            List<String> hostNames,
            int[] from,
            int[] to) {
        double[] memory = built.vms().stream()
                .mapToDouble(org.dcplanner.consolidation.ingestion.WorkloadVm::memoryMib)
                .toArray();
        double[] network = built.slotModels().stream()
                .mapToDouble(m -> catalog.find(m).map(h -> h.networkKBps()).orElse(0.0))
                .toArray();
        ActionPlan plan = new ActionPlanBuilder(built.problem(), hostNames, memory, network).build(from, to);
        return of(planId, from, to, plan);
    }

    private static int hostsIn(int[] vmSlot) {
        return (int) IntStream.of(vmSlot).filter(s -> s >= 0).distinct().count();
    }

    /** The CSV columns, one row per action. */
    static final List<String> CSV_HEADER = List.of(
            "order",
            "action",
            "vm",
            "fromHost",
            "toHost",
            "memoryMib",
            "startSeconds",
            "durationSeconds",
            "staging",
            "overCapacity");

    /** The actions as a table for the CSV export, one row per action in order. */
    Table table() {
        List<List<Object>> rows = actions.stream()
                .map(a -> List.<Object>of(
                        a.order(),
                        a.kind().name(),
                        a.vm() == null ? "" : a.vm(),
                        a.fromHost() == null ? "" : a.fromHost(),
                        a.toHost() == null ? "" : a.toHost(),
                        a.memoryMib(),
                        a.startSeconds(),
                        a.durationSeconds(),
                        String.valueOf(a.staging()),
                        String.valueOf(a.overCapacity())))
                .toList();
        return new Table("actions", CSV_HEADER, rows);
    }
}
