package org.dcplanner.consolidation.simulation.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.planning.PlacedPlan;
import org.dcplanner.consolidation.simulation.OutOfSampleResult;
import org.dcplanner.consolidation.simulation.OutOfSampleResult.AcrossResources;
import org.dcplanner.consolidation.simulation.OutOfSampleResult.ResourceRisk;
import org.dcplanner.consolidation.simulation.OutOfSampleResult.VmRisk;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.dcplanner.consolidation.virtualization.VirtualizationOverheadModel;

/**
 * Replays a plan's placement on another workload (or a window of one) with the execution engine: the
 * replayed workload's VMs that the plan places (by name) run on their planned hosts with their own
 * series and sizes; the others are listed as unplaced. Per-resource figures are read from the engine's
 * host utilization series.
 */
final class OutOfSampleReplay {
    /** Demand above capacity, with the engine's tolerance for float sums. */
    private static final double OVER_CAPACITY = 1 + 1e-6;

    private static final int WORST_VMS = 10;

    private OutOfSampleReplay() {}

    /** The VMs of {@code other} matched to the plan's VM indexes, by name (first occurrence wins). */
    record Matching(int[] otherVm, int[] planVm, List<String> unplaced, List<String> missing) {
        static Matching of(PlacedPlan plan, List<WorkloadVm> other) {
            Map<String, Integer> planIndex = new HashMap<>();
            List<String> names = plan.vmNames();
            for (int i = 0; i < names.size(); i++) planIndex.putIfAbsent(names.get(i), i);
            List<Integer> o = new ArrayList<>();
            List<Integer> p = new ArrayList<>();
            List<String> unplaced = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (WorkloadVm vm : other) {
                Integer i = planIndex.get(vm.name());
                if (i == null || plan.vmHostSlot()[i] < 0 || !seen.add(vm.name())) {
                    unplaced.add(vm.name());
                } else {
                    o.add(vm.index());
                    p.add(i);
                }
            }
            List<String> missing = new ArrayList<>();
            for (String n : names) if (!seen.contains(n)) missing.add(n);
            return new Matching(
                    o.stream().mapToInt(Integer::intValue).toArray(),
                    p.stream().mapToInt(Integer::intValue).toArray(),
                    unplaced,
                    missing);
        }
    }

    /**
     * @param other      the replayed workload, already cut to its window
     * @param planSizes  the plan's own workload VMs (sizes to compare with), by plan VM index; may be empty
     */
    static OutOfSampleResult run(
            PlacedPlan plan,
            LoadedWorkload other,
            List<WorkloadVm> planSizes,
            List<HostModel> hosts,
            VirtualizationOverheadModel model,
            VirtualizationApproach approach,
            boolean inSample) {
        Matching m = Matching.of(plan, other.vms());
        int n = m.otherVm().length;
        if (n == 0) {
            throw new IllegalArgumentException(
                    "workload '" + other.name() + "' has no VM the plan places (VMs are matched by name)");
        }
        List<WorkloadVm> vms = new ArrayList<>(n);
        int[] slot = new int[n];
        List<String> resized = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            WorkloadVm v = other.vms().get(m.otherVm()[k]);
            vms.add(v.withIndex(k));
            slot[k] = plan.vmHostSlot()[m.planVm()[k]];
            if (m.planVm()[k] < planSizes.size()) {
                WorkloadVm own = planSizes.get(m.planVm()[k]);
                if (own.cpuMhz() != v.cpuMhz() || own.memoryMib() != v.memoryMib()) resized.add(v.name());
            }
        }
        Map<Metric, float[][]> series = new EnumMap<>(Metric.class);
        for (Map.Entry<Metric, float[][]> e : other.series().entrySet()) {
            float[][] rows = new float[n][];
            for (int k = 0; k < n; k++) rows[k] = e.getValue()[m.otherVm()[k]];
            series.put(e.getKey(), rows);
        }
        LoadedWorkload matched = new LoadedWorkload(other.id(), other.name(), other.grid(), vms, series);
        PlacedPlan placed = new PlacedPlan(
                plan.planId(),
                other.id(),
                approach,
                plan.resources(),
                plan.targetUtilization(),
                plan.hosts(),
                slot,
                plan.sizing(),
                plan.haReserveHosts(),
                plan.autoApproach(),
                vms.stream().map(WorkloadVm::name).toList(),
                null,
                null);
        ReplayInput input = PlanReplayInputs.build(placed, matched, hosts, model, approach, true, false);
        ReplayResult r = Replay.run(input);
        return summarize(plan, other, m, input, r, resized, inSample);
    }

    private static OutOfSampleResult summarize(
            PlacedPlan plan,
            LoadedWorkload other,
            Matching m,
            ReplayInput in,
            ReplayResult r,
            List<String> resized,
            boolean inSample) {
        int steps = in.steps();
        int hostCount = in.hosts().size();
        int n = in.vmCount();
        boolean[] active = new boolean[hostCount];
        for (int h : in.vmHost()) if (h >= 0) active[h] = true;
        int activeHosts = 0;
        for (boolean a : active) if (a) activeHosts++;
        float[][][] demandBy = {in.cpuMhz(), in.memoryMib(), in.diskKBps(), in.networkKBps()};
        Map<Metric, ResourceRisk> planned = new EnumMap<>(Metric.class);
        Map<Metric, ResourceRisk> unplanned = new EnumMap<>(Metric.class);
        int[][] vmOverSteps = new int[Metric.values().length][n];
        double[][] vmMeanGrant = new double[Metric.values().length][n];
        for (Metric metric : Metric.values()) {
            float[] util = r.hostUtilization()[metric.ordinal()];
            float[][] demand = demandBy[metric.ordinal()];
            long over = 0;
            double peak = 0;
            boolean[] hostOver = new boolean[hostCount];
            for (int h = 0; h < hostCount; h++) {
                if (!active[h]) continue;
                for (int t = 0; t < steps; t++) {
                    double u = util[h * steps + t];
                    if (u > peak) peak = u;
                    if (u > OVER_CAPACITY) {
                        over++;
                        hostOver[h] = true;
                    }
                }
            }
            int hostsOver = 0;
            for (boolean b : hostOver) if (b) hostsOver++;
            int vmsOver = 0;
            double sumMeanGrant = 0;
            double minGrant = 1;
            for (int v = 0; v < n; v++) {
                int h = in.vmHost()[v];
                double grantSum = 0;
                int demanded = 0;
                for (int t = 0; t < steps; t++) {
                    boolean wants = in.cpuMhz()[v][t] > 0 || (demand != null && demand[v][t] > 0);
                    if (!wants) continue;
                    double u = util[h * steps + t];
                    double grant = u > 1 ? 1 / u : 1;
                    grantSum += grant;
                    demanded++;
                    if (grant < minGrant) minGrant = grant;
                    if (u > OVER_CAPACITY && (demand == null || demand[v][t] > 0)) vmOverSteps[metric.ordinal()][v]++;
                }
                vmMeanGrant[metric.ordinal()][v] = demanded == 0 ? 1 : grantSum / demanded;
                sumMeanGrant += vmMeanGrant[metric.ordinal()][v];
                if (vmOverSteps[metric.ordinal()][v] > 0) vmsOver++;
            }
            long hostSteps = (long) activeHosts * steps;
            ResourceRisk risk = new ResourceRisk(
                    hostSteps,
                    over,
                    hostSteps == 0 ? 0 : 100.0 * over / hostSteps,
                    hostsOver,
                    vmsOver,
                    over == 0 ? 0 : (peak - 1) * 100,
                    over * in.stepSeconds() / 60.0,
                    peak,
                    n == 0 ? 1 : sumMeanGrant / n,
                    minGrant);
            (plan.resources().contains(metric) ? planned : unplanned).put(metric, risk);
        }
        List<VmRisk> vmRisks = new ArrayList<>(n);
        for (int v = 0; v < n; v++) {
            Map<Metric, Integer> overSteps = new EnumMap<>(Metric.class);
            Map<Metric, Double> perf = new EnumMap<>(Metric.class);
            for (Metric metric : Metric.values()) {
                overSteps.put(metric, vmOverSteps[metric.ordinal()][v]);
                perf.put(metric, vmMeanGrant[metric.ordinal()][v]);
            }
            ReplayResult.VmOutcome o = r.vms().get(v);
            vmRisks.add(new VmRisk(
                    other.vms().get(m.otherVm()[v]).name(),
                    in.vmHost()[v],
                    overSteps,
                    perf,
                    o.meanPerformance(),
                    o.minPerformance()));
        }
        List<VmRisk> worst = vmRisks.stream()
                .filter(v -> plan.resources().stream()
                        .anyMatch(x -> v.overloadSteps().get(x) > 0))
                .sorted(Comparator.comparingInt((VmRisk v) -> -plannedOverSteps(plan, v))
                        .thenComparingDouble(v -> plannedPerformance(plan, v)))
                .limit(WORST_VMS)
                .toList();
        ReplayResult.Summary s = r.summary();
        AcrossResources across = new AcrossResources(
                s.overloadedHosts(),
                s.vmsEverThrottled(),
                s.meanPerformance(),
                s.minPerformance(),
                PlanWarnings.of(s, plan.resources()));
        return new OutOfSampleResult(
                inSample,
                other.id(),
                other.name(),
                other.grid().start(),
                other.grid().end(),
                in.stepSeconds(),
                steps,
                in.approach(),
                plan.vmNames().size(),
                n,
                activeHosts,
                m.unplaced(),
                m.missing(),
                resized,
                planned,
                unplanned,
                across,
                s.energyKWh(),
                s.slatah(),
                worst,
                vmRisks);
    }

    private static int plannedOverSteps(PlacedPlan plan, VmRisk v) {
        int sum = 0;
        for (Metric x : plan.resources()) sum += v.overloadSteps().get(x);
        return sum;
    }

    private static double plannedPerformance(PlacedPlan plan, VmRisk v) {
        double min = 1;
        for (Metric x : plan.resources()) min = Math.min(min, v.performance().get(x));
        return min;
    }
}
