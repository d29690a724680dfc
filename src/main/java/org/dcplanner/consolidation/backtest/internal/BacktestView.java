package org.dcplanner.consolidation.backtest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.simulation.OutOfSampleResult;
import org.dcplanner.consolidation.simulation.OutOfSampleResult.ResourceRisk;

/**
 * GET /api/v1/backtests/{id} (and /sweeps/{id}): progress, per fold the plan, its hosts and its in-sample
 * and out-of-sample figures, and the totals over completed folds.
 */
record BacktestView(
        UUID id,
        String kind,
        String name,
        String status,
        boolean cancelRequested,
        int foldsTotal,
        int foldsDone,
        String error,
        JsonNode request,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Totals totals,
        List<FoldView> folds) {

    /**
     * One fold. trainFrom/trainTo null = the training workload's whole range (likewise testFrom/testTo).
     */
    record FoldView(
            int fold,
            String label,
            String status,
            UUID planId,
            UUID trainWorkloadId,
            Instant trainFrom,
            Instant trainTo,
            UUID testWorkloadId,
            Instant testFrom,
            Instant testTo,
            Integer hosts,
            JsonNode sizing,
            OutOfSampleResult inSample,
            OutOfSampleResult outOfSample,
            String error) {}

    /**
     * Over the completed folds: hosts, and per resource the host-steps over capacity summed over folds.
     *
     * @param outOfSampleEnergyKWh IT energy of all test replays
     */
    record Totals(
            int completedFolds,
            int failedFolds,
            Double meanHosts,
            Integer maxHosts,
            Map<Metric, Aggregate> inSample,
            Map<Metric, Aggregate> outOfSample,
            double outOfSampleEnergyKWh) {}

    /**
     * One resource over folds.
     *
     * @param worstFoldPercent       the highest hostStepsOverPercent of a single fold
     * @param maxVmsThatSawOverload  the most VMs that saw an overload in a single fold
     */
    record Aggregate(
            long hostSteps,
            long hostStepsOverCapacity,
            double hostStepsOverPercent,
            double worstFoldPercent,
            double worstOverloadPercent,
            double overloadMinutes,
            int maxVmsThatSawOverload) {}

    static BacktestView of(BacktestStore.Job job, List<BacktestStore.Fold> folds) {
        List<FoldView> views = folds.stream().map(BacktestView::fold).toList();
        return new BacktestView(
                job.id(),
                job.kind(),
                job.name(),
                job.status(),
                job.cancelRequested(),
                job.foldsTotal(),
                job.foldsDone(),
                job.error(),
                job.request(),
                job.createdAt(),
                job.startedAt(),
                job.finishedAt(),
                totals(folds),
                views);
    }

    private static FoldView fold(BacktestStore.Fold f) {
        JsonNode req = f.planRequest();
        return new FoldView(
                f.fold(),
                f.label(),
                f.status(),
                f.planId(),
                uuid(req.get("workloadId")),
                instant(req.get("from")),
                instant(req.get("to")),
                f.testWorkloadId(),
                f.testFrom(),
                f.testTo(),
                f.hosts(),
                req.get("sizing"),
                f.inSample(),
                f.outOfSample(),
                f.error());
    }

    static Totals totals(List<BacktestStore.Fold> folds) {
        int completed = 0;
        int failed = 0;
        long hostSum = 0;
        Integer maxHosts = null;
        double energy = 0;
        Map<Metric, Aggregate> in = new EnumMap<>(Metric.class);
        Map<Metric, Aggregate> out = new EnumMap<>(Metric.class);
        for (BacktestStore.Fold f : folds) {
            if (f.status().equals("FAILED")) failed++;
            if (!f.status().equals("COMPLETED") || f.outOfSample() == null) continue;
            completed++;
            hostSum += f.hosts();
            maxHosts = maxHosts == null ? f.hosts() : Math.max(maxHosts, f.hosts());
            energy += f.outOfSample().energyKWh();
            add(in, f.inSample());
            add(out, f.outOfSample());
        }
        return new Totals(
                completed, failed, completed == 0 ? null : (double) hostSum / completed, maxHosts, in, out, energy);
    }

    private static void add(Map<Metric, Aggregate> into, OutOfSampleResult r) {
        if (r == null) return;
        r.resources().forEach((m, x) -> into.merge(m, aggregate(x), BacktestView::sum));
    }

    private static Aggregate aggregate(ResourceRisk x) {
        return new Aggregate(
                x.hostSteps(),
                x.hostStepsOverCapacity(),
                x.hostStepsOverPercent(),
                x.hostStepsOverPercent(),
                x.worstOverloadPercent(),
                x.overloadMinutes(),
                x.vmsThatSawOverload());
    }

    private static Aggregate sum(Aggregate a, Aggregate b) {
        long steps = a.hostSteps() + b.hostSteps();
        long over = a.hostStepsOverCapacity() + b.hostStepsOverCapacity();
        return new Aggregate(
                steps,
                over,
                steps == 0 ? 0 : 100.0 * over / steps,
                Math.max(a.worstFoldPercent(), b.worstFoldPercent()),
                Math.max(a.worstOverloadPercent(), b.worstOverloadPercent()),
                a.overloadMinutes() + b.overloadMinutes(),
                Math.max(a.maxVmsThatSawOverload(), b.maxVmsThatSawOverload()));
    }

    private static UUID uuid(JsonNode n) {
        return n == null || n.isNull() ? null : UUID.fromString(n.asText());
    }

    private static Instant instant(JsonNode n) {
        return n == null || n.isNull() ? null : Instant.parse(n.asText());
    }
}
