package org.dcplanner.consolidation.planning.solver.search;

import java.util.Arrays;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.score.HostLoads;
import org.dcplanner.consolidation.planning.solver.score.OverflowWeights;
import org.dcplanner.consolidation.planning.solver.score.SlotTerms;

/**
 * Moves of a breakout (guided local search) on weighted overflow, {@code sum over slot, resource, step of
 * w x max(0, load - cap)}: per slot-step weights, a short tabu on moving a VM back, and the best move or swap of
 * a VM. Shared by the repair of host emptying and the fixed-count stage.
 */
final class BreakoutMoves {
    private static final int MAX_TARGETS = 64;
    private static final int SWAP_HOSTS = 3;
    private static final int TABU_TENURE = 10;

    private final WorkingPlacement p;
    private final OverflowWeights weight;
    private final int[] tabuFrom;
    private final long[] tabuUntil;
    private long tick;
    private int pendingVm;
    private int pendingTo;
    private int pendingOtherVm;
    private final int[] swapHosts = new int[SWAP_HOSTS];
    private final long[] swapHostCost = new long[SWAP_HOSTS];

    BreakoutMoves(WorkingPlacement placement) {
        this.p = placement;
        DemandModel model = placement.model;
        this.weight = new OverflowWeights(model.resources(), model.slots(), placement.loads.steps());
        this.tabuFrom = new int[model.vms()];
        this.tabuUntil = new long[model.vms()];
    }

    /** One search iteration has passed (tabu tenures count iterations). */
    void nextIteration() {
        tick++;
    }

    /** All weights of the targets back to one. */
    void resetWeights(int[] targets) {
        for (int s : targets) {
            weight.reset(s);
        }
    }

    /** Raises by one the weights of the steps where the slot overflows (the breakout step). */
    void raiseWeights(int slot) {
        p.loads.raiseOverflowWeights(slot, weight);
    }

    private boolean tabu(int vm, int to) {
        return tabuFrom[vm] == to && tabuUntil[vm] > tick;
    }

    /**
     * Finds the best non-tabu move of vm to any target, and the best swap with a VM of the SWAP_HOSTS targets
     * where vm alone would arrive cheapest, by weighted overflow; remembers it as pending and returns its delta.
     */
    long bestRelocation(int vm, int from, int[] targets) {
        DemandModel model = p.model;
        HostLoads loads = p.loads;
        long best = Long.MAX_VALUE;
        long leave = loads.weightedOverflowChange(from, -1, vm, weight) - p.aaCost(vm, from, vm);
        int samples = Math.min(MAX_TARGETS, targets.length);
        Arrays.fill(swapHosts, -1);
        Arrays.fill(swapHostCost, Long.MAX_VALUE);
        int evaluated = 0;
        for (int i = 0; i < samples; i++) {
            int g = targets.length <= MAX_TARGETS ? targets[i] : targets[p.random.nextInt(targets.length)];
            if (g == from || !model.allowed(vm, g)) {
                continue;
            }
            evaluated++;
            long arrive = loads.weightedOverflowChange(g, vm, -1, weight) + p.aaCost(vm, g, -1);
            rememberSwapHost(g, arrive);
            if (!tabu(vm, g) && leave + arrive < best) {
                best = leave + arrive;
                pendingVm = vm;
                pendingTo = g;
                pendingOtherVm = -1;
            }
        }
        for (int g : swapHosts) {
            if (g < 0 || tabu(vm, g)) {
                continue;
            }
            for (int other : p.members.of(g)) {
                if (model.pinnedSlot(other) >= 0 || !model.allowed(other, from) || tabu(other, from)) {
                    continue;
                }
                evaluated++;
                long delta = loads.weightedOverflowChange(from, other, vm, weight)
                        + loads.weightedOverflowChange(g, vm, other, weight);
                if (model.antiAffinityGroup(vm) >= 0 || model.antiAffinityGroup(other) >= 0) {
                    delta += SlotTerms.DISCRETE_VIOLATION_WEIGHT;
                }
                if (delta < best) {
                    best = delta;
                    pendingVm = vm;
                    pendingTo = g;
                    pendingOtherVm = other;
                }
            }
        }
        p.countEvaluations(evaluated);
        return best;
    }

    /** {@link #bestRelocation} over all unpinned VMs of {@code from}; the best of them stays pending. */
    long bestRelocationOfAny(int from, int[] targets) {
        long best = Long.MAX_VALUE;
        int bestVm = -1;
        int bestTo = -1;
        int bestOther = -1;
        for (int vm : p.members.of(from)) {
            if (p.model.pinnedSlot(vm) >= 0) {
                continue;
            }
            long delta = bestRelocation(vm, from, targets);
            if (delta < best) {
                best = delta;
                bestVm = pendingVm;
                bestTo = pendingTo;
                bestOther = pendingOtherVm;
            }
        }
        pendingVm = bestVm;
        pendingTo = bestTo;
        pendingOtherVm = bestOther;
        return best;
    }

    /** Keeps the SWAP_HOSTS hosts where vm would arrive cheapest. */
    private void rememberSwapHost(int g, long cost) {
        int worst = 0;
        for (int i = 1; i < SWAP_HOSTS; i++) {
            if (swapHostCost[i] > swapHostCost[worst]) {
                worst = i;
            }
        }
        if (cost < swapHostCost[worst]) {
            swapHostCost[worst] = cost;
            swapHosts[worst] = g;
        }
    }

    /** Applies the pending move or swap (journaled); the moved VMs may not go back for TABU_TENURE iterations. */
    void applyPending() {
        int from = p.slotOf[pendingVm];
        tabuFrom[pendingVm] = from;
        tabuUntil[pendingVm] = tick + TABU_TENURE;
        if (pendingOtherVm >= 0) {
            tabuFrom[pendingOtherVm] = pendingTo;
            tabuUntil[pendingOtherVm] = tick + TABU_TENURE;
        }
        p.move(pendingVm, pendingTo);
        if (pendingOtherVm >= 0) {
            p.move(pendingOtherVm, from);
        }
    }
}
