package org.dcplanner.consolidation.simulation.internal;

import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.dcplanner.consolidation.virtualization.VirtualizationOverheadModel;
import org.dcplanner.consolidation.virtualization.WorkloadProfile;

/**
 * Per-VM constants the replay's inner loop needs, all derived from the overhead model once per run
 * (the same formulas as {@link VirtualizationOverheadModel#hostDemand}, unrolled because they are linear):
 * host CPU = min(cpuCap, cpu x cpuCoef) + cpu x ioCpuCoef + disk x diskCpuCoef + network x netCpuCoef; when a
 * trace column is missing its I/O is the class intensity x CPU, folded into ioCpuCoef.
 */
final class VmCosts {
    final float[] cpuCoef;
    /** The VM's configured CPU MHz: the most host CPU its vCPUs execute on. */
    final float[] cpuCap;

    final float[] ioCpuCoef;
    final float[] diskCpuCoef;
    final float[] netCpuCoef;
    final float[] diskPerCpu;
    final float[] netPerCpu;
    final float[] memKept;
    final float[] memConst;
    /** Slowdown terms: cpu-bound share x CPU factor, disk share ÷ disk throughput, network share ÷ network throughput. */
    final float[] cpuTerm;

    final float[] diskTerm;
    final float[] netTerm;

    /** Host-side CPU MHz of VM v at guest CPU c, disk d and network nw KB/s (d, nw: 0 when unmeasured). */
    float hostCpu(int v, float c, float d, float nw) {
        return Math.min(cpuCap[v], c * cpuCoef[v]) + c * ioCpuCoef[v] + d * diskCpuCoef[v] + nw * netCpuCoef[v];
    }

    VmCosts(ReplayInput in) {
        int n = in.vmCount();
        cpuCoef = new float[n];
        cpuCap = new float[n];
        ioCpuCoef = new float[n];
        diskCpuCoef = new float[n];
        netCpuCoef = new float[n];
        diskPerCpu = new float[n];
        netPerCpu = new float[n];
        memKept = new float[n];
        memConst = new float[n];
        cpuTerm = new float[n];
        diskTerm = new float[n];
        netTerm = new float[n];
        VirtualizationOverheadModel m = in.model();
        for (int v = 0; v < n; v++) {
            VirtualizationApproach a = in.approachOf(v);
            double perDiskKBps = m.ioCpuMhz(a, 1, 0);
            double perNetKBps = m.ioCpuMhz(a, 0, 1);
            WorkloadProfile p = in.profiles()[v];
            double cpu = m.cpuFactor(a, p);
            diskPerCpu[v] = in.diskKBps() == null ? (float) p.diskKBpsPerCpuMhz() : 0f;
            netPerCpu[v] = in.networkKBps() == null ? (float) p.networkKBpsPerCpuMhz() : 0f;
            cpuCoef[v] = (float) cpu;
            cpuCap[v] = (float) in.configuredCpuMhz()[v];
            ioCpuCoef[v] = (float) (diskPerCpu[v] * perDiskKBps + netPerCpu[v] * perNetKBps);
            diskCpuCoef[v] = (float) perDiskKBps;
            netCpuCoef[v] = (float) perNetKBps;
            double overhead = m.memoryOverheadMib(a, in.vcpus()[v], in.configuredMemoryMib()[v]);
            memKept[v] = (float) m.memoryKeptFraction();
            memConst[v] = (float)
                    (in.memoryMib() == null
                            ? in.configuredMemoryMib()[v] * m.memoryKeptFraction() + overhead
                            : overhead);
            cpuTerm[v] = (float) (p.cpuBoundShare() * cpu);
            diskTerm[v] = (float) (p.diskBoundShare() / m.diskThroughput(a, p));
            netTerm[v] = (float) (p.networkBoundShare() / m.networkThroughput(a, p));
        }
    }
}
