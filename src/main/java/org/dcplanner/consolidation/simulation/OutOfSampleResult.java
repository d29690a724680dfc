package org.dcplanner.consolidation.simulation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;

/**
 * A plan's placement replayed on data it may not have been fitted to: another workload (VMs matched by
 * name) or a time window. Figures per resource are kept apart from those that mix resources, so a
 * CPU-only plan's CPU risk reads cleanly.
 *
 * @param inSample        true only when the replay ran on the plan's own workload and overlaps the steps it was fitted to
 * @param from            first replayed step's start; {@code to} the end of the last (exclusive)
 * @param planVms         VMs the plan places
 * @param replayedVms     VMs of the replayed workload that the plan places (matched by name)
 * @param hosts           the plan's active hosts that ran at least one replayed VM
 * @param unplacedVms     VMs of the replayed workload the plan does not hold (not replayed; listed, never dropped)
 * @param missingPlanVms  VMs of the plan absent from the replayed workload
 * @param resizedVms      replayed VMs whose configured CPU or memory differs from the plan's workload (their own sizes are replayed)
 * @param resources       per planned resource, the overload figures
 * @param otherResources  the same for resources the plan did not plan (e.g. MEMORY of a CPU-only plan)
 * @param acrossResources figures that mix every resource
 * @param energyKWh       IT energy of the replay (power curve at CPU utilization)
 * @param slatah          share of active host time at 100 % CPU (CloudSim's SLATAH)
 * @param worstVms        up to 10 replayed VMs with the most steps on an overloaded host (planned resources)
 * @param vms             every replayed VM
 */
public record OutOfSampleResult(
        boolean inSample,
        UUID workloadId,
        String workloadName,
        Instant from,
        Instant to,
        int stepSeconds,
        int steps,
        VirtualizationApproach virtualization,
        int planVms,
        int replayedVms,
        int hosts,
        List<String> unplacedVms,
        List<String> missingPlanVms,
        List<String> resizedVms,
        Map<Metric, ResourceRisk> resources,
        Map<Metric, ResourceRisk> otherResources,
        AcrossResources acrossResources,
        double energyKWh,
        double slatah,
        List<VmRisk> worstVms,
        List<VmRisk> vms) {

    /**
     * One resource's overload on the replayed steps. A host-step is over capacity when the host-side demand
     * of its VMs exceeds the host's capacity (demand ÷ capacity above 1).
     *
     * @param hostSteps             active hosts x steps
     * @param hostStepsOverCapacity host-steps over capacity
     * @param hostStepsOverPercent  100 x hostStepsOverCapacity ÷ hostSteps
     * @param hostsEverOverloaded   hosts over capacity at some step
     * @param vmsThatSawOverload    VMs that demanded the resource at a step their host was over capacity in it
     * @param worstOverloadPercent  highest (demand ÷ capacity − 1) x 100 of any host-step, 0 when never over
     * @param overloadMinutes       hostStepsOverCapacity x step length
     * @param peakUtilization       highest demand ÷ capacity of any host-step
     * @param meanVmPerformance     mean over VMs of the share of their demand for this resource the host could serve
     * @param minVmPerformance      the lowest such share of any VM at any step
     */
    public record ResourceRisk(
            long hostSteps,
            long hostStepsOverCapacity,
            double hostStepsOverPercent,
            int hostsEverOverloaded,
            int vmsThatSawOverload,
            double worstOverloadPercent,
            double overloadMinutes,
            double peakUtilization,
            double meanVmPerformance,
            double minVmPerformance) {}

    /**
     * The engine's all-resource figures: a VM is throttled when any resource of its host is saturated.
     *
     * @param overloadedHosts  hosts over capacity on any resource at some step
     * @param vmsEverThrottled VMs that got less than they needed at some step (any resource)
     * @param meanPerformance  mean over VMs of delivered ÷ demanded (all causes, including the approach's slowdown)
     * @param minPerformance   lowest delivered ÷ demanded of any VM at any step
     */
    public record AcrossResources(
            int overloadedHosts,
            int vmsEverThrottled,
            double meanPerformance,
            double minPerformance,
            List<String> warnings) {}

    /**
     * One replayed VM.
     *
     * @param overloadSteps  per resource, steps its host was over capacity while the VM demanded it
     * @param performance    per resource, mean share of its demand the host served
     * @param meanPerformance delivered ÷ demanded over all resources (the engine's)
     */
    public record VmRisk(
            String name,
            int host,
            Map<Metric, Integer> overloadSteps,
            Map<Metric, Double> performance,
            double meanPerformance,
            double minPerformance) {}
}
