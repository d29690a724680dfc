package org.dcplanner.consolidation.simulation.internal;

import java.util.ArrayList;
import java.util.List;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.simulation.internal.SimulationRunner.PlanContext;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.dcplanner.consolidation.virtualization.VirtualizationOverheadModel;

/**
 * One host's stacked demand: each of its VMs' host-side CPU MHz and memory MiB per step, against the
 * host's capacity.
 */
record HostDemandView(
        int host,
        String modelId,
        VirtualizationApproach virtualization,
        double cpuMhzCapacity,
        double memoryMibCapacity,
        int stepSeconds,
        List<VmSeries> vms) {

    record VmSeries(int vm, String name, float[] cpuMhz, float[] memoryMib) {}

    static HostDemandView of(
            PlanContext ctx, VirtualizationOverheadModel model, VirtualizationApproach approach, int host) {
        ReplayInput in = ctx.input(model, approach, false);
        List<VmSeries> vms = new ArrayList<>();
        for (int v = 0; v < in.vmCount(); v++) {
            if (in.vmHost()[v] != host) continue;
            float[][] demand = HostSideDemand.ofVm(in, v);
            vms.add(new VmSeries(
                    v,
                    ctx.workload().vms().get(v).name(),
                    demand[Metric.CPU.ordinal()],
                    demand[Metric.MEMORY.ordinal()]));
        }
        HostModel m = ctx.hosts().get(host);
        return new HostDemandView(host, m.id(), approach, m.cpuMhz(), m.memoryMib(), in.stepSeconds(), vms);
    }
}
