package org.dcplanner.consolidation.simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.simulation.ReplayResult.HostOutcome;
import org.dcplanner.consolidation.simulation.ReplayResult.Summary;
import org.dcplanner.consolidation.simulation.StoredRun.VmSummary;

/**
 * GET /api/v1/plans/{id}/simulation: status, plan-level metrics, a window of hosts with their
 * utilization series per resource (demand ÷ capacity per step) and multiplexing, a page of VMs.
 */
record SimulationView(UUID planId, VirtualizationApproach virtualization, SimulationStatus status, String error,
                      Map<String, Object> overheadOverrides, Instant requestedAt, Instant finishedAt, Grid grid,
                      Summary metrics, HostPage hosts, VmPage vms) {

    record Grid(Instant start, Integer stepSeconds, Integer steps) {
    }

    record HostPage(int offset, int limit, int total, List<HostView> items) {
    }

    record VmPage(int page, int size, int total, String sort, List<VmSummary> items) {
    }

    /** multiplexing: Σ of the VMs' own host-side CPU peaks vs the peak of their sum (ratio > 1 = peaks do not coincide). */
    record HostView(int host, String modelId, int vmCount, int overloadSteps, double overloadMinutes, double energyKWh,
                    double averageWatts, double peakWatts, double peakCpuUtilization, Metric mostUtilizedResource,
                    Multiplexing multiplexing, Map<Metric, float[]> utilization) {
    }

    record Multiplexing(double sumOfVmPeakCpuMhz, double peakOfSumCpuMhz, double ratio) {
    }

    /** Builds the view; series may be null (not completed), vmSort "index" or "worst" (lowest min performance first). */
    static SimulationView of(StoredRun run, float[][] series, int hostOffset, int hostLimit, int vmPage, int vmSize,
                             String vmSort) {
        Grid grid = new Grid(run.gridStart(), run.stepSeconds(), run.steps());
        HostPage hosts = null;
        VmPage vms = null;
        if (run.status() == SimulationStatus.COMPLETED) {
            hosts = hosts(run, series, hostOffset, hostLimit);
            vms = vms(run.vms(), vmPage, vmSize, vmSort);
        }
        return new SimulationView(run.planId(), run.virtualization(), run.status(), run.error(), run.overheadOverrides(),
                run.requestedAt(), run.finishedAt(), grid, run.summary(), hosts, vms);
    }

    private static HostPage hosts(StoredRun run, float[][] series, int offset, int limit) {
        List<HostOutcome> all = run.hosts();
        int from = Math.min(offset, all.size());
        int to = Math.min(all.size(), from + limit);
        int steps = run.steps();
        List<HostView> items = new ArrayList<>(to - from);
        for (HostOutcome h : all.subList(from, to)) {
            Map<Metric, float[]> util = new EnumMap<>(Metric.class);
            if (series != null) {
                for (Metric m : Metric.values()) {
                    util.put(m, Arrays.copyOfRange(series[m.ordinal()], h.host() * steps, (h.host() + 1) * steps));
                }
            }
            items.add(new HostView(h.host(), h.modelId(), h.vmCount(), h.overloadSteps(), h.overloadMinutes(),
                    h.energyKWh(), h.averageWatts(), h.peakWatts(), h.peakCpuUtilization(), h.mostUtilizedResource(),
                    new Multiplexing(h.sumOfVmPeakCpuMhz(), h.peakOfSumCpuMhz(), h.multiplexingRatio()), util));
        }
        return new HostPage(from, limit, all.size(), items);
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
