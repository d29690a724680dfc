package org.dcplanner.consolidation.planning.internal;

import java.util.List;
import java.util.Locale;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.planning.PlanRequest;
import org.dcplanner.consolidation.planning.PlanRequest.Sizing;
import org.dcplanner.consolidation.virtualization.OverheadModel;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;

/**
 * A plan's overload risk as GET /api/v1/plans/{id} shows it (stored with the plan, V35), every resource the plan
 * packs counted: a host-step is over when any of them passes the host's physical capacity (not x targetUtilization).
 *
 * @param inSampleHostStepsOverPercent share of the active hosts' steps over capacity when the placement carries the
 *                                     raw history it was planned on (every step of the trace, also when folded)
 * @param estimatedOutOfSamplePercent  the plan's own estimate of that share on an unseen day ({@link OverloadRiskModel});
 *                                     null when it cannot be computed
 * @param targetPercent                {@code sizing.overloadRiskPercent}, null for a percentile plan
 * @param method                       how the estimate (and, in risk mode, the sizing) was made, in words
 */
public record OverloadRisk(
        double inSampleHostStepsOverPercent,
        Double estimatedOutOfSamplePercent,
        Double targetPercent,
        String method,
        String caveat) {

    /**
     * What the estimate cannot know, in a planner's words (null: nothing to add): under two days of history the model
     * sees no day-to-day change of the VMs' levels, and its out-of-sample misses were measured (docs/benchmarks.md).
     */
    static String caveat(int historyDays) {
        if (historyDays >= 2) return null;
        return "The history covers under two days, so the estimate cannot see how the VMs' levels change from one day"
                + " to the next. On one-day Bitbrains histories, plans at a 0.1 % target measured 0 to 18 % of host-steps"
                + " over capacity on the following day. Back-test on a longer history (or replay on another day) before"
                + " relying on this figure.";
    }

    /**
     * The caveat of a plan on a one-step workload (an RVTools export alone): there is no time series, so nothing of
     * the above can be measured.
     */
    static final String SNAPSHOT_CAVEAT = "Sized on a snapshot: the workload is one step (e.g. an RVTools export"
            + " alone), each VM's use at one moment. With no time series the plan cannot measure how the VMs' peaks"
            + " multiplex (no multiplexing gain is counted or tested), the risk figures describe that one moment only,"
            + " and no out-of-sample replay or back-test is possible. Upload a performance history (vCenter, Aria"
            + " Operations, Prometheus) with the RVTools export as its inventory before relying on this plan.";

    /** The caveat of a plan on a workload of {@code steps} steps covering {@code historyDays} days, or null. */
    static String caveat(int steps, int historyDays) {
        return steps == 1 ? SNAPSHOT_CAVEAT : caveat(historyDays);
    }

    /**
     * Assesses a placement: in sample on the raw host-side series, out of sample with the risk model of the plan's
     * resources, approach, overhead rule and headroom.
     *
     * @param slotModels host model per pool slot; {@code vmSlot} indexes it (−1: unplaced, ignored)
     */
    static OverloadRisk assess(
            PlanRequest request,
            LoadedWorkload workload,
            OverheadModel overhead,
            List<HostModel> slotModels,
            int[] vmSlot,
            Double riskZ) {
        Sizing s = request.sizing();
        OverheadModel model = Boolean.TRUE.equals(s.overheadInTrace()) ? overhead.withoutApproachOverhead() : overhead;
        double[][] capacity = new double[request.resources().size()][slotModels.size()];
        for (int r = 0; r < capacity.length; r++) {
            for (int slot = 0; slot < slotModels.size(); slot++) {
                capacity[r][slot] = PlanProblemFactory.capacityOf(
                        slotModels.get(slot), request.resources().get(r));
            }
        }
        // each VM under the approach the plan gave it (AUTO: per VM, by the pool's hardware assist)
        VirtualizationApproach[] vmApproach = request.virtualization()
                .perVm(workload.vms(), slotModels.stream().allMatch(HostModel::hardwareAssist));
        float[][][] raw = DemandSizer.size(
                        workload,
                        request.resources(),
                        new Sizing(100.0, 0.0, false, 1, s.overheadInTrace()),
                        vmApproach,
                        model)
                .demand();
        double inSample = overPercent(raw, vmSlot, capacity);
        OverloadRiskModel risk =
                OverloadRiskModel.of(workload, request.resources(), s.headroomPercent(), vmApproach, model);
        double estimate = risk.estimatePercent(vmSlot, capacity);
        return new OverloadRisk(
                inSample,
                Double.isFinite(estimate) ? estimate : null,
                s.overloadRiskPercent(),
                method(request, risk, riskZ),
                caveat(workload.grid().steps(), risk.days()));
    }

    private static String method(PlanRequest request, OverloadRiskModel risk, Double riskZ) {
        StringBuilder rho = new StringBuilder();
        StringBuilder rhoLevel = new StringBuilder();
        for (int r = 0; r < request.resources().size(); r++) {
            rho.append(r == 0 ? "" : ", ")
                    .append(request.resources().get(r))
                    .append(' ')
                    .append(String.format(Locale.ROOT, "%.3f", risk.correlation(r)));
            rhoLevel.append(r == 0 ? "" : ", ")
                    .append(request.resources().get(r))
                    .append(' ')
                    .append(String.format(Locale.ROOT, "%.3f", risk.levelCorrelation(r)));
        }
        String scenarios = risk.folded()
                ? "the samples within the hour around the same time of day on each of " + risk.days() + " days"
                : "the samples within the hour around each step (" + risk.windowSteps()
                        + " steps; under two days of history)";
        String estimate =
                "host load per step (Student t, 5 degrees of freedom): mean = sum of the VMs' scenario means, "
                        + "variance = (1 - rho) x sum of variances + rho x (sum of deviations)^2 + the same for the "
                        + "VMs' level shifts, scenarios = " + scenarios
                        + ", rho = average pairwise correlation of the VMs' deviations (" + rho
                        + "), level shift = spread of each VM's mean over "
                        + (risk.folded() ? "the days" : "six-hour blocks")
                        + " with correlation " + rhoLevel
                        + "; estimate = mean over active hosts and steps of P(load > capacity)";
        Sizing s = request.sizing();
        if (!s.riskTargeted() || riskZ == null) return estimate;
        return String.format(
                        Locale.ROOT,
                        "packed so that every host and step has mean + %.2f sd <= capacity (linearized "
                                + "into per-VM effective demand and a per-host derating; z is the smallest whose first-fit-decreasing "
                                + "packing has an estimate <= the %s %% target); ",
                        riskZ,
                        s.overloadRiskPercent())
                + estimate;
    }

    /** Share (%) of the active hosts' steps where any resource's summed demand passes the slot's capacity. */
    static double overPercent(float[][][] demand, int[] vmSlot, double[][] capacity) {
        int steps = demand[0].length == 0 ? 0 : demand[0][0].length;
        int slots = capacity[0].length;
        double[][][] load = new double[slots][][];
        for (int vm = 0; vm < vmSlot.length; vm++) {
            int slot = vmSlot[vm];
            if (slot < 0) continue;
            if (load[slot] == null) load[slot] = new double[demand.length][steps];
            for (int r = 0; r < demand.length; r++) {
                for (int t = 0; t < steps; t++) load[slot][r][t] += demand[r][vm][t];
            }
        }
        long over = 0;
        long hostSteps = 0;
        for (int slot = 0; slot < slots; slot++) {
            if (load[slot] == null) continue;
            for (int t = 0; t < steps; t++) {
                boolean isOver = false;
                for (int r = 0; r < demand.length; r++) isOver |= load[slot][r][t] > capacity[r][slot] + 1e-6;
                if (isOver) over++;
                hostSteps++;
            }
        }
        return hostSteps == 0 ? 0 : 100.0 * over / hostSteps;
    }
}
