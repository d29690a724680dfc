package org.dcplanner.consolidation.planning.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Picks the start placement: the better of the two baselines by score. With an HA reserve, time-series FFD is
 * also run with capacity scaled down (1 - k x 2.5 % to half, then x 0.8 a time) until the fluid HA condition holds:
 * when every VM fits on one host at half its capacity, only a smaller share spreads them over reserve + 1 hosts.
 * The host-emptying and balancing phases only take feasible starts, so without one no plan gets balanced.
 * Under COST / POWER, time-series FFD (and its HA spreads) is also run with each model's slots first
 * ({@link #modelFirstOrders}).
 */
final class Construction {
    /** The smallest capacity share tried for an HA start: 1 %, i.e. VMs spread over up to 100x the fluid count. */
    private static final double MIN_CAPACITY_FACTOR = 0.01;
    /** Model-first orders tried under COST / POWER: pools seldom mix more models. */
    private static final int MAX_MODEL_ORDERS = 8;

    private Construction() {}

    static int[] best(DemandModel model, int[] peakFfd, int[] tsFfd) {
        Stream.Builder<int[]> candidates = Stream.<int[]>builder().add(tsFfd).add(peakFfd);
        addHaSpreads(model, tsFfd, IntStream.range(0, model.slots()).toArray(), candidates);
        if (model.objective() != PlanningProblem.Objective.HOSTS) {
            for (int[] order : modelFirstOrders(model)) {
                int[] ffd = Baselines.timeSeriesFfd(model, 1.0, order);
                candidates.add(ffd);
                addHaSpreads(model, ffd, order, candidates);
            }
        }
        // each candidate scored once (a ledger is O(VMs x resources x steps))
        return candidates.build()
                .map(a -> Map.entry(a, ledger(model, a).score()))
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(tsFfd);
    }

    /** With an HA reserve the FFD misses, FFDs in the same slot order on shrinking capacity shares. */
    private static void addHaSpreads(DemandModel model, int[] ffd, int[] slotOrder, Stream.Builder<int[]> candidates) {
        if (model.haReserveHosts() == 0 || ledger(model, ffd).hardPenalty() == 0) {
            return;
        }
        for (double factor = 0.975; factor >= MIN_CAPACITY_FACTOR; factor = nextFactor(factor)) {
            int[] spread = Baselines.timeSeriesFfd(model, factor, slotOrder);
            candidates.add(spread);
            // feasible, or every host of the pool in use: a smaller share cannot spread further
            if (ledger(model, spread).hardPenalty() == 0 || Baselines.hostsUsed(spread) >= model.slots()) {
                return;
            }
        }
    }

    /**
     * Under COST / POWER the pool order decides which models first fit fills: per model of the pool (up to
     * {@link #MAX_MODEL_ORDERS}), its slots first, then the others from the cheapest per unit of capacity.
     */
    static List<int[]> modelFirstOrders(DemandModel model) {
        double[] price = costPerCapacity(model);
        Integer[] byEfficiency = IntStream.range(0, model.slots()).boxed()
                .sorted(Comparator.comparingDouble((Integer s) -> price[s])).toArray(Integer[]::new);
        List<String> models = Arrays.stream(byEfficiency).map(s -> model.slotSpec(s).modelId()).distinct()
                .limit(MAX_MODEL_ORDERS).toList();
        if (models.size() < 2) {
            return List.of();
        }
        List<int[]> orders = new ArrayList<>();
        for (String first : models) {
            orders.add(Stream.concat(Arrays.stream(byEfficiency).filter(s -> model.slotSpec(s).modelId().equals(first)),
                    Arrays.stream(byEfficiency).filter(s -> !model.slotSpec(s).modelId().equals(first)))
                    .mapToInt(Integer::intValue).toArray());
        }
        return orders;
    }

    /** Per slot, the objective's price (yearly cost or full-load watts) per its mean share of the largest capacities. */
    private static double[] costPerCapacity(DemandModel model) {
        long[] largest = new long[model.resources()];
        for (int r = 0; r < largest.length; r++) {
            largest[r] = 1;
            for (int s = 0; s < model.slots(); s++) {
                largest[r] = Math.max(largest[r], model.capacity(r, s));
            }
        }
        double[] price = new double[model.slots()];
        for (int s = 0; s < price.length; s++) {
            double share = 0;
            for (int r = 0; r < largest.length; r++) {
                share += model.capacity(r, s) / (double) largest[r] / largest.length;
            }
            PlanningProblem.HostSlotSpec spec = model.slotSpec(s);
            double cost = model.objective() == PlanningProblem.Objective.POWER ? spec.maxWatts() : spec.yearlyCost();
            price[s] = cost / Math.max(1e-9, share);
        }
        return price;
    }

    private static double nextFactor(double factor) {
        return factor > 0.5 ? factor - 0.025 : factor * 0.8;
    }

    /** A fresh ledger holding the assignment (unassigned VMs skipped). */
    static ScoreLedger ledger(DemandModel model, int[] vmSlot) {
        ScoreLedger ledger = new ScoreLedger(model);
        for (int v = 0; v < vmSlot.length; v++) {
            if (vmSlot[v] >= 0) {
                ledger.add(v, vmSlot[v]);
            }
        }
        return ledger;
    }
}
