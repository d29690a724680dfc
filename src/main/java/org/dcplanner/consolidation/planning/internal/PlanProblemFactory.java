package org.dcplanner.consolidation.planning.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.inventory.HostCatalog;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.planning.PlanRequest;
import org.dcplanner.consolidation.planning.VirtualizationChoice;
import org.dcplanner.consolidation.planning.internal.DemandSizer.SizedDemand;
import org.dcplanner.consolidation.planning.solver.SolveStopped;
import org.dcplanner.consolidation.planning.solver.StopPoll;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem.HostSlotSpec;
import org.dcplanner.consolidation.problem.ApiException;
import org.dcplanner.consolidation.virtualization.OverheadModel;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;

/**
 * Builds the solver's {@link PlanningProblem} from a validated request, the loaded workload and the
 * catalog, and rejects (422) requests no placement can satisfy: see {@link PoolCapacityCheck}.
 */
public final class PlanProblemFactory {
    private PlanProblemFactory() {}

    /**
     * The problem plus what the plan stores next to it, and the workload's VMs (configured sizes) for explanations.
     *
     * @param vmApproach each VM's virtualization approach (null: not known)
     * @param riskZ      in risk mode, the z of mean + z·sd ≤ capacity the problem was sized for; null otherwise
     */
    public record BuiltProblem(
            PlanningProblem problem,
            SizedDemand sized,
            List<String> slotModels,
            List<WorkloadVm> vms,
            VirtualizationApproach[] vmApproach,
            Double riskZ) {
        public BuiltProblem(PlanningProblem problem, SizedDemand sized, List<String> slotModels) {
            this(problem, sized, slotModels, List.of(), null, null);
        }
    }

    public static BuiltProblem build(
            PlanRequest request, LoadedWorkload workload, HostCatalog catalog, OverheadModel overhead) {
        return build(request, workload, catalog, overhead, true, StopPoll.never());
    }

    /** The same; risk sizing's probes check {@code stop} ({@link SolveStopped} when it is on). */
    public static BuiltProblem build(
            PlanRequest request, LoadedWorkload workload, HostCatalog catalog, OverheadModel overhead, StopPoll stop) {
        return build(request, workload, catalog, overhead, true, stop);
    }

    /**
     * The checks and shape of {@link #build} without risk mode's packing search (about 25 first-fit-decreasing
     * probes): the scenario means on the undrated pool, which is what a plan's start checks synchronously (the pool
     * check on the means is necessary, not sufficient; the job's search decides the rest).
     */
    public static BuiltProblem preview(
            PlanRequest request, LoadedWorkload workload, HostCatalog catalog, OverheadModel overhead) {
        return build(request, workload, catalog, overhead, false, StopPoll.never());
    }

    private static BuiltProblem build(
            PlanRequest request,
            LoadedWorkload workload,
            HostCatalog catalog,
            OverheadModel overhead,
            boolean riskSearch,
            StopPoll stop) {
        List<WorkloadVm> vms = workload.vms();
        DensityLimits limits = DensityLimits.of(request, catalog, vms);
        List<HostSlotSpec> pool = expandPool(request, catalog);
        List<HostSlotSpec> slots = limits.withRows(pool);
        List<String> vmNames = vms.stream().map(WorkloadVm::name).toList();
        int[] pinned = pinnedSlots(request.pinned(), vmNames, slots.size());
        boolean[] paravirt = new boolean[vms.size()];
        for (int i = 0; i < vms.size(); i++) paravirt[i] = vms.get(i).paravirtCapable();
        VirtualizationChoice choice = request.virtualization();
        boolean poolHardwareAssist = slots.stream().allMatch(HostSlotSpec::hardwareAssist);
        VirtualizationApproach[] vmApproach = choice.perVm(vms, poolHardwareAssist);
        // AUTO gives no VM an approach its hosts cannot run: the solver checks the approach of the non-paravirtual VMs
        VirtualizationApproach solverApproach = choice.base(poolHardwareAssist);
        checkApproach(solverApproach, choice == VirtualizationChoice.AUTO ? List.of() : vms, slots, pinned);
        // traces measured inside VMs already include their hypervisor's overhead: add none of the approach's
        OverheadModel model =
                Boolean.TRUE.equals(request.sizing().overheadInTrace()) ? overhead.withoutApproachOverhead() : overhead;
        SizedDemand sized;
        Double riskZ = null;
        if (request.sizing().riskTargeted() && riskSearch) {
            // the risk search probes packings on the physical resources; the density rows join the final problem
            RiskSizing risk = RiskSizing.of(workload, request, model, pool, stop);
            sized = risk.sized();
            slots = limits.withRows(risk.slots());
            riskZ = risk.z();
        } else {
            sized = DemandSizer.size(workload, request.resources(), request.sizing(), vmApproach, model);
        }
        PlanningProblem problem = new PlanningProblem(
                request.resources(),
                sized.steps(),
                limits.withRows(sized.demand(), sized.steps()),
                vmNames,
                slots,
                pinned,
                antiAffinityGroups(vms),
                paravirt,
                solverApproach,
                request.haReserveHosts(),
                request.objective(),
                limits.rows());
        PoolCapacityCheck.check(problem, request.targetUtilization());
        SolverMemoryCheck.check(problem, SolverMemoryCheck.budgetBytes());
        return new BuiltProblem(
                problem, sized, slots.stream().map(HostSlotSpec::modelId).toList(), vms, vmApproach, riskZ);
    }

    static List<HostSlotSpec> expandPool(PlanRequest request, HostCatalog catalog) {
        List<HostSlotSpec> slots = new ArrayList<>();
        for (int i = 0; i < request.hostPool().size(); i++) {
            PlanRequest.PoolEntry entry = request.hostPool().get(i);
            String field = "hostPool[" + i + "].model";
            HostModel model = catalog.find(entry.model())
                    .orElseThrow(() ->
                            ApiException.notFound("host model", entry.model()).at(null, null, field));
            HostSlotSpec spec = slotSpec(
                    model,
                    request.resources(),
                    request.targetUtilization(),
                    entry.limitsOver(request.limits()).memoryOvercommit());
            for (int c = 0; c < entry.count(); c++) slots.add(spec);
        }
        return slots;
    }

    /** Usable capacity per planned resource (x target utilization), power endpoints, yearly cost. */
    public static HostSlotSpec slotSpec(HostModel model, List<Metric> resources, double targetUtilization) {
        return slotSpec(model, resources, targetUtilization, null);
    }

    /** The same, memory also x {@code memoryOvercommit} when set (the admin's overcommit ratio). */
    static HostSlotSpec slotSpec(
            HostModel model, List<Metric> resources, double targetUtilization, Double memoryOvercommit) {
        double[] capacity = new double[resources.size()];
        for (int r = 0; r < capacity.length; r++) {
            capacity[r] = capacityOf(model, resources.get(r))
                    * targetUtilization
                    * (resources.get(r) == Metric.MEMORY && memoryOvercommit != null ? memoryOvercommit : 1);
        }
        double[] watts = model.powerWatts();
        return new HostSlotSpec(
                model.id(), capacity, watts[0], watts[10], model.yearlyCostUsd(), model.hardwareAssist());
    }

    static double capacityOf(HostModel model, Metric metric) {
        return switch (metric) {
            case CPU -> model.cpuMhz();
            case MEMORY -> model.memoryMib();
            case DISK -> model.diskKBps();
            case NETWORK -> model.networkKBps();
        };
    }

    private static int[] pinnedSlots(Map<String, Integer> pins, List<String> vmNames, int slotCount) {
        int[] pinned = new int[vmNames.size()];
        Arrays.fill(pinned, -1);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < vmNames.size(); i++) index.putIfAbsent(vmNames.get(i), i);
        pins.forEach((name, slot) -> {
            Integer vm = index.get(name);
            if (vm == null)
                throw unprocessable("unknown-vm", "pinned VM '" + name + "' is not in the workload", "pinned");
            if (slot == null || slot < 0 || slot >= slotCount) {
                throw unprocessable(
                        "pin-out-of-pool",
                        "pinned VM '" + name + "' names slot " + slot + ", but the pool has slots 0.."
                                + (slotCount - 1),
                        "pinned");
            }
            pinned[vm] = slot;
        });
        return pinned;
    }

    private static void checkApproach(
            VirtualizationApproach approach, List<WorkloadVm> vms, List<HostSlotSpec> slots, int[] pinned) {
        if (approach == VirtualizationApproach.PARAVIRTUAL) {
            List<String> incapable = vms.stream()
                    .filter(v -> !v.paravirtCapable())
                    .map(WorkloadVm::name)
                    .toList();
            if (!incapable.isEmpty()) {
                throw unprocessable(
                                "paravirtualization-not-possible",
                                incapable.size() + " of " + vms.size()
                                        + " guests are not paravirtualization-capable (modified guest OS needed), e.g. "
                                        + String.join(", ", incapable.subList(0, Math.min(5, incapable.size())))
                                        + "; mark them capable in the inventory or choose FULL or HARDWARE_ASSISTED",
                                "virtualization")
                        .with("incapableVms", incapable.subList(0, Math.min(100, incapable.size())));
            }
        }
        if (approach == VirtualizationApproach.HARDWARE_ASSISTED) {
            if (slots.stream().noneMatch(HostSlotSpec::hardwareAssist)) {
                throw unprocessable(
                        "hardware-assist-not-available",
                        "no host model in the pool supports hardware-assisted "
                                + "virtualization with nested paging; add such a model or choose FULL or PARAVIRTUAL",
                        "virtualization");
            }
            for (int vm = 0; vm < pinned.length; vm++) {
                if (pinned[vm] >= 0 && !slots.get(pinned[vm]).hardwareAssist()) {
                    throw unprocessable(
                            "hardware-assist-not-available",
                            "VM '" + vms.get(vm).name() + "' is pinned to slot " + pinned[vm] + " ("
                                    + slots.get(pinned[vm]).modelId() + "), which has no hardware assist",
                            "pinned");
                }
            }
        }
    }

    public static int[] antiAffinityGroups(List<WorkloadVm> vms) {
        Map<String, Integer> ids = new HashMap<>();
        int[] groups = new int[vms.size()];
        for (int i = 0; i < vms.size(); i++) {
            String g = vms.get(i).antiAffinityGroup();
            groups[i] = g == null || g.isBlank() ? -1 : ids.computeIfAbsent(g, k -> ids.size());
        }
        return groups;
    }

    static ApiException unprocessable(String type, String detail, String field) {
        return ApiException.unprocessable(type, detail).at(null, null, field);
    }
}
