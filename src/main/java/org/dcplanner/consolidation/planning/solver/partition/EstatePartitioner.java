package org.dcplanner.consolidation.planning.solver.partition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;

/**
 * Splits an estate into partitions that can be solved apart. Rules first: the VMs of an anti-affinity group form
 * one unit (so the group's constraint holds inside one partition), pinned VMs stay out (on their pin). Then load
 * shape: each unit's daily profile (per hour-of-day bucket, its highest demand as a share of the pool's mean
 * capacity, the most loaded resource counting) is added, largest units first, to the partition whose busiest bucket
 * stays lowest with it, among the partitions not yet over their share of VMs. Units whose peaks fall at different
 * hours so land together and every partition ends with about the same load at every hour. Each partition then gets a
 * disjoint slice of the pool, per host model, in proportion to its load (pinned slots go to no partition).
 */
public final class EstatePartitioner {
    /** Hour-of-day buckets of the load profile. */
    static final int BUCKETS = 24;
    /** A partition may hold this much more than its even share of VMs. */
    private static final double VM_SLACK = 1.10;

    private EstatePartitioner() {}

    public static Partitioning split(PlanningProblem problem, int partitions) {
        if (partitions < 1) throw new IllegalArgumentException("partitions must be >= 1");
        int n = problem.vmCount();
        List<int[]> units = units(problem);
        int buckets = Math.min(BUCKETS, Math.max(1, problem.steps()));
        double[] meanCapacity = meanCapacity(problem);
        double[][] profile = new double[units.size()][];
        double[] weight = new double[units.size()];
        for (int u = 0; u < units.size(); u++) {
            profile[u] = new double[buckets];
            for (int v : units.get(u)) addProfile(problem, v, meanCapacity, profile[u]);
            for (double x : profile[u]) weight[u] = Math.max(weight[u], x);
        }
        Integer[] order = new Integer[units.size()];
        for (int u = 0; u < order.length; u++) order[u] = u;
        Arrays.sort(order, Comparator.comparingDouble((Integer u) -> -weight[u]).thenComparingInt(u -> u));

        int placedVms = units.stream().mapToInt(u -> u.length).sum();
        int vmCap = (int) Math.ceil(placedVms / (double) partitions * VM_SLACK);
        double[][] load = new double[partitions][buckets];
        int[] vmCount = new int[partitions];
        List<List<Integer>> members = new ArrayList<>();
        for (int k = 0; k < partitions; k++) members.add(new ArrayList<>());
        for (int u : order) {
            int size = units.get(u).length;
            int best = -1;
            double bestPeak = Double.MAX_VALUE;
            for (int k = 0; k < partitions; k++) {
                if (vmCount[k] > 0 && vmCount[k] + size > vmCap) continue;
                double peak = 0;
                for (int b = 0; b < buckets; b++) peak = Math.max(peak, load[k][b] + profile[u][b]);
                if (peak < bestPeak || (peak == bestPeak && vmCount[k] < vmCount[best])) {
                    bestPeak = peak;
                    best = k;
                }
            }
            if (best < 0) best = fewestVms(vmCount);
            for (int b = 0; b < buckets; b++) load[best][b] += profile[u][b];
            vmCount[best] += size;
            for (int v : units.get(u)) members.get(best).add(v);
        }
        int[][] vms = new int[partitions][];
        double[] share = new double[partitions];
        double total = 0;
        for (int k = 0; k < partitions; k++) {
            vms[k] =
                    members.get(k).stream().mapToInt(Integer::intValue).sorted().toArray();
            for (double x : load[k]) share[k] += x;
            total += share[k];
        }
        for (int k = 0; k < partitions; k++) share[k] = total > 0 ? share[k] / total : 1.0 / partitions;
        if (n > 0 && Arrays.stream(vms).anyMatch(a -> a.length == 0)) {
            throw new IllegalArgumentException(
                    "cannot split " + n + " VMs (" + units.size() + " units) into " + partitions + " partitions");
        }
        return new Partitioning(vms, slices(problem, share));
    }

    /** How many units (anti-affinity groups and unpinned VMs outside groups) there are: at most this many partitions. */
    public static int unitCount(PlanningProblem problem) {
        return units(problem).size();
    }

    /** Anti-affinity groups as one unit each, every other unpinned VM alone; pinned VMs in none. */
    static List<int[]> units(PlanningProblem problem) {
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        List<int[]> units = new ArrayList<>();
        for (int v = 0; v < problem.vmCount(); v++) {
            if (problem.pinnedSlot()[v] >= 0) continue;
            int g = problem.antiAffinityGroup()[v];
            if (g < 0) units.add(new int[] {v});
            else groups.computeIfAbsent(g, x -> new ArrayList<>()).add(v);
        }
        for (List<Integer> g : groups.values())
            units.add(g.stream().mapToInt(Integer::intValue).toArray());
        return units;
    }

    private static double[] meanCapacity(PlanningProblem problem) {
        double[] mean = new double[problem.rows()];
        for (var slot : problem.slots()) {
            for (int r = 0; r < mean.length; r++)
                mean[r] += slot.capacity()[r] / problem.slots().size();
        }
        for (int r = 0; r < mean.length; r++) if (!(mean[r] > 0)) mean[r] = 1;
        return mean;
    }

    /** Adds VM v's profile: per bucket, the highest demand over its steps as a share of capacity, busiest row. */
    private static void addProfile(PlanningProblem problem, int v, double[] meanCapacity, double[] profile) {
        int steps = problem.steps();
        for (int t = 0; t < steps; t++) {
            int b = (int) ((long) t * profile.length / steps);
            double x = 0;
            for (int r = 0; r < meanCapacity.length; r++) {
                x = Math.max(x, problem.demand()[r][v][t] / meanCapacity[r]);
            }
            profile[b] = Math.max(profile[b], x);
        }
    }

    private static int fewestVms(int[] vmCount) {
        int best = 0;
        for (int k = 1; k < vmCount.length; k++) if (vmCount[k] < vmCount[best]) best = k;
        return best;
    }

    /**
     * Per host model (in pool order), its unpinned slots dealt out in contiguous runs in proportion to the
     * partitions' load shares (largest remainders), so each partition has every model in about its share.
     */
    static int[][] slices(PlanningProblem problem, double[] share) {
        boolean[] pinned = new boolean[problem.slots().size()];
        for (int pin : problem.pinnedSlot()) if (pin >= 0) pinned[pin] = true;
        Map<String, List<Integer>> byModel = new LinkedHashMap<>();
        for (int s = 0; s < pinned.length; s++) {
            if (!pinned[s])
                byModel.computeIfAbsent(problem.slots().get(s).modelId(), m -> new ArrayList<>())
                        .add(s);
        }
        List<List<Integer>> out = new ArrayList<>();
        for (int k = 0; k < share.length; k++) out.add(new ArrayList<>());
        for (List<Integer> modelSlots : byModel.values()) {
            int[] counts = apportion(modelSlots.size(), share);
            int next = 0;
            for (int k = 0; k < share.length; k++) {
                for (int i = 0; i < counts[k]; i++) out.get(k).add(modelSlots.get(next++));
            }
        }
        int[][] slices = new int[share.length][];
        for (int k = 0; k < share.length; k++)
            slices[k] = out.get(k).stream().mapToInt(Integer::intValue).toArray();
        return slices;
    }

    /** {@code total} split by {@code share} with largest remainders (the counts sum to total). */
    static int[] apportion(int total, double[] share) {
        int[] counts = new int[share.length];
        double[] remainder = new double[share.length];
        int given = 0;
        for (int k = 0; k < share.length; k++) {
            double exact = total * share[k];
            counts[k] = (int) Math.floor(exact);
            remainder[k] = exact - counts[k];
            given += counts[k];
        }
        List<Integer> byRemainder = new ArrayList<>();
        for (int k = 0; k < share.length; k++) byRemainder.add(k);
        byRemainder.sort(
                Comparator.comparingDouble((Integer k) -> -remainder[k]).thenComparingInt(k -> k));
        for (int i = 0; given < total; i++, given++) counts[byRemainder.get(i % share.length)]++;
        return counts;
    }
}
