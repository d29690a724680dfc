package org.dcplanner.consolidation.simulation;

import java.util.List;
import org.dcplanner.consolidation.ingestion.Metric;

/**
 * What a replay measured. Metric names follow the CloudSim literature (shared design doc cloudsim-reference.md).
 *
 * @param hostUtilization per resource ({@code Metric.ordinal()}), {@code [host * steps + step]} demand ÷ capacity
 *                        (above 1 = more demanded than the host has); null when not recorded
 * @param itWatts         per step, the IT power of all hosts
 * @param vms             per VM outcome, in workload order
 * @param vmPerformance   {@code [vm][step]} delivered ÷ demanded (NaN where the VM demanded nothing); null when not recorded
 */
public record ReplayResult(VirtualizationApproach approach, int stepSeconds, int steps, Summary summary,
                           List<HostOutcome> hosts, List<VmOutcome> vms, float[][] hostUtilization, float[] itWatts,
                           float[][] vmPerformance) {

    /**
     * Plan-level figures.
     *
     * @param energyKWh               IT energy over the trace
     * @param slatah                  mean over active hosts of (time at 100 % CPU ÷ active time)
     * @param pdm                     performance degradation due to migrations: mean over VMs of CPU lost while migrating ÷ CPU requested
     * @param slav                    SLATAH x PDM
     * @param vmsEverThrottled        VMs that at some step got less than they needed because their host was saturated
     * @param vmsEverBelowFull        VMs that at some step delivered < 100 % of demanded performance (incl. overhead)
     * @param meanPerformance         mean over VMs of their mean delivered ÷ demanded performance
     * @param minPerformance          lowest delivered ÷ demanded of any VM at any step
     * @param activeHosts             hosts with at least one VM
     * @param migrations              live migrations replayed
     */
    public record Summary(double energyKWh, double averageItWatts, double peakItWatts, double slatah, double pdm,
                          double slav, int vmsEverThrottled, int vmsEverBelowFull, double meanPerformance,
                          double minPerformance, int activeHosts, int overloadedHosts, int migrations) {
    }

    /**
     * One host slot.
     *
     * @param sumOfVmPeakCpuMhz sum of its VMs' individual host-side CPU peaks (what per-VM peak sizing reserves)
     * @param peakOfSumCpuMhz   peak of the summed host-side CPU demand (what is really needed at once)
     */
    public record HostOutcome(int host, String modelId, int vmCount, int activeSteps, int overloadSteps,
                              double overloadMinutes, double energyKWh, double averageWatts, double peakWatts,
                              double peakCpuUtilization, double sumOfVmPeakCpuMhz, double peakOfSumCpuMhz,
                              Metric mostUtilizedResource) {
        /** Multiplexing gain: sum of peaks ÷ peak of sum (1 = none; higher = VM peaks do not coincide). */
        public double multiplexingRatio() {
            return peakOfSumCpuMhz > 0 ? sumOfVmPeakCpuMhz / peakOfSumCpuMhz : 1.0;
        }
    }

    /** One VM: delivered ÷ demanded performance over the steps it demanded anything. */
    public record VmOutcome(int vm, int host, double minPerformance, double p5Performance, double meanPerformance,
                            int demandSteps, int throttledSteps, double peakHostCpuMhz) {
    }
}
