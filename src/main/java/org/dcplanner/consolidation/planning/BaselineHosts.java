package org.dcplanner.consolidation.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.planning.internal.DemandSizer;
import org.dcplanner.consolidation.planning.internal.PlanProblemFactory;
import org.dcplanner.consolidation.planning.internal.RiskSizing;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem.HostSlotSpec;
import org.dcplanner.consolidation.planning.solver.start.Baselines;
import org.dcplanner.consolidation.planning.solver.start.LowerBounds;
import org.dcplanner.consolidation.virtualization.OverheadModel;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;

/**
 * Public facade over the solver's time-series first-fit-decreasing baseline ({@link Baselines#timeSeriesFfd})
 * on copies of one host model, with the planner's own sizing ({@link DemandSizer}) — so "hosts needed" outside
 * the planner (the approach comparison) is the number a plan reports as its baseline on the same demand.
 * The pool grows (doubling, up to one host per VM) until the packing leaves a host unused, so no VM is
 * forced onto an overflowing host for want of hosts.
 */
public final class BaselineHosts {
    private BaselineHosts() {}

    /**
     * @param vmHost per VM, its host (dense, 0 .. hosts − 1)
     * @param peakUtilization per resource (as listed), mean over hosts of their peak demand ÷ usable capacity
     */
    public record Packing(int[] vmHost, int hosts, List<Metric> resources, double[] peakUtilization) {
        /** The resource with the highest mean peak utilization. */
        public Metric bindingResource() {
            int best = 0;
            for (int r = 1; r < peakUtilization.length; r++) if (peakUtilization[r] > peakUtilization[best]) best = r;
            return resources.get(best);
        }
    }

    /**
     * Sizes the workload as the planner does for {@code approach}, then packs it; a risk-targeted sizing packs the
     * effective demand onto derated copies of the model, as its plan did ({@link RiskSizing}).
     */
    public static Packing timeSeriesFfd(
            LoadedWorkload w,
            List<Metric> resources,
            PlanRequest.Sizing sizing,
            VirtualizationApproach approach,
            OverheadModel overhead,
            HostModel model,
            double targetUtilization) {
        HostSlotSpec spec = PlanProblemFactory.slotSpec(model, resources, targetUtilization);
        if (sizing.riskTargeted()) {
            int n = Math.max(1, w.vms().size());
            PlanRequest request = new PlanRequest(
                    w.id(),
                    null,
                    List.of(new PlanRequest.PoolEntry(model.id(), n)),
                    resources,
                    sizing,
                    VirtualizationChoice.valueOf(approach.name()),
                    targetUtilization,
                    0,
                    Objective.HOSTS,
                    1,
                    java.util.Map.of(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
            RiskSizing risk = RiskSizing.of(w, request, overhead, Collections.nCopies(n, spec));
            return pack(
                    risk.sized().demand(),
                    risk.sized().steps(),
                    resources,
                    w.vms(),
                    approach,
                    risk.slots().get(0));
        }
        DemandSizer.SizedDemand sized = DemandSizer.size(w, resources, sizing, approach, overhead);
        return pack(sized.demand(), sized.steps(), resources, w.vms(), approach, spec);
    }

    /** Packs host-side demand {@code [r][vm][step]} (resources as listed) onto copies of {@code model}. */
    public static Packing pack(
            float[][][] demand,
            int steps,
            List<Metric> resources,
            List<WorkloadVm> vms,
            VirtualizationApproach approach,
            HostModel model,
            double targetUtilization) {
        return pack(
                demand,
                steps,
                resources,
                vms,
                approach,
                PlanProblemFactory.slotSpec(model, resources, targetUtilization));
    }

    private static Packing pack(
            float[][][] demand,
            int steps,
            List<Metric> resources,
            List<WorkloadVm> vms,
            VirtualizationApproach approach,
            HostSlotSpec spec) {
        int n = vms.size();
        int[] noPins = new int[n];
        Arrays.fill(noPins, -1);
        int[] groups = PlanProblemFactory.antiAffinityGroups(vms);
        boolean[] paravirt = new boolean[n];
        List<String> names = new ArrayList<>(n);
        for (int v = 0; v < n; v++) {
            names.add(vms.get(v).name());
            paravirt[v] = vms.get(v).paravirtCapable();
        }
        int bound = LowerBounds.lowerBoundHosts(new PlanningProblem(
                resources,
                steps,
                demand,
                names,
                List.of(spec),
                noPins,
                groups,
                paravirt,
                approach,
                0,
                Objective.HOSTS));
        int slots = Math.min(Math.max(1, n), 2 * bound + 4);
        while (true) {
            PlanningProblem p = new PlanningProblem(
                    resources,
                    steps,
                    demand,
                    names,
                    Collections.nCopies(slots, spec),
                    noPins,
                    groups,
                    paravirt,
                    approach,
                    0,
                    Objective.HOSTS);
            int[] slotOf = Baselines.timeSeriesFfd(new DemandModel(p), 1.0);
            int used = Baselines.hostsUsed(slotOf);
            if (used < slots || slots >= n) return packing(slotOf, used, demand, steps, resources, spec);
            slots = Math.min(n, slots * 2);
        }
    }

    private static Packing packing(
            int[] slotOf, int used, float[][][] demand, int steps, List<Metric> resources, HostSlotSpec spec) {
        int[] dense = new int[slotOf.length];
        java.util.Map<Integer, Integer> index = new java.util.TreeMap<>();
        for (int s : slotOf) if (s >= 0) index.putIfAbsent(s, 0);
        int next = 0;
        for (java.util.Map.Entry<Integer, Integer> e : index.entrySet()) e.setValue(next++);
        for (int v = 0; v < slotOf.length; v++) dense[v] = slotOf[v] < 0 ? -1 : index.get(slotOf[v]);
        double[] util = new double[resources.size()];
        for (int r = 0; r < resources.size(); r++) {
            float[][] sum = new float[used][steps];
            for (int v = 0; v < dense.length; v++) {
                if (dense[v] < 0) continue;
                for (int t = 0; t < steps; t++) sum[dense[v]][t] += demand[r][v][t];
            }
            for (float[] host : sum) {
                float peak = 0;
                for (float x : host) peak = Math.max(peak, x);
                if (spec.capacity()[r] > 0) util[r] += peak / spec.capacity()[r] / used;
            }
        }
        return new Packing(dense, used, List.copyOf(resources), util);
    }
}
