package org.dcplanner.consolidation.simulation.internal;

import java.util.List;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.dcplanner.consolidation.virtualization.VirtualizationOverheadModel;
import org.dcplanner.consolidation.virtualization.WorkloadProfile;

/**
 * Everything one replay needs, already in flat arrays. Guest-side demand series are {@code [vm][step]};
 * a null memory/disk/network series means the trace does not have that column (the overhead model's
 * fallback applies). The arrays are read, never written.
 *
 * @param hosts          one entry per host slot (its catalog model)
 * @param vmHost         per VM, the host index it runs on (-1: not placed)
 * @param profiles       per VM, its workload characteristics
 * @param vcpus          per VM, configured virtual CPUs
 * @param configuredCpuMhz per VM, configured CPU (all vCPUs): the most host CPU its vCPUs can execute on
 * @param configuredMemoryMib per VM, configured memory
 * @param recordHostSeries keep per host x step utilization for every resource (the heatmap)
 * @param recordVmSeries   keep per VM x step delivered ÷ demanded performance
 * @param migrations       live migrations to replay (empty: the placement stays fixed)
 * @param vmApproach       per VM, its own approach (a plan with virtualization AUTO); null = every VM {@code approach}
 */
public record ReplayInput(
        VirtualizationApproach approach,
        VirtualizationOverheadModel model,
        int stepSeconds,
        int steps,
        float[][] cpuMhz,
        float[][] memoryMib,
        float[][] diskKBps,
        float[][] networkKBps,
        WorkloadProfile[] profiles,
        int[] vcpus,
        double[] configuredCpuMhz,
        double[] configuredMemoryMib,
        List<HostModel> hosts,
        int[] vmHost,
        boolean recordHostSeries,
        boolean recordVmSeries,
        List<Migration> migrations,
        VirtualizationApproach[] vmApproach) {
    public ReplayInput {
        hosts = List.copyOf(hosts);
        migrations = List.copyOf(migrations);
        int n = cpuMhz.length;
        if (profiles.length != n
                || vcpus.length != n
                || configuredCpuMhz.length != n
                || configuredMemoryMib.length != n
                || vmHost.length != n) {
            throw new IllegalArgumentException("per-VM arrays must all have " + n + " entries");
        }
        for (float[][] s : new float[][][] {cpuMhz, memoryMib, diskKBps, networkKBps}) {
            if (s == null) continue;
            if (s.length != n) throw new IllegalArgumentException("series must have one row per VM");
            for (float[] row : s)
                if (row.length < steps) throw new IllegalArgumentException("series shorter than " + steps + " steps");
        }
        for (int h : vmHost) {
            if (h >= hosts.size()) throw new IllegalArgumentException("VM placed on unknown host " + h);
        }
        if (stepSeconds <= 0 || steps <= 0) throw new IllegalArgumentException("empty time grid");
        if (vmApproach != null && vmApproach.length != n)
            throw new IllegalArgumentException("vmApproach needs " + n + " entries");
        for (Migration m : migrations) {
            if (m.vm() < 0
                    || m.vm() >= n
                    || m.toHost() < 0
                    || m.toHost() >= hosts.size()
                    || m.atStep() < 0
                    || m.atStep() >= steps) {
                throw new IllegalArgumentException("migration out of range: " + m);
            }
        }
    }

    /** An input built part by part; what is not given is absent: no migrations, one approach for every VM, nothing recorded. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this input's parts, to replay the same VMs with some parts changed. */
    public Builder toBuilder() {
        return builder()
                .approach(approach, model)
                .demand(stepSeconds, steps, cpuMhz, memoryMib, diskKBps, networkKBps)
                .vms(profiles, vcpus, configuredCpuMhz, configuredMemoryMib)
                .placement(hosts, vmHost)
                .record(recordHostSeries, recordVmSeries)
                .migrations(migrations)
                .vmApproach(vmApproach);
    }

    /** Collects a {@link ReplayInput}'s parts; {@link #build()} checks them. */
    public static final class Builder {
        private VirtualizationApproach approach;
        private VirtualizationOverheadModel model;
        private int stepSeconds;
        private int steps;
        private float[][] cpuMhz;
        private float[][] memoryMib;
        private float[][] diskKBps;
        private float[][] networkKBps;
        private WorkloadProfile[] profiles;
        private int[] vcpus;
        private double[] configuredCpuMhz;
        private double[] configuredMemoryMib;
        private List<HostModel> hosts;
        private int[] vmHost;
        private boolean recordHostSeries;
        private boolean recordVmSeries;
        private List<Migration> migrations = List.of();
        private VirtualizationApproach[] vmApproach;

        private Builder() {}

        public Builder approach(VirtualizationApproach approach, VirtualizationOverheadModel model) {
            this.approach = approach;
            this.model = model;
            return this;
        }

        /** The time grid and the guest demand series, {@code [vm][step]}; null memory/disk/network: not measured. */
        public Builder demand(
                int stepSeconds,
                int steps,
                float[][] cpuMhz,
                float[][] memoryMib,
                float[][] diskKBps,
                float[][] networkKBps) {
            this.stepSeconds = stepSeconds;
            this.steps = steps;
            this.cpuMhz = cpuMhz;
            this.memoryMib = memoryMib;
            this.diskKBps = diskKBps;
            this.networkKBps = networkKBps;
            return this;
        }

        public Builder vms(
                WorkloadProfile[] profiles, int[] vcpus, double[] configuredCpuMhz, double[] configuredMemoryMib) {
            this.profiles = profiles;
            this.vcpus = vcpus;
            this.configuredCpuMhz = configuredCpuMhz;
            this.configuredMemoryMib = configuredMemoryMib;
            return this;
        }

        public Builder placement(List<HostModel> hosts, int[] vmHost) {
            this.hosts = hosts;
            this.vmHost = vmHost;
            return this;
        }

        public Builder record(boolean hostSeries, boolean vmSeries) {
            this.recordHostSeries = hostSeries;
            this.recordVmSeries = vmSeries;
            return this;
        }

        public Builder migrations(List<Migration> migrations) {
            this.migrations = migrations;
            return this;
        }

        /** Per VM, its own approach (a plan with virtualization AUTO); null: every VM under the builder's approach. */
        public Builder vmApproach(VirtualizationApproach[] vmApproach) {
            this.vmApproach = vmApproach;
            return this;
        }

        public ReplayInput build() {
            return new ReplayInput(
                    approach,
                    model,
                    stepSeconds,
                    steps,
                    cpuMhz,
                    memoryMib,
                    diskKBps,
                    networkKBps,
                    profiles,
                    vcpus,
                    configuredCpuMhz,
                    configuredMemoryMib,
                    hosts,
                    vmHost,
                    recordHostSeries,
                    recordVmSeries,
                    migrations,
                    vmApproach);
        }
    }

    /** The approach VM v runs under. */
    public VirtualizationApproach approachOf(int v) {
        return vmApproach == null ? approach : vmApproach[v];
    }

    public int vmCount() {
        return cpuMhz.length;
    }
}
