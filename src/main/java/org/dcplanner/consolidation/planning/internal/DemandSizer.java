package org.dcplanner.consolidation.planning.internal;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.TimeGrid;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.planning.PlanRequest.Sizing;
import org.dcplanner.consolidation.problem.ApiException;
import org.dcplanner.consolidation.virtualization.OverheadModel;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;

/**
 * Turns stored per-step series into the host-side demand the solver packs, per resource, VM and step
 * (never one number per VM, so peaks that do not coincide can share a host):
 * <ol>
 *   <li>per VM and metric, a percentile: with {@code foldDays}, over all samples of the same UTC
 *       time of day (a typical day of 86400 / stepSeconds steps); otherwise over a centered window of
 *       {@code windowSteps} steps around each step (absent: one hour; 1 = the raw series);</li>
 *   <li>times (1 + headroom / 100);</li>
 *   <li>through {@link OverheadModel#hostDemand} for the plan's approach (the engine's code path),
 *       keeping the planned resources; a metric the workload has no series for is passed as NaN, so
 *       the overhead model applies its default (memory: configured size; I/O: class profile).</li>
 * </ol>
 * Cost: O(VMs x steps x window) for the percentiles, one overhead call per VM and step.
 */
public final class DemandSizer {
    static final int SECONDS_PER_DAY = 86_400;

    private DemandSizer() {}

    /** Sized host-side demand {@code [r][vm][step]} and the grid it is on. */
    public record SizedDemand(float[][][] demand, int steps, int stepSeconds, boolean folded) {}

    public static SizedDemand size(
            LoadedWorkload workload,
            List<Metric> resources,
            Sizing sizing,
            VirtualizationApproach approach,
            OverheadModel overhead) {
        return size(workload, resources, sizing, everyVm(workload, approach), overhead);
    }

    /** One approach for each of the workload's VMs. */
    static VirtualizationApproach[] everyVm(LoadedWorkload workload, VirtualizationApproach approach) {
        VirtualizationApproach[] each =
                new VirtualizationApproach[workload.vms().size()];
        java.util.Arrays.fill(each, approach);
        return each;
    }

    /** As {@link #size(LoadedWorkload, List, Sizing, VirtualizationApproach, OverheadModel)}, each VM under its own approach. */
    public static SizedDemand size(
            LoadedWorkload workload,
            List<Metric> resources,
            Sizing sizing,
            VirtualizationApproach[] approach,
            OverheadModel overhead) {
        TimeGrid grid = workload.grid();
        if (sizing.riskTargeted()) {
            // risk mode: the scenario means; the planner adds the joint margin once it knows the hosts
            // (PlanProblemFactory)
            OverloadRiskModel risk =
                    OverloadRiskModel.of(workload, resources, sizing.headroomPercent(), approach, overhead);
            return new SizedDemand(risk.meanDemand(), risk.steps(), grid.stepSeconds(), risk.folded());
        }
        boolean fold = Boolean.TRUE.equals(sizing.foldDays());
        Metric[] metrics = Metric.values();
        float[][][] vmSide = new float[metrics.length][][];
        for (Metric m : metrics) {
            float[][] series = workload.series().get(m);
            if (series == null) continue;
            boolean raw = !fold && windowSteps(sizing, grid) <= 1 && sizing.headroomPercent() == 0;
            // the raw series unchanged (the overload check's p100, window 1): read as they are, not copied
            vmSide[m.ordinal()] = raw
                    ? series
                    : fold
                            ? foldDays(series, grid, sizing.percentile())
                            : windowPercentile(series, windowSteps(sizing, grid), sizing.percentile());
            if (!raw) scale(vmSide[m.ordinal()], 1 + sizing.headroomPercent() / 100);
        }
        int steps = fold ? SECONDS_PER_DAY / grid.stepSeconds() : grid.steps();
        return new SizedDemand(
                hostSide(workload.vms(), vmSide, resources, steps, approach, overhead),
                steps,
                grid.stepSeconds(),
                fold);
    }

    /** The window applied: {@code sizing.windowSteps}, or one hour of the workload's steps when it is absent. */
    public static int windowSteps(Sizing sizing, TimeGrid grid) {
        return sizing.windowSteps() != null ? sizing.windowSteps() : OverloadRiskModel.hourSteps(grid.stepSeconds());
    }

    /** Per time-of-day slot (UTC), the percentile over all days' samples in that slot. */
    static float[][] foldDays(float[][] series, TimeGrid grid, double percentile) {
        UnaryOperator<float[]> fold = dayFolder(grid, percentile);
        float[][] out = new float[series.length][];
        for (int vm = 0; vm < series.length; vm++) out[vm] = fold.apply(series[vm]);
        return out;
    }

    /**
     * One VM's series on {@code grid} folded into a day, as {@link #foldDays} folds each (its buffers are reused:
     * one thread at a time); 422 {@code cannot-fold-days} at once when the grid cannot be folded.
     */
    static UnaryOperator<float[]> dayFolder(TimeGrid grid, double percentile) {
        int step = grid.stepSeconds();
        if (SECONDS_PER_DAY % step != 0) {
            throw ApiException.unprocessable(
                            "cannot-fold-days",
                            "foldDays needs a step that divides one day; this workload's step is " + step + " s")
                    .at(null, null, "sizing.foldDays");
        }
        if ((long) grid.steps() * step < SECONDS_PER_DAY) {
            throw ApiException.unprocessable(
                            "cannot-fold-days",
                            "foldDays needs at least one day of samples; this workload spans "
                                    + ((long) grid.steps() * step / 3600.0) + " h")
                    .at(null, null, "sizing.foldDays");
        }
        int slots = SECONDS_PER_DAY / step;
        long startSecondOfDay = Math.floorMod(grid.start().getEpochSecond(), SECONDS_PER_DAY);
        int[] slotOf = new int[grid.steps()];
        int[] perSlot = new int[slots];
        for (int t = 0; t < slotOf.length; t++) {
            slotOf[t] = (int) (((startSecondOfDay + (long) t * step) % SECONDS_PER_DAY) / step);
            perSlot[slotOf[t]]++;
        }
        float[][] buckets = new float[slots][];
        for (int k = 0; k < slots; k++) buckets[k] = new float[perSlot[k]];
        int[] fill = new int[slots];
        return series -> {
            Arrays.fill(fill, 0);
            for (int t = 0; t < slotOf.length; t++) buckets[slotOf[t]][fill[slotOf[t]]++] = series[t];
            float[] out = new float[slots];
            for (int k = 0; k < slots; k++) out[k] = percentile(buckets[k], buckets[k].length, percentile);
            return out;
        };
    }

    /**
     * Per step, the percentile of the centered window [t - (w-1)/2, t + w/2] clipped to the trace.
     * The window slides over a sorted buffer (insert the incoming, remove the outgoing sample):
     * O(steps x w) per VM instead of a sort per step.
     */
    static float[][] windowPercentile(float[][] series, int windowSteps, double percentile) {
        float[][] out = new float[series.length][];
        if (windowSteps <= 1) {
            for (int vm = 0; vm < series.length; vm++) out[vm] = series[vm].clone();
            return out;
        }
        // a window wider than twice the longest series sees the whole series from every step: same result, bounded
        // buffer
        int longest = 0;
        for (float[] s : series) longest = Math.max(longest, s.length);
        windowSteps = Math.min(windowSteps, 2 * longest + 1);
        float[] sorted = new float[windowSteps + 1];
        for (int vm = 0; vm < series.length; vm++) {
            float[] s = series[vm];
            out[vm] = new float[s.length];
            int lo = 0;
            int hi = 0;
            int n = 0;
            for (int t = 0; t < s.length; t++) {
                int from = Math.max(0, t - (windowSteps - 1) / 2);
                int to = Math.min(s.length, t + windowSteps / 2 + 1);
                while (hi < to) n = insertSorted(sorted, n, s[hi++]);
                while (lo < from) n = removeSorted(sorted, n, s[lo++]);
                out[vm][t] = percentileOfSorted(sorted, n, percentile);
            }
        }
        return out;
    }

    private static int insertSorted(float[] sorted, int n, float value) {
        int at = Arrays.binarySearch(sorted, 0, n, value);
        if (at < 0) at = -at - 1;
        System.arraycopy(sorted, at, sorted, at + 1, n - at);
        sorted[at] = value;
        return n + 1;
    }

    private static int removeSorted(float[] sorted, int n, float value) {
        int at = Arrays.binarySearch(sorted, 0, n, value);
        System.arraycopy(sorted, at + 1, sorted, at, n - at - 1);
        return n - 1;
    }

    /** Linear-interpolation percentile (numpy's default) of the first n values; sorts them in place. */
    static float percentile(float[] values, int n, double percentile) {
        Arrays.sort(values, 0, n);
        return percentileOfSorted(values, n, percentile);
    }

    private static float percentileOfSorted(float[] values, int n, double percentile) {
        if (n == 0) return 0f;
        double rank = percentile / 100 * (n - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(n - 1, lo + 1);
        return (float) (values[lo] + (values[hi] - values[lo]) * (rank - lo));
    }

    private static void scale(float[][] series, double factor) {
        if (factor == 1) return;
        for (float[] s : series) {
            for (int t = 0; t < s.length; t++) s[t] = (float) (s[t] * factor);
        }
    }

    static float[][][] hostSide(
            List<WorkloadVm> vms,
            float[][][] vmSide,
            List<Metric> resources,
            int steps,
            VirtualizationApproach[] approach,
            OverheadModel overhead) {
        float[][][] demand = new float[resources.size()][vms.size()][steps];
        float[] out = new float[Metric.values().length];
        for (int vm = 0; vm < vms.size(); vm++) {
            WorkloadVm v = vms.get(vm);
            for (int t = 0; t < steps; t++) {
                overhead.hostDemand(
                        approach[vm],
                        v,
                        at(vmSide, Metric.CPU, vm, t),
                        at(vmSide, Metric.MEMORY, vm, t),
                        at(vmSide, Metric.DISK, vm, t),
                        at(vmSide, Metric.NETWORK, vm, t),
                        out);
                for (int r = 0; r < resources.size(); r++)
                    demand[r][vm][t] = out[resources.get(r).ordinal()];
            }
        }
        return demand;
    }

    private static float at(float[][][] vmSide, Metric m, int vm, int t) {
        float[][] s = vmSide[m.ordinal()];
        return s == null ? Float.NaN : s[vm][t];
    }
}
