package org.dcplanner.consolidation.virtualization;

import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadClass;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.virtualization.OverheadParameters.ApproachFactors;

/**
 * The overhead model of docs/overheads-and-power.md §4, shared by the planner's sizing
 * and the replay engine:
 * <ul>
 *   <li>host CPU = min(configured vCPU MHz, demand x [(1 - p_sys) f_user + p_sys f_priv + m_pt (f_mmu - 1)])
 *       + disk x c_disk x (f_iocpu,disk - 1) + network x c_net x (f_iocpu,net - 1)
 *       (the guest's native I/O cost is already inside its measured CPU; only the hypervisor's extra is added;
 *       the VM's vCPUs cannot run on more host CPU than they are configured with — overhead beyond that
 *       is lost throughput, see {@link #vcpuStretch}, not extra demand);</li>
 *   <li>host memory = demand x (1 - page sharing) + per-VM overhead (fixed + per vCPU + fraction of configured RAM);</li>
 *   <li>host disk and network = the bytes the VM moves (a hypervisor does not add payload);</li>
 *   <li>delivered performance on an unsaturated host = 1 / slowdown, slowdown =
 *       cpu-bound share x CPU factor + disk-bound share / disk throughput + network-bound share / network throughput
 *       (time shares add up as in Amdahl's law; throughputs blend sync/async and small/large packets harmonically).</li>
 * </ul>
 * Immutable and allocation-free on the per-step path; usable without Spring via {@link #withDefaults()}.
 */
public final class VirtualizationOverheadModel implements OverheadModel {
    private final OverheadParameters parameters;

    public VirtualizationOverheadModel(OverheadParameters parameters) {
        this.parameters = parameters;
    }

    public static VirtualizationOverheadModel withDefaults() {
        return new VirtualizationOverheadModel(OverheadParameters.defaults());
    }

    public OverheadParameters parameters() {
        return parameters;
    }

    /** A model for one plan: these parameters with the plan's overrides applied. */
    public VirtualizationOverheadModel withOverrides(java.util.Map<String, ?> overrides) {
        return new VirtualizationOverheadModel(parameters.withOverrides(overrides));
    }

    /** This model with every approach's overhead removed ({@link OverheadParameters#withoutApproachOverhead}). */
    @Override
    public VirtualizationOverheadModel withoutApproachOverhead() {
        return new VirtualizationOverheadModel(parameters.withoutApproachOverhead());
    }

    /** The class default profile of a VM (COMPUTE when the inventory left the class empty). */
    public WorkloadProfile profileOf(WorkloadVm vm) {
        WorkloadClass c = vm.workloadClass() == null ? WorkloadClass.COMPUTE : vm.workloadClass();
        return parameters.classes().of(c);
    }

    /**
     * The VM's profile with I/O-bound shares measured from its trace: each resource's share of run
     * time is taken proportional to its mean utilization (CPU of the VM's configured size, disk and
     * network of the host device). Kernel and page-table shares stay the class defaults.
     */
    public WorkloadProfile measuredProfile(
            WorkloadVm vm,
            double meanCpuMhz,
            double meanDiskKBps,
            double meanNetworkKBps,
            double hostDiskKBps,
            double hostNetworkKBps) {
        WorkloadProfile base = profileOf(vm);
        double cpu = vm.cpuMhz() > 0 ? meanCpuMhz / vm.cpuMhz() : 0;
        double disk = hostDiskKBps > 0 ? meanDiskKBps / hostDiskKBps : 0;
        double net = hostNetworkKBps > 0 ? meanNetworkKBps / hostNetworkKBps : 0;
        double sum = cpu + disk + net;
        if (!(sum > 0)) return base;
        return base.withIoShares(disk / sum, net / sum);
    }

    /** Host CPU per unit of guest CPU demand (>= 1): user, privileged and MMU work under the approach. */
    public double cpuFactor(VirtualizationApproach approach, WorkloadProfile p) {
        ApproachFactors f = parameters.factors(approach);
        return (1 - p.kernelShare()) * f.userCpuFactor()
                + p.kernelShare() * f.privilegedCpuFactor()
                + p.pageTableShare() * (f.mmuFactor() - 1);
    }

    /** Fraction of native disk throughput delivered (sync and streaming I/O blended harmonically). */
    public double diskThroughput(VirtualizationApproach approach, WorkloadProfile p) {
        ApproachFactors f = parameters.factors(approach);
        return 1 / ((1 - p.syncDiskShare()) / f.diskThroughput() + p.syncDiskShare() / f.syncDiskThroughput());
    }

    /** Fraction of native network throughput delivered (large and small packets blended harmonically). */
    public double networkThroughput(VirtualizationApproach approach, WorkloadProfile p) {
        ApproachFactors f = parameters.factors(approach);
        return 1
                / ((1 - p.smallPacketShare()) / f.networkThroughput()
                        + p.smallPacketShare() / f.smallPacketThroughput());
    }

    /** Run-time stretch of the VM on an unsaturated host (>= 1 for the shipped defaults). */
    public double slowdown(VirtualizationApproach approach, WorkloadProfile p) {
        return p.cpuBoundShare() * cpuFactor(approach, p)
                + p.diskBoundShare() / diskThroughput(approach, p)
                + p.networkBoundShare() / networkThroughput(approach, p);
    }

    /** Delivered ÷ demanded performance on an unsaturated host: 1 / slowdown. */
    public double relativePerformance(VirtualizationApproach approach, WorkloadProfile p) {
        return 1 / slowdown(approach, p);
    }

    /** Host CPU (MHz) the VM's vCPUs execute on: its demand x CPU factor, capped at its configured vCPU MHz. */
    public static double vcpuHostMhz(double cpuMhz, double cpuFactor, double configuredCpuMhz) {
        return Math.min(configuredCpuMhz, cpuMhz * cpuFactor);
    }

    /**
     * Extra stretch of the CPU-bound term when the guest demands more than its configured vCPU MHz
     * (a trace sample above the VM's size): max(1, demand ÷ configured). The CPU factor's own stretch is
     * already in {@link #slowdown}, so a saturated vCPU at 100 % demand delivers cap ÷ host-side of native.
     */
    public static double vcpuStretch(double cpuMhz, double configuredCpuMhz) {
        return configuredCpuMhz > 0 && cpuMhz > configuredCpuMhz ? cpuMhz / configuredCpuMhz : 1;
    }

    /** Extra host CPU (MHz) the hypervisor's I/O path spends for this much disk and network traffic. */
    public double ioCpuMhz(VirtualizationApproach approach, double diskKBps, double networkKBps) {
        ApproachFactors f = parameters.factors(approach);
        return diskKBps * parameters.nativeCpuMhzPerDiskKBps() * (f.diskIoCpuFactor() - 1)
                + networkKBps * parameters.nativeCpuMhzPerNetworkKBps() * (f.networkIoCpuFactor() - 1);
    }

    /** Hypervisor memory per VM (R1-R3), from its configured vCPUs and RAM. */
    public double memoryOverheadMib(VirtualizationApproach approach, int vcpus, double configuredMemoryMib) {
        ApproachFactors f = parameters.factors(approach);
        return f.memoryFixedMib()
                + Math.max(1, vcpus) * f.memoryPerVcpuMib()
                + configuredMemoryMib * f.memoryFraction();
    }

    /** Share of guest memory left after page sharing (R4). */
    public double memoryKeptFraction() {
        return 1 - parameters.pageSharingFraction();
    }

    /**
     * {@inheritDoc}
     * Pass {@code Float.NaN} for a metric the trace does not have: memory then defaults to the VM's
     * configured size, disk and network to the class profile's I/O intensity x CPU demand.
     */
    @Override
    public void hostDemand(
            VirtualizationApproach approach,
            WorkloadVm vm,
            float cpuMhz,
            float memoryMib,
            float diskKBps,
            float networkKBps,
            float[] out) {
        hostDemand(
                approach,
                profileOf(vm),
                vm.cores(),
                vm.cpuMhz(),
                vm.memoryMib(),
                cpuMhz,
                memoryMib,
                diskKBps,
                networkKBps,
                out);
    }

    /** As {@link #hostDemand(VirtualizationApproach, WorkloadVm, float, float, float, float, float[])} for an explicit profile. */
    public void hostDemand(
            VirtualizationApproach approach,
            WorkloadProfile profile,
            int vcpus,
            double configuredCpuMhz,
            double configuredMemoryMib,
            float cpuMhz,
            float memoryMib,
            float diskKBps,
            float networkKBps,
            float[] out) {
        double disk = Float.isNaN(diskKBps) ? cpuMhz * profile.diskKBpsPerCpuMhz() : diskKBps;
        double net = Float.isNaN(networkKBps) ? cpuMhz * profile.networkKBpsPerCpuMhz() : networkKBps;
        double mem = Float.isNaN(memoryMib) ? configuredMemoryMib : memoryMib;
        out[Metric.CPU.ordinal()] = (float)
                (vcpuHostMhz(cpuMhz, cpuFactor(approach, profile), configuredCpuMhz) + ioCpuMhz(approach, disk, net));
        out[Metric.MEMORY.ordinal()] =
                (float) (mem * memoryKeptFraction() + memoryOverheadMib(approach, vcpus, configuredMemoryMib));
        out[Metric.DISK.ordinal()] = (float) disk;
        out[Metric.NETWORK.ordinal()] = (float) net;
    }
}
