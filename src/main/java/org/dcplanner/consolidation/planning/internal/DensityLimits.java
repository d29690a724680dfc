package org.dcplanner.consolidation.planning.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.inventory.HostCatalog;
import org.dcplanner.consolidation.planning.PlanRequest;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem.HostSlotSpec;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem.LimitRow;

/**
 * A request's vCPU:pCPU and VMs-per-host limits as extra solver rows ({@link LimitRow}): a row exists only when some
 * pool entry (or the whole pool) sets that limit, so a plan without limits is packed exactly as before. Per slot the
 * row's capacity is cores x vcpuPerCore (VCPUS) or maxVmsPerHost (VMS); a slot whose entry sets no such limit gets
 * a capacity no placement can reach (all VMs' vCPUs, all VMs). Per VM the demand is its configured vCPUs, or 1.
 * (Memory overcommit needs no row: it scales the memory capacity, {@link PlanProblemFactory#slotSpec}.)
 */
final class DensityLimits {
    private final List<LimitRow> rows;
    /** [row][slot] capacity. */
    private final double[][] capacity;

    private final List<WorkloadVm> vms;

    private DensityLimits(List<LimitRow> rows, double[][] capacity, List<WorkloadVm> vms) {
        this.rows = rows;
        this.capacity = capacity;
        this.vms = vms;
    }

    static DensityLimits of(PlanRequest request, HostCatalog catalog, List<WorkloadVm> vms) {
        List<PlanRequest.Limits> perEntry = request.hostPool().stream()
                .map(e -> e.limitsOver(request.limits()))
                .toList();
        List<LimitRow> rows = new ArrayList<>();
        if (perEntry.stream().anyMatch(l -> l.vcpuPerCore() != null)) rows.add(LimitRow.VCPUS);
        if (perEntry.stream().anyMatch(l -> l.maxVmsPerHost() != null)) rows.add(LimitRow.VMS);
        double allVcpus = vms.stream().mapToDouble(v -> Math.max(1, v.cores())).sum();
        int slots = request.hostPool().stream()
                .mapToInt(PlanRequest.PoolEntry::count)
                .sum();
        double[][] capacity = new double[rows.size()][slots];
        int slot = 0;
        for (int i = 0; i < perEntry.size(); i++) {
            PlanRequest.PoolEntry entry = request.hostPool().get(i);
            PlanRequest.Limits l = perEntry.get(i);
            int cores = catalog.find(entry.model()).map(m -> m.cores()).orElse(0);
            for (int c = 0; c < entry.count(); c++, slot++) {
                for (int k = 0; k < rows.size(); k++) {
                    capacity[k][slot] = switch (rows.get(k)) {
                        case VCPUS -> l.vcpuPerCore() != null ? Math.floor(cores * l.vcpuPerCore() + 1e-9) : allVcpus;
                        case VMS -> l.maxVmsPerHost() != null ? l.maxVmsPerHost() : vms.size();
                    };
                }
            }
        }
        return new DensityLimits(List.copyOf(rows), capacity, vms);
    }

    List<LimitRow> rows() {
        return rows;
    }

    /** The slots with their limit rows' capacities appended. */
    List<HostSlotSpec> withRows(List<HostSlotSpec> slots) {
        if (rows.isEmpty()) return slots;
        List<HostSlotSpec> out = new ArrayList<>(slots.size());
        for (int s = 0; s < slots.size(); s++) {
            HostSlotSpec spec = slots.get(s);
            double[] cap = Arrays.copyOf(spec.capacity(), spec.capacity().length + rows.size());
            for (int k = 0; k < rows.size(); k++) cap[spec.capacity().length + k] = capacity[k][s];
            out.add(new HostSlotSpec(
                    spec.modelId(), cap, spec.idleWatts(), spec.maxWatts(), spec.yearlyCost(), spec.hardwareAssist()));
        }
        return out;
    }

    /** The metric rows of the demand followed by one constant row per limit. */
    float[][][] withRows(float[][][] demand, int steps) {
        if (rows.isEmpty()) return demand;
        float[][][] out = Arrays.copyOf(demand, demand.length + rows.size());
        for (int k = 0; k < rows.size(); k++) {
            float[][] row = new float[vms.size()][steps];
            for (int v = 0; v < vms.size(); v++) {
                Arrays.fill(
                        row[v],
                        rows.get(k) == LimitRow.VCPUS ? Math.max(1, vms.get(v).cores()) : 1f);
            }
            out[demand.length + k] = row;
        }
        return out;
    }
}
