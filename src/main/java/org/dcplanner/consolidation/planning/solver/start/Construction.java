package org.dcplanner.consolidation.planning.solver.start;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.dcplanner.consolidation.planning.solver.SolveStopped;
import org.dcplanner.consolidation.planning.solver.StopPoll;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.score.ScoreLedger;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * Picks the start placement: the better of the two baselines by score. With an HA reserve, time-series FFD is
 * also run with capacity scaled down until the fluid HA condition holds ({@link #addHaSpreads}): the host-emptying
 * and balancing phases only take feasible starts, so without one no plan gets balanced.
 * On a pool of several models, time-series FFD (and its HA spreads) is also run with each model's slots first
 * ({@link #modelFirstOrders}), under every objective.
 */
public final class Construction {
    /**
     * Capacity shares tried for an HA start, down to 1 % (VMs spread over up to 100x the fluid count): when every VM
     * fits on one host at half its capacity, only a small share spreads them over reserve + 1 hosts.
     */
    private static final double[] COARSE_FACTORS = {0.975, 0.9, 0.75, 0.5, 0.3, 0.15, 0.05, 0.01};
    /** Bisection steps between the last share that missed the reserve and the first that held it. */
    private static final int BISECTIONS = 3;
    /** Model-first orders tried on a mixed pool: pools seldom mix more models. */
    private static final int MAX_MODEL_ORDERS = 8;

    private Construction() {}

    public static int[] best(DemandModel model, int[] peakFfd, int[] tsFfd) {
        return best(model, peakFfd, tsFfd, StopPoll.never());
    }

    /**
     * The same, checking {@code stop} in every FFD it runs: once it is on, the best of the candidates scored so far
     * (at least the better of the two baselines).
     */
    public static int[] best(DemandModel model, int[] peakFfd, int[] tsFfd, StopPoll stop) {
        Candidates candidates = new Candidates(model);
        long tsFfdHardPenalty = candidates.add(tsFfd);
        candidates.add(peakFfd);
        try {
            addHaSpreads(model, tsFfdHardPenalty, Baselines.poolOrder(model), candidates, stop);
            // a mixed pool: each model's slots first too, whatever the objective, so the start does not hang on the
            // order
            for (int[] order : modelFirstOrders(model)) {
                int[] ffd = Baselines.timeSeriesFfd(model, 1.0, order, stop);
                addHaSpreads(model, candidates.add(ffd), order, candidates, stop);
            }
        } catch (SolveStopped stopped) {
            // stopped: the candidates scored so far are the start (the search is not started either)
        }
        return candidates.best;
    }

    /** The best start so far by score, the first of equals kept; each candidate scored once (O(VMs x resources x steps)). */
    private static final class Candidates {
        private final DemandModel model;
        private int[] best;
        private HardMediumSoftLongScore bestScore;

        Candidates(DemandModel model) {
            this.model = model;
        }

        /** Scores the placement, keeps it if better than every earlier one; returns its hard penalty. */
        long add(int[] placement) {
            ScoreLedger ledger = ledger(model, placement);
            HardMediumSoftLongScore score = ledger.score();
            if (best == null || score.compareTo(bestScore) > 0) {
                best = placement;
                bestScore = score;
            }
            return ledger.hardPenalty();
        }
    }

    /**
     * With an HA reserve the FFD misses, FFDs in the same slot order on smaller capacity shares: coarse steps down
     * until one holds the reserve (or the whole pool is in use), then bisection towards the largest share that
     * does, so the start is as tight as the reserve allows. Every FFD tried is a candidate.
     */
    private static void addHaSpreads(
            DemandModel model, long ffdHardPenalty, int[] slotOrder, Candidates candidates, StopPoll stop) {
        if (model.haReserveHosts() == 0 || ffdHardPenalty == 0) {
            return;
        }
        double infeasible = 1.0;
        double feasible = -1;
        for (double factor : COARSE_FACTORS) {
            int[] spread = Baselines.timeSeriesFfd(model, factor, slotOrder, stop);
            if (candidates.add(spread) == 0) {
                feasible = factor;
                break;
            }
            infeasible = factor;
            if (Baselines.hostsUsed(spread) >= model.slots()) {
                return; // every host of the pool in use: a smaller share cannot spread further
            }
        }
        for (int i = 0; feasible > 0 && i < BISECTIONS && infeasible - feasible > 0.01; i++) {
            double factor = (feasible + infeasible) / 2;
            if (candidates.add(Baselines.timeSeriesFfd(model, factor, slotOrder, stop)) == 0) {
                feasible = factor;
            } else {
                infeasible = factor;
            }
        }
    }

    /**
     * The slot order decides which models first fit fills: per model of the pool (up to
     * {@link #MAX_MODEL_ORDERS}), its slots first, then the others from the cheapest per unit of capacity.
     */
    static List<int[]> modelFirstOrders(DemandModel model) {
        double[] price = Baselines.costPerCapacity(model);
        Integer[] byEfficiency = IntStream.range(0, model.slots())
                .boxed()
                .sorted(Comparator.comparingDouble((Integer s) -> price[s]))
                .toArray(Integer[]::new);
        List<String> models = Arrays.stream(byEfficiency)
                .map(s -> model.slotSpec(s).modelId())
                .distinct()
                .limit(MAX_MODEL_ORDERS)
                .toList();
        if (models.size() < 2) {
            return List.of();
        }
        List<int[]> orders = new ArrayList<>();
        for (String first : models) {
            orders.add(Stream.concat(
                            Arrays.stream(byEfficiency)
                                    .filter(s -> model.slotSpec(s).modelId().equals(first)),
                            Arrays.stream(byEfficiency)
                                    .filter(s -> !model.slotSpec(s).modelId().equals(first)))
                    .mapToInt(Integer::intValue)
                    .toArray());
        }
        return orders;
    }

    /** A fresh ledger holding the assignment (unassigned VMs skipped). */
    public static ScoreLedger ledger(DemandModel model, int[] vmSlot) {
        ScoreLedger ledger = new ScoreLedger(model);
        for (int v = 0; v < vmSlot.length; v++) {
            if (vmSlot[v] >= 0) {
                ledger.add(v, vmSlot[v]);
            }
        }
        return ledger;
    }
}
