package org.dcplanner.consolidation.simulation.internal;

import java.util.ArrayList;
import java.util.List;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.inventory.HostCatalog;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.planning.PlacedPlan;
import org.dcplanner.consolidation.problem.ApiException;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.dcplanner.consolidation.virtualization.VirtualizationOverheadModel;
import org.dcplanner.consolidation.virtualization.WorkloadProfile;

/**
 * Turns a solved plan and its workload into a replay input: hosts = the plan's active hosts (catalog
 * models), VM profiles = class defaults, with I/O-bound shares measured from the trace when it has
 * disk or network columns; all-zero metrics count as unmeasured (see {@link #measured}). A plan whose sizing
 * says the overhead is already in the trace replays without approach overhead, as it was planned.
 */
final class PlanReplayInputs {
    private PlanReplayInputs() {}

    static List<HostModel> hostModels(PlacedPlan plan, HostCatalog catalog) {
        List<HostModel> hosts = new ArrayList<>(plan.hosts().size());
        for (PlacedPlan.PlannedHost h : plan.hosts()) {
            hosts.add(catalog.find(h.modelId())
                    .orElseThrow(() -> ApiException.unprocessable(
                            "unknown-host-model",
                            "plan " + plan.planId() + " uses host model '" + h.modelId()
                                    + "' which is not in the catalog")));
        }
        return hosts;
    }

    static ReplayInput build(
            PlacedPlan plan,
            LoadedWorkload w,
            List<HostModel> hosts,
            VirtualizationOverheadModel approachModel,
            VirtualizationApproach approach,
            boolean recordHostSeries,
            boolean recordVmSeries) {
        // series that already include a hypervisor's overhead were planned without the approach's: replay them so too
        VirtualizationOverheadModel model =
                plan.overheadInTrace() ? approachModel.withoutApproachOverhead() : approachModel;
        int n = w.vms().size();
        float[][] cpu = w.series().get(Metric.CPU);
        if (cpu == null) {
            throw ApiException.unprocessable("no-cpu-series", "workload " + w.id() + " has no CPU series to replay");
        }
        if (plan.vmHostSlot().length != n) {
            throw ApiException.unprocessable(
                    "plan-workload-mismatch",
                    "plan places " + plan.vmHostSlot().length + " VMs but workload " + w.id() + " has " + n);
        }
        float[][] disk = measured(w.series().get(Metric.DISK));
        float[][] net = measured(w.series().get(Metric.NETWORK));
        float[][] memory = measured(w.series().get(Metric.MEMORY));
        WorkloadProfile[] profiles = new WorkloadProfile[n];
        int[] vcpus = new int[n];
        double[] mem = new double[n];
        double[] cpuCap = new double[n];
        for (int v = 0; v < n; v++) {
            WorkloadVm vm = w.vms().get(v);
            vcpus[v] = Math.max(1, vm.cores());
            mem[v] = vm.memoryMib();
            cpuCap[v] = vm.cpuMhz();
            int slot = plan.vmHostSlot()[v];
            if ((disk != null || net != null) && slot >= 0) {
                HostModel h = hosts.get(slot);
                profiles[v] = model.measuredProfile(
                        vm,
                        mean(cpu[v]),
                        disk == null ? 0 : mean(disk[v]),
                        net == null ? 0 : mean(net[v]),
                        h.diskKBps(),
                        h.networkKBps());
            } else {
                profiles[v] = model.profileOf(vm);
            }
        }
        // a plan with virtualization AUTO replays each VM under the approach the plan gave it
        VirtualizationApproach[] vmApproach = null;
        if (plan.autoApproach() && approach == plan.approach()) {
            vmApproach = new VirtualizationApproach[n];
            for (int v = 0; v < n; v++) vmApproach[v] = plan.approachOf(w.vms().get(v));
        }
        return ReplayInput.builder()
                .approach(approach, model)
                .demand(w.grid().stepSeconds(), w.grid().steps(), cpu, memory, disk, net)
                .vms(profiles, vcpus, cpuCap, mem)
                .placement(hosts, plan.vmHostSlot())
                .record(recordHostSeries, recordVmSeries)
                .vmApproach(vmApproach)
                .build();
    }

    /**
     * The series, or null when it is zero for every VM and step: the ingestion store loads metrics a
     * trace did not measure as zeros, and an all-zero memory/disk/network trace is taken as unmeasured
     * (the overhead model's fallbacks then apply: configured memory, class I/O intensity).
     */
    static float[][] measured(float[][] series) {
        if (series == null) return null;
        for (float[] row : series) {
            for (float x : row) if (x != 0f) return series;
        }
        return null;
    }

    private static double mean(float[] s) {
        double sum = 0;
        for (float x : s) sum += x;
        return s.length == 0 ? 0 : sum / s.length;
    }
}
