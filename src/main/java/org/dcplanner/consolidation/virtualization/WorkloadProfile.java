package org.dcplanner.consolidation.virtualization;

/**
 * What a VM's work is made of, the characteristics the overhead model scales by (docs/overheads-and-power.md
 * §4, how the factors are applied). All shares are fractions in [0, 1].
 *
 * @param kernelShare          p_sys: share of the VM's CPU time spent in the guest kernel (privileged code)
 * @param pageTableShare       m_pt: share of CPU time in page-table / TLB-miss work (forks, faults, context switches)
 * @param diskBoundShare       share of the VM's run time bound by disk I/O (rest is CPU or network)
 * @param networkBoundShare    share of the VM's run time bound by network I/O
 * @param syncDiskShare        share of the disk I/O that is small synchronous requests (worst case for emulation)
 * @param smallPacketShare     share of network traffic in small packets (high packet rate)
 * @param diskKBpsPerCpuMhz    disk KB/s the VM moves per MHz of CPU demand, used when the trace has no disk column
 * @param networkKBpsPerCpuMhz network KB/s per MHz of CPU demand, used when the trace has no network column
 */
public record WorkloadProfile(
        double kernelShare,
        double pageTableShare,
        double diskBoundShare,
        double networkBoundShare,
        double syncDiskShare,
        double smallPacketShare,
        double diskKBpsPerCpuMhz,
        double networkKBpsPerCpuMhz) {
    public WorkloadProfile {
        requireShare("kernelShare", kernelShare);
        requireShare("pageTableShare", pageTableShare);
        requireShare("diskBoundShare", diskBoundShare);
        requireShare("networkBoundShare", networkBoundShare);
        requireShare("syncDiskShare", syncDiskShare);
        requireShare("smallPacketShare", smallPacketShare);
        requireShare("diskBoundShare + networkBoundShare", diskBoundShare + networkBoundShare);
        if (kernelShare + pageTableShare > 1.0 + 1e-9) {
            throw new IllegalArgumentException("kernelShare + pageTableShare must be <= 1");
        }
        if (diskKBpsPerCpuMhz < 0 || networkKBpsPerCpuMhz < 0) {
            throw new IllegalArgumentException("I/O intensities must be >= 0");
        }
    }

    /** Share of run time bound by the CPU (neither disk nor network). */
    public double cpuBoundShare() {
        return 1.0 - diskBoundShare - networkBoundShare;
    }

    /** The same profile with the I/O-bound shares replaced (from a trace's measured disk/network activity). */
    public WorkloadProfile withIoShares(double diskShare, double networkShare) {
        return new WorkloadProfile(
                kernelShare,
                pageTableShare,
                diskShare,
                networkShare,
                syncDiskShare,
                smallPacketShare,
                diskKBpsPerCpuMhz,
                networkKBpsPerCpuMhz);
    }

    private static void requireShare(String name, double v) {
        if (!(v >= 0.0 && v <= 1.0 + 1e-9)) throw new IllegalArgumentException(name + " must be in [0, 1], was " + v);
    }
}
