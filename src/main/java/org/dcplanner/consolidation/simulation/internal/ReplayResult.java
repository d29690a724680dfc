package org.dcplanner.consolidation.simulation.internal;

import java.util.List;
import java.util.Map;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;

/**
 * What a replay measured. Metric names follow the CloudSim literature (Beloglazov & Buyya, CCPE 2012), defined in
 * docs/simulation.md.
 *
 * @param hostUtilization per resource ({@code Metric.ordinal()}), {@code [host * steps + step]} demand ÷ capacity
 *                        (above 1 = more demanded than the host has); null when not recorded
 * @param itWatts         per step, the IT power of all hosts
 * @param vms             per VM outcome, in workload order
 * @param vmPerformance   {@code [vm][step]} delivered ÷ demanded (NaN where the VM demanded nothing); null when not recorded
 */
public record ReplayResult(
        VirtualizationApproach approach,
        int stepSeconds,
        int steps,
        Summary summary,
        List<HostOutcome> hosts,
        List<VmOutcome> vms,
        float[][] hostUtilization,
        float[] itWatts,
        float[][] vmPerformance,
        Timeline timeline) {

    /** A replay without an online policy (no timeline). */
    public ReplayResult(
            VirtualizationApproach approach,
            int stepSeconds,
            int steps,
            Summary summary,
            List<HostOutcome> hosts,
            List<VmOutcome> vms,
            float[][] hostUtilization,
            float[] itWatts,
            float[][] vmPerformance) {
        this(approach, stepSeconds, steps, summary, hosts, vms, hostUtilization, itWatts, vmPerformance, null);
    }

    /**
     * Per step of a replay with an online policy: hosts on (with at least one VM) and live migrations
     * started at the end of the step (they take effect from the next step).
     */
    public record Timeline(int[] activeHosts, int[] migrations) {}

    /** This result with the summary's warnings replaced. */
    public ReplayResult withWarnings(List<String> warnings) {
        return new ReplayResult(
                approach,
                stepSeconds,
                steps,
                summary.withWarnings(warnings),
                hosts,
                vms,
                hostUtilization,
                itWatts,
                vmPerformance,
                timeline);
    }

    /**
     * Plan-level figures.
     *
     * @param energyKWh               IT energy over the trace
     * @param slatah                  mean over active hosts of (time at 100 % CPU ÷ active time) — CPU only, as in CloudSim
     * @param pdm                     performance degradation due to migrations: mean over VMs of CPU lost while migrating ÷ CPU requested
     * @param slav                    SLATAH x PDM
     * @param vmsEverThrottled        VMs that at some step got less than they needed because their host was saturated
     *                                (any resource) — the shortfall; the approach's constant slowdown does not count
     * @param meanPerformance         mean over VMs of their mean delivered ÷ demanded performance (all causes)
     * @param meanApproachPerformance the same had no host ever been saturated: only the approach's fixed slowdown
     * @param minPerformance          lowest delivered ÷ demanded of any VM at any step
     * @param performanceLoss         per cause, its share of 1 − meanPerformance (the values add up to it)
     * @param activeHosts             hosts with at least one VM
     * @param overloadedHosts         hosts with demand above capacity at some step on any resource
     * @param overloadedHostsByResource per resource, the hosts ever above 100 % of it
     * @param peakUtilizationByResource per resource, the highest demand ÷ capacity of any host at any step
     * @param warnings                what the plan's placement did not account for (e.g. an overcommitted resource)
     * @param migrations              live migrations replayed
     * @param hostShutdowns           times a host lost its last VM and was switched off (online policies)
     * @param slatahOverActiveTime    SLATAH as CloudSim prints it: Σ host time at 100 % CPU ÷ Σ host active time
     *                                (equal to {@code slatah} when every host is on for the whole trace)
     * @param pdmOverRequested        PDM as CloudSim prints it: Σ CPU lost to migrations ÷ Σ CPU requested
     */
    public record Summary(
            double energyKWh,
            double averageItWatts,
            double peakItWatts,
            double slatah,
            double pdm,
            double slav,
            int vmsEverThrottled,
            double meanPerformance,
            double meanApproachPerformance,
            double minPerformance,
            Map<LossCause, Double> performanceLoss,
            int activeHosts,
            int overloadedHosts,
            Map<Metric, Integer> overloadedHostsByResource,
            Map<Metric, Double> peakUtilizationByResource,
            List<String> warnings,
            int migrations,
            int hostShutdowns,
            double slatahOverActiveTime,
            double pdmOverRequested) {
        /** The cause that cost the most performance. */
        public LossCause mainLoss() {
            LossCause best = LossCause.VIRTUALIZATION_OVERHEAD;
            if (performanceLoss == null) return best;
            for (Map.Entry<LossCause, Double> e : performanceLoss.entrySet()) {
                if (e.getValue() > performanceLoss.getOrDefault(best, 0.0)) best = e.getKey();
            }
            return best;
        }

        Summary withWarnings(List<String> w) {
            return new Summary(
                    energyKWh,
                    averageItWatts,
                    peakItWatts,
                    slatah,
                    pdm,
                    slav,
                    vmsEverThrottled,
                    meanPerformance,
                    meanApproachPerformance,
                    minPerformance,
                    performanceLoss,
                    activeHosts,
                    overloadedHosts,
                    overloadedHostsByResource,
                    peakUtilizationByResource,
                    List.copyOf(w),
                    migrations,
                    hostShutdowns,
                    slatahOverActiveTime,
                    pdmOverRequested);
        }
    }

    /**
     * One host slot.
     *
     * @param overloadSteps     steps with demand above capacity on any resource (overloadMinutes likewise)
     * @param sumOfVmPeakCpuMhz sum of its VMs' individual host-side CPU peaks (what per-VM peak sizing reserves)
     * @param peakOfSumCpuMhz   peak of the summed host-side CPU demand (what is really needed at once)
     */
    public record HostOutcome(
            int host,
            String modelId,
            int vmCount,
            int activeSteps,
            int overloadSteps,
            Map<Metric, Integer> overloadStepsByResource,
            double overloadMinutes,
            double energyKWh,
            double averageWatts,
            double peakWatts,
            double peakCpuUtilization,
            double sumOfVmPeakCpuMhz,
            double peakOfSumCpuMhz,
            Metric mostUtilizedResource) {
        /** Multiplexing gain: sum of peaks ÷ peak of sum (1 = none; higher = VM peaks do not coincide). */
        public double multiplexingRatio() {
            return peakOfSumCpuMhz > 0 ? sumOfVmPeakCpuMhz / peakOfSumCpuMhz : 1.0;
        }
    }

    /**
     * One VM: delivered ÷ demanded performance over the steps it demanded anything; meanApproachPerformance is
     * the mean had its host never been saturated (the approach's fixed slowdown only); throttledSteps counts the
     * steps its host squeezed it.
     */
    public record VmOutcome(
            int vm,
            int host,
            double minPerformance,
            double p5Performance,
            double meanPerformance,
            double meanApproachPerformance,
            int demandSteps,
            int throttledSteps,
            double peakHostCpuMhz) {}
}
