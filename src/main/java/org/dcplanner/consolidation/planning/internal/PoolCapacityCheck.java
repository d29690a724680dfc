package org.dcplanner.consolidation.planning.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem.HostSlotSpec;
import org.dcplanner.consolidation.planning.solver.start.LowerBounds;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;

/**
 * Rejects pools no placement can satisfy, before any solving: a VM that at some step needs more of
 * a resource than the largest usable host offers, or a pool smaller than the lower bound
 * (max over resource and step of ceil(sum of demand / largest usable capacity)) plus the HA reserve, or than
 * the largest anti-affinity group.
 * "Usable" hosts are those the approach may run on (hardware-assisted needs hardware assist).
 * O(resources x VMs x steps).
 */
public final class PoolCapacityCheck {
    private PoolCapacityCheck() {}

    static void check(PlanningProblem p, double targetUtilization) {
        List<HostSlotSpec> usable = p.slots().stream()
                .filter(s -> p.approach() != VirtualizationApproach.HARDWARE_ASSISTED || s.hardwareAssist())
                .toList();
        int lowerBound = 0;
        for (int r = 0; r < p.rows(); r++) {
            final int res = r;
            double largest =
                    usable.stream().mapToDouble(s -> s.capacity()[res]).max().orElse(0);
            checkEachVmFits(p, r, largest, targetUtilization);
            lowerBound = Math.max(lowerBound, lowerBound(p.demand()[r], largest));
        }
        if (lowerBound + p.haReserveHosts() > usable.size()) {
            throw PlanProblemFactory.unprocessable(
                            "pool-too-small",
                            "the pool is too small: the demand needs at least "
                                    + lowerBound + " hosts (lower bound)"
                                    + (p.haReserveHosts() > 0
                                            ? " plus " + p.haReserveHosts() + " HA reserve hosts"
                                            : "")
                                    + ", but the pool has " + usable.size() + " usable hosts",
                            "hostPool")
                    .with("lowerBoundHosts", lowerBound)
                    .with("usableHosts", usable.size())
                    .with(
                            "suggestedPoolHosts",
                            suggestedPoolHosts(
                                    lowerBound + p.haReserveHosts(), p.vmNames().size() + p.haReserveHosts()));
        }
        checkAntiAffinityGroupsFit(p, usable.size());
    }

    /** The VMs of one anti-affinity group need a host each: a group larger than the usable pool can never fit. */
    private static void checkAntiAffinityGroupsFit(PlanningProblem p, int usableHosts) {
        if (LowerBounds.antiAffinityBound(p) <= usableHosts) {
            return;
        }
        // the message names the VMs of the group that does not fit
        Map<Integer, List<String>> members = new TreeMap<>();
        for (int vm = 0; vm < p.antiAffinityGroup().length; vm++) {
            int group = p.antiAffinityGroup()[vm];
            if (group >= 0)
                members.computeIfAbsent(group, g -> new ArrayList<>())
                        .add(p.vmNames().get(vm));
        }
        for (List<String> vms : members.values()) {
            if (vms.size() + p.haReserveHosts() > usableHosts) {
                throw PlanProblemFactory.unprocessable(
                                "pool-too-small",
                                "the pool is too small: the " + vms.size()
                                        + " VMs of one anti-affinity group ("
                                        + String.join(", ", vms.subList(0, Math.min(3, vms.size())))
                                        + (vms.size() > 3 ? ", …" : "") + ") need a host each"
                                        + (p.haReserveHosts() > 0
                                                ? ", and " + p.haReserveHosts() + " more so that they can restart "
                                                        + "apart after host failures (HA reserve)"
                                                : "")
                                        + ", but the pool has " + usableHosts
                                        + " usable hosts",
                                "hostPool")
                        .with("antiAffinityGroupVms", vms.size())
                        .with("usableHosts", usableHosts)
                        .with(
                                "suggestedPoolHosts",
                                suggestedPoolHosts(
                                        vms.size() + p.haReserveHosts(),
                                        p.vmNames().size() + p.haReserveHosts()));
            }
        }
    }

    /**
     * A pool size to offer after pool-too-small: twice what the bound needs (a plan usually needs more than its
     * lower bound, and the planner uses the fewest hosts whatever the pool), but never more than one host per VM
     * plus the reserve, which always holds each VM (each was checked to fit a host alone).
     */
    static int suggestedPoolHosts(int neededHosts, int oneHostPerVm) {
        return Math.max(neededHosts, Math.min(oneHostPerVm, 2 * neededHosts));
    }

    /** max over steps of ceil(sum over VMs / capacity). */
    public static int lowerBound(float[][] demand, double capacity) {
        if (demand.length == 0) return 0;
        int steps = demand[0].length;
        double[] sum = new double[steps];
        for (float[] vm : demand) {
            for (int t = 0; t < steps; t++) sum[t] += vm[t];
        }
        int lb = 0;
        for (double s : sum) lb = Math.max(lb, (int) Math.ceil(s / capacity - 1e-9));
        return lb;
    }

    private static void checkEachVmFits(PlanningProblem p, int r, double largest, double targetUtilization) {
        float[][] demand = p.demand()[r];
        for (int vm = 0; vm < demand.length; vm++) {
            for (int t = 0; t < demand[vm].length; t++) {
                if (demand[vm][t] > largest * (1 + 1e-6)) {
                    String resource = p.rowName(r);
                    throw PlanProblemFactory.unprocessable(
                                    "vm-too-large",
                                    String.format(
                                            java.util.Locale.ROOT,
                                            "VM '%s' needs %.1f %s of %s at step %d (after sizing and overhead), more than the largest "
                                                    + "usable host offers (%.1f at target utilization %.2f)",
                                            p.vmNames().get(vm),
                                            demand[vm][t],
                                            p.rowUnit(r),
                                            resource,
                                            t,
                                            largest,
                                            targetUtilization),
                                    "hostPool")
                            .with("vm", p.vmNames().get(vm))
                            .with("resource", resource)
                            .with("step", t);
                }
            }
        }
    }
}
