package org.dcplanner.consolidation.planning.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.planning.PlanRequest;
import org.dcplanner.consolidation.planning.internal.DemandSizer.SizedDemand;
import org.dcplanner.consolidation.planning.solver.SolveStopped;
import org.dcplanner.consolidation.planning.solver.StopPoll;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem.HostSlotSpec;
import org.dcplanner.consolidation.planning.solver.start.Baselines;
import org.dcplanner.consolidation.virtualization.OverheadModel;

/**
 * Risk mode of a plan ({@code sizing.overloadRiskPercent}): the effective demand and derated slots the solver packs,
 * so that every host and step satisfies mean + z·sd ≤ capacity ({@link OverloadRiskModel#packingDemand}).
 * <p>
 * The target is a share of <em>all</em> active host-steps, and most host-steps sit well below the binding one, so
 * z is not a fixed quantile of the target: it is the smallest z (bisection on [0, 8]) whose time-series
 * first-fit-decreasing packing of the effective demand has an estimated share ({@link OverloadRiskModel#estimatePercent})
 * at or below the target; when no z whose effective demand still packs into the pool reaches the target, the largest
 * such z (the plan's estimate then shows the target was not reached). The solver packs against that z; its plan's own
 * estimate is reported with it.
 */
public record RiskSizing(SizedDemand sized, List<HostSlotSpec> slots, double z, OverloadRiskModel model) {
    private static final double MAX_Z = 8;
    private static final int BISECTIONS = 12;

    public static RiskSizing of(
            LoadedWorkload workload, PlanRequest request, OverheadModel overhead, List<HostSlotSpec> slots) {
        return of(workload, request, overhead, slots, StopPoll.never());
    }

    /** The same, checking {@code stop} in every probe's packing ({@link SolveStopped} when it is on). */
    public static RiskSizing of(
            LoadedWorkload workload,
            PlanRequest request,
            OverheadModel overhead,
            List<HostSlotSpec> slots,
            StopPoll stop) {
        // each VM under the approach the plan gives it (AUTO: per VM, by the pool's hardware assist)
        boolean poolHardwareAssist = slots.stream().allMatch(HostSlotSpec::hardwareAssist);
        OverloadRiskModel model = OverloadRiskModel.of(
                workload,
                request.resources(),
                request.sizing().headroomPercent(),
                request.virtualization().perVm(workload.vms(), poolHardwareAssist),
                overhead);
        int resources = request.resources().size();
        double[] largest = new double[resources];
        double targetUtilization = request.targetUtilization() == null ? 1 : request.targetUtilization();
        double[][] physical = new double[resources][slots.size()];
        for (int slot = 0; slot < slots.size(); slot++) {
            HostSlotSpec s = slots.get(slot);
            for (int r = 0; r < resources; r++) {
                largest[r] = Math.max(largest[r], s.capacity()[r]);
                physical[r][slot] = s.capacity()[r] / targetUtilization;
            }
        }
        double target = request.sizing().overloadRiskPercent();
        // the largest z whose effective demand still packs (a larger z derates hosts until some VM fits nowhere)
        double placeable = MAX_Z;
        if (!outcome(model, MAX_Z, largest, slots, workload, request, physical, stop)
                .placed()) {
            double lo = 0;
            double hi = MAX_Z;
            for (int i = 0; i < BISECTIONS; i++) {
                double z = (lo + hi) / 2;
                if (outcome(model, z, largest, slots, workload, request, physical, stop)
                        .placed()) lo = z;
                else hi = z;
            }
            placeable = lo;
        }
        // the smallest placeable z whose packing meets the target; the largest placeable one when none does
        double lo = 0;
        double hi = placeable;
        for (int i = 0; i < BISECTIONS; i++) {
            double z = (lo + hi) / 2;
            Probe p = outcome(model, z, largest, slots, workload, request, physical, stop);
            if (p.placed() && p.estimatePercent() <= target) hi = z;
            else lo = z;
        }
        Candidate chosen = candidate(model, hi, largest, slots, workload, request);
        return new RiskSizing(chosen.sized(), chosen.problem().slots(), hi, model);
    }

    private record Candidate(SizedDemand sized, PlanningProblem problem) {}

    /** A first-fit-decreasing packing of the effective demand at some z: whether every VM found a host, and its estimate. */
    private record Probe(boolean placed, double estimatePercent) {}

    private static Probe outcome(
            OverloadRiskModel model,
            double z,
            double[] largest,
            List<HostSlotSpec> slots,
            LoadedWorkload workload,
            PlanRequest request,
            double[][] physical,
            StopPoll stop) {
        stop.check();
        Candidate c = candidate(model, z, largest, slots, workload, request);
        for (HostSlotSpec s : c.problem().slots()) {
            for (double capacity : s.capacity()) if (!(capacity > 0)) return new Probe(false, Double.NaN);
        }
        DemandModel m = new DemandModel(c.problem());
        int[] ffd = Baselines.timeSeriesFfd(m, 1.0, stop);
        boolean placed = withinCapacity(m, ffd);
        return new Probe(placed, placed ? model.estimatePercent(ffd, physical) : Double.NaN);
    }

    /** Whether every VM has a slot and no slot's summed demand passes its capacity at any step (first fit falls back to overflow). */
    private static boolean withinCapacity(DemandModel m, int[] slotOf) {
        long[][] load = new long[m.slots()][];
        for (int vm = 0; vm < slotOf.length; vm++) {
            if (slotOf[vm] < 0) return false;
            if (load[slotOf[vm]] == null) load[slotOf[vm]] = new long[m.resources() * m.steps()];
            for (int r = 0; r < m.resources(); r++) {
                for (int t = 0; t < m.steps(); t++) load[slotOf[vm]][r * m.steps() + t] += m.demand(r, vm, t);
            }
        }
        for (int s = 0; s < load.length; s++) {
            if (load[s] == null) continue;
            for (int r = 0; r < m.resources(); r++) {
                for (int t = 0; t < m.steps(); t++) if (load[s][r * m.steps() + t] > m.capacity(r, s)) return false;
            }
        }
        return true;
    }

    /** Effective demand and derated slots at this z, as a bare problem (no pins or groups) for the first-fit probe. */
    private static Candidate candidate(
            OverloadRiskModel model,
            double z,
            double[] largest,
            List<HostSlotSpec> slots,
            LoadedWorkload workload,
            PlanRequest request) {
        OverloadRiskModel.Packing packing = model.packingDemand(z, largest);
        List<HostSlotSpec> derated = new ArrayList<>(slots.size());
        for (HostSlotSpec s : slots) {
            double[] capacity = s.capacity().clone();
            for (int r = 0; r < capacity.length; r++) capacity[r] = Math.max(0, capacity[r] - packing.derating()[r]);
            derated.add(new HostSlotSpec(
                    s.modelId(), capacity, s.idleWatts(), s.maxWatts(), s.yearlyCost(), s.hardwareAssist()));
        }
        int n = workload.vms().size();
        int[] none = new int[n];
        Arrays.fill(none, -1);
        boolean[] capable = new boolean[n];
        Arrays.fill(capable, true);
        PlanningProblem problem = new PlanningProblem(
                request.resources(),
                model.steps(),
                packing.demand(),
                workload.vms().stream().map(WorkloadVm::name).toList(),
                derated,
                none,
                none.clone(),
                capable,
                request.virtualization().base(slots.stream().allMatch(HostSlotSpec::hardwareAssist)),
                0,
                request.objective());
        return new Candidate(
                new SizedDemand(packing.demand(), model.steps(), workload.grid().stepSeconds(), model.folded()),
                problem);
    }

    /** The normal quantile of the target per host-step (the most conservative z; the search starts below it). */
    static double zFor(double overloadRiskPercent) {
        return NormalDistribution.upperQuantile(overloadRiskPercent / 100);
    }
}
