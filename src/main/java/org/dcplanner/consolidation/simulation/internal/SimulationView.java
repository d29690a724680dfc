package org.dcplanner.consolidation.simulation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.simulation.internal.ReplayResult.HostOutcome;
import org.dcplanner.consolidation.simulation.internal.ReplayResult.Summary;
import org.dcplanner.consolidation.simulation.internal.StoredRun.VmSummary;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;

/**
 * GET /api/v1/plans/{id}/simulation: status, plan-level metrics, a window of hosts with their
 * utilization series per resource (demand ÷ capacity per step) and multiplexing, a page of VMs.
 */
record SimulationView(
        UUID planId,
        VirtualizationApproach virtualization,
        SimulationStatus status,
        String error,
        Map<String, Object> overheadOverrides,
        Instant requestedAt,
        Instant finishedAt,
        Grid grid,
        Summary metrics,
        Facility facility,
        HostPage hosts,
        VmPage vms) {

    /** Facility energy = IT energy x PUE. */
    record Facility(double pue, Double energyKWh) {}

    record Grid(Instant start, Integer stepSeconds, Integer steps) {}

    /** seriesStepSeconds: seconds per utilization point (the grid step, or a multiple for very large runs). */
    record HostPage(int offset, int limit, int total, Integer seriesStepSeconds, List<HostView> items) {}

    record VmPage(int page, int size, int total, String sort, List<VmSummary> items) {}

    /** multiplexing: Σ of the VMs' own host-side CPU peaks vs the peak of their sum (ratio > 1 = peaks do not coincide). */
    record HostView(
            int host,
            String modelId,
            int vmCount,
            int overloadSteps,
            double overloadMinutes,
            double energyKWh,
            double averageWatts,
            double peakWatts,
            double peakCpuUtilization,
            Metric mostUtilizedResource,
            Multiplexing multiplexing,
            Map<Metric, float[]> utilization) {}

    record Multiplexing(double sumOfVmPeakCpuMhz, double peakOfSumCpuMhz, double ratio) {}

    /** Builds the view; series may be null (not completed), vmSort "index" or "worst" (lowest min performance first). */
    /** Which host series to include and how many points at most per series (0 = every step; else max per bucket). */
    record SeriesOptions(java.util.Set<Metric> resources, int maxPoints) {
        static final SeriesOptions ALL = new SeriesOptions(java.util.EnumSet.allOf(Metric.class), 0);
    }

    static SimulationView of(
            StoredRun run,
            float[][] series,
            int hostOffset,
            int hostLimit,
            int vmPage,
            int vmSize,
            String vmSort,
            double pue) {
        return of(run, series, hostOffset, hostLimit, vmPage, vmSize, vmSort, pue, SeriesOptions.ALL);
    }

    static SimulationView of(
            StoredRun run,
            float[][] series,
            int hostOffset,
            int hostLimit,
            int vmPage,
            int vmSize,
            String vmSort,
            double pue,
            SeriesOptions options) {
        Grid grid = new Grid(run.gridStart(), run.stepSeconds(), run.steps());
        HostPage hosts = null;
        VmPage vms = null;
        if (run.status() == SimulationStatus.COMPLETED) {
            hosts = hosts(run, series, hostOffset, hostLimit, options);
            vms = vms(run.vms(), vmPage, vmSize, vmSort);
        }
        return new SimulationView(
                run.planId(),
                run.virtualization(),
                run.status(),
                run.error(),
                run.overheadOverrides(),
                run.requestedAt(),
                run.finishedAt(),
                grid,
                run.summary(),
                new Facility(pue, run.summary() == null ? null : run.summary().energyKWh() * pue),
                hosts,
                vms);
    }

    private static HostPage hosts(StoredRun run, float[][] series, int offset, int limit, SeriesOptions options) {
        List<HostOutcome> all = run.hosts();
        int from = Math.min(offset, all.size());
        int to = Math.min(all.size(), from + limit);
        int steps = series == null || all.isEmpty() ? run.steps() : columns(series) / all.size();
        Integer seriesStep = series == null ? null : run.stepSeconds() * (int) Math.ceil((double) run.steps() / steps);
        List<HostView> items = new ArrayList<>(to - from);
        for (HostOutcome h : all.subList(from, to)) {
            Map<Metric, float[]> util = new EnumMap<>(Metric.class);
            if (series != null) {
                for (Metric m : options.resources()) {
                    float[] row = m.ordinal() < series.length ? series[m.ordinal()] : null;
                    if (row != null) util.put(m, bucketMax(row, h.host() * steps, steps, options.maxPoints()));
                }
            }
            items.add(new HostView(
                    h.host(),
                    h.modelId(),
                    h.vmCount(),
                    h.overloadSteps(),
                    h.overloadMinutes(),
                    h.energyKWh(),
                    h.averageWatts(),
                    h.peakWatts(),
                    h.peakCpuUtilization(),
                    h.mostUtilizedResource(),
                    new Multiplexing(h.sumOfVmPeakCpuMhz(), h.peakOfSumCpuMhz(), h.multiplexingRatio()),
                    util));
        }
        return new HostPage(from, limit, all.size(), seriesStep, items);
    }

    /** Values per resource row (rows not decoded are null). */
    private static int columns(float[][] series) {
        for (float[] row : series) if (row != null) return row.length;
        return 0;
    }

    /** The host's slice of a series; with maxPoints > 0 and fewer points than steps, the max of each equal bucket. */
    private static float[] bucketMax(float[] series, int from, int steps, int maxPoints) {
        if (maxPoints <= 0 || maxPoints >= steps) return Arrays.copyOfRange(series, from, from + steps);
        float[] out = new float[maxPoints];
        for (int b = 0; b < maxPoints; b++) {
            int lo = (int) ((long) b * steps / maxPoints), hi = (int) ((long) (b + 1) * steps / maxPoints);
            float m = 0;
            for (int t = lo; t < hi; t++) m = Math.max(m, series[from + t]);
            out[b] = m;
        }
        return out;
    }

    private static VmPage vms(List<VmSummary> all, int page, int size, String sort) {
        List<VmSummary> sorted = all;
        if ("worst".equals(sort)) {
            sorted = new ArrayList<>(all);
            sorted.sort(Comparator.comparingDouble(VmSummary::minPerformance).thenComparingInt(VmSummary::vm));
        }
        int from = (int) Math.min((long) page * size, sorted.size());
        int to = Math.min(sorted.size(), from + size);
        return new VmPage(page, size, all.size(), "worst".equals(sort) ? "worst" : "index", sorted.subList(from, to));
    }
}
