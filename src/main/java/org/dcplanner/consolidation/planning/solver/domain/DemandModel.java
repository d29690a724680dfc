package org.dcplanner.consolidation.planning.solver.domain;

import java.util.List;
import org.dcplanner.consolidation.planning.Objective;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem.HostSlotSpec;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;

/**
 * The problem in exact integer units, shared by score calculation, baselines and search.
 * Per resource r, one unit is 1/m of the metric's own unit (MHz, MiB, KB/s) with the integer m that brings the
 * largest slot capacity of r closest to, without passing, {@link #UNITS_PER_LARGEST_HOST}: whole-numbered
 * demands and capacities (percent x MIPS traces, MiB) stay exact, so a host filled to exactly its capacity is
 * feasible, as "demand <= capacity" says. Fractional values are rounded, demand up and capacity down, so
 * integer feasibility implies real feasibility. (A largest capacity above a million, with m below one, gets
 * one unit = a millionth of it; VMs whose summed peaks pass about a thousand largest hosts get coarser units,
 * {@link #MAX_UNITS_OF_ALL_PEAKS}.)
 */
public final class DemandModel {
    /** At most this many units in the largest slot capacity of each resource (at least half as many). */
    public static final long UNITS_PER_LARGEST_HOST = 1_000_000L;
    /**
     * Bound on the VMs' summed peaks in units (about 1,000 largest hosts), so that a host's load, and a load plus
     * one more demand, fit an int (HostLoads keeps int loads for 32-bit vector lanes); a larger problem gets
     * coarser units.
     */
    static final double MAX_UNITS_OF_ALL_PEAKS = 1 << 30;

    private final PlanningProblem problem;
    private final int resources;
    private final int steps;
    private final int vms;
    private final int slots;
    /** [r][vm * steps + t] demand in units. */
    private final int[][] demand;
    /** [r][slot] capacity in units. */
    private final long[][] capacity;
    /** [r][vm] peak demand over the steps, in units. */
    private final int[][] peak;
    /** Model units per original unit (MHz, MiB, KB/s), per resource. */
    private final double[] unitsPerOriginal;
    /** Capacity of the largest slot, in units, per resource. */
    private final long[] largestCapacity;

    public DemandModel(PlanningProblem problem) {
        this.problem = problem;
        this.resources = problem.rows();
        this.steps = problem.steps();
        this.vms = problem.vmCount();
        this.slots = problem.slots().size();
        this.demand = new int[resources][vms * steps];
        this.capacity = new long[resources][slots];
        this.peak = new int[resources][vms];
        this.unitsPerOriginal = new double[resources];
        this.largestCapacity = new long[resources];
        for (int r = 0; r < resources; r++) {
            double largest = 0;
            for (HostSlotSpec s : problem.slots()) {
                largest = Math.max(largest, s.capacity()[r]);
            }
            double peakSum = 0;
            for (int v = 0; v < vms; v++) {
                double max = 0;
                for (float d : problem.demand()[r][v]) {
                    max = Math.max(max, d);
                }
                peakSum += max;
            }
            unitsPerOriginal[r] = unitsPerOriginal(largest, peakSum);
            for (int s = 0; s < slots; s++) {
                capacity[r][s] = (long) Math.floor(problem.slots().get(s).capacity()[r] * unitsPerOriginal[r] + 1e-9);
                largestCapacity[r] = Math.max(largestCapacity[r], capacity[r][s]);
            }
            for (int v = 0; v < vms; v++) {
                int max = 0;
                for (int t = 0; t < steps; t++) {
                    double d = Math.max(0, problem.demand()[r][v][t]) * unitsPerOriginal[r];
                    int units = (int) Math.min(Integer.MAX_VALUE, Math.ceil(d - 1e-9));
                    demand[r][v * steps + t] = units;
                    max = Math.max(max, units);
                }
                peak[r][v] = max;
            }
        }
    }

    /**
     * The whole multiplier m (at least 1) with largest x m <= UNITS_PER_LARGEST_HOST, else 1e6 / largest; smaller
     * if the VMs' summed peaks would pass {@link #MAX_UNITS_OF_ALL_PEAKS}, so that any host load fits an int.
     */
    static double unitsPerOriginal(double largest, double peakSum) {
        if (!(largest > 0)) {
            return 1.0;
        }
        double exact = UNITS_PER_LARGEST_HOST / largest;
        double m = exact >= 1 ? Math.floor(exact) : exact;
        return peakSum * m > MAX_UNITS_OF_ALL_PEAKS ? MAX_UNITS_OF_ALL_PEAKS / peakSum : m;
    }

    public PlanningProblem problem() {
        return problem;
    }

    public int resources() {
        return resources;
    }

    public int steps() {
        return steps;
    }

    public int vms() {
        return vms;
    }

    public int slots() {
        return slots;
    }

    /** Demand of all VMs of resource r, flattened as [vm * steps + t]. */
    public int[] demand(int r) {
        return demand[r];
    }

    public int demand(int r, int vm, int t) {
        return demand[r][vm * steps + t];
    }

    public long capacity(int r, int slot) {
        return capacity[r][slot];
    }

    public int peak(int r, int vm) {
        return peak[r][vm];
    }

    /** Size of one unit of resource r in the metric's own unit (MHz, MiB, KB/s). */
    public double unitSize(int r) {
        return 1.0 / unitsPerOriginal[r];
    }

    /** Largest peak share of the largest host over all resources: the VM's "size" for decreasing orders. */
    public double normalizedPeak(int vm) {
        double max = 0;
        for (int r = 0; r < resources; r++) {
            max = Math.max(max, largestCapacity[r] > 0 ? peak[r][vm] / (double) largestCapacity[r] : 0);
        }
        return max;
    }

    public HostSlotSpec slotSpec(int slot) {
        return problem.slots().get(slot);
    }

    public int pinnedSlot(int vm) {
        return pinnedSlot(problem, vm);
    }

    private static int pinnedSlot(PlanningProblem problem, int vm) {
        return problem.pinnedSlot() == null ? -1 : problem.pinnedSlot()[vm];
    }

    public int antiAffinityGroup(int vm) {
        return problem.antiAffinityGroup() == null ? -1 : problem.antiAffinityGroup()[vm];
    }

    public boolean paravirtCapable(int vm) {
        return problem.paravirtCapable() == null || problem.paravirtCapable()[vm];
    }

    /** Paravirtualization requested for a guest that is not modified for it (independent of the host). */
    public boolean paravirtViolation(int vm) {
        return problem.approach() == VirtualizationApproach.PARAVIRTUAL && !paravirtCapable(vm);
    }

    /** Hardware-assisted virtualization planned on a slot without VT-x/AMD-V. */
    public boolean hardwareAssistViolation(int slot) {
        return hardwareAssistViolation(problem, slot);
    }

    private static boolean hardwareAssistViolation(PlanningProblem problem, int slot) {
        return problem.approach() == VirtualizationApproach.HARDWARE_ASSISTED
                && !problem.slots().get(slot).hardwareAssist();
    }

    /** Whether the simple per-VM hard constraints (pinning, hardware assist) allow this slot. */
    public boolean allowed(int vm, int slot) {
        return allowed(problem, vm, slot);
    }

    /** {@link #allowed(int, int)} on the problem itself, for checks that need no scaled demand. */
    public static boolean allowed(PlanningProblem problem, int vm, int slot) {
        int pin = pinnedSlot(problem, vm);
        return (pin < 0 || pin == slot) && !hardwareAssistViolation(problem, slot);
    }

    public int haReserveHosts() {
        return Math.max(0, problem.haReserveHosts());
    }

    public Objective objective() {
        return problem.objective() == null ? Objective.HOSTS : problem.objective();
    }

    public List<String> resourceNames() {
        return java.util.stream.IntStream.range(0, resources)
                .mapToObj(problem::rowName)
                .toList();
    }
}
