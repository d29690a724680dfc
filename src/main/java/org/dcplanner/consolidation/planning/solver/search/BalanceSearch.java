package org.dcplanner.consolidation.planning.solver.search;

import java.util.Arrays;
import java.util.LinkedHashSet;
import org.dcplanner.consolidation.planning.solver.StopPoll;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.score.HostLoads;
import org.dcplanner.consolidation.planning.solver.score.SlotTerms;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * "Then balance": on the hosts a plan already uses, moves and swaps VMs between active hosts while the sum of
 * squared peak fills (the soft level, {@link SlotTerms#balancePenalty}) falls. Steepest descent, host by host
 * in decreasing balance term: for the host, the best move of one of its VMs to any active host, or swap with a
 * VM of one of the hosts with the lowest peak fill of some resource (of every active host once that finds
 * nothing). Candidates are screened on peak loads (read-only); the chosen one is applied and kept only if the
 * whole score improves, so no hard violation is added and the medium level (hosts, cost, power) never gets
 * worse. Ends at a local optimum, the deadline or a stop request.
 * Cost per host visit: O(vms on it x (active + SWAP_HOSTS x vms per host) x resources x steps).
 * Why not OptaPlanner's local search: its random change/swap selection spends most evaluations on moves that
 * cannot lower the busiest host's peak; this steepest descent lowers the soft penalty 1.7-13x more than the
 * late-acceptance search alone in the same time (PlanetLab with memory, synthetic 10,000 VMs; docs/solver.md).
 */
final class BalanceSearch {
    /** Swap partners tried per host visit: per resource, the active hosts with the lowest peak fill of it (16 in all). */
    private static final int SWAP_HOSTS = 16;
    /** Partners per visit: SWAP_HOSTS until a pass finds nothing, then every active host. */
    private int swapHosts = SWAP_HOSTS;

    private final WorkingPlacement p;
    private final DemandModel model;
    private final HostLoads loads;
    private final long[] peaksA;
    private final long[] peaksB;

    BalanceSearch(DemandModel model, int[] start, long seed) {
        this.p = new WorkingPlacement(model, start, seed);
        this.model = model;
        this.loads = p.loads;
        this.peaksA = new long[model.resources()];
        this.peaksB = new long[model.resources()];
    }

    long evaluations() {
        return p.evaluations();
    }

    /** Balances until a local optimum, the deadline or a stop; returns the placement (the start if infeasible). */
    int[] run(StopPoll poll) {
        if (p.ledger.hardPenalty() > 0) {
            return p.slotOf.clone();
        }
        // under COST / POWER, first the cheapest model for each host's VMs (the medium level), then balance
        new RehostSearch(p).run(poll);
        boolean improved = true;
        while (improved && !poll.stop()) {
            improved = false;
            for (int h : activeByPenaltyDescending()) {
                while (loads.vmCount(h) > 0 && !poll.stop() && improveOnce(h)) {
                    improved = true;
                }
            }
            if (!improved && swapHosts != Integer.MAX_VALUE) {
                // a local optimum for the cheap neighbourhood: widen the swaps to every active host
                swapHosts = Integer.MAX_VALUE;
                improved = true;
            }
        }
        return p.slotOf.clone();
    }

    /** Applies the best improving move or swap of one VM of host h; false when there is none. */
    private boolean improveOnce(int h) {
        int[] active = p.ledger.activeSlots();
        int[] roomy = roomiest(active);
        long bestDelta = 0;
        int bestVm = -1;
        int bestTo = -1;
        int bestPartner = -1;
        for (int vm : p.members.of(h)) {
            loads.peaksIfChanged(h, -1, vm, peaksA);
            long hWithout = termChange(h, peaksA);
            for (int g : active) {
                if (g == h || !model.allowed(vm, g) || p.aaCost(vm, g, -1) > 0) {
                    continue;
                }
                loads.peaksIfChanged(g, vm, -1, peaksB);
                p.countEvaluations(1);
                long delta = hWithout + termChange(g, peaksB) + p.softRuleCost(vm, h, g);
                if (fits(g, peaksB) && delta < bestDelta) {
                    bestDelta = delta;
                    bestVm = vm;
                    bestTo = g;
                    bestPartner = -1;
                }
            }
            for (int g : roomy) {
                if (g == h || !model.allowed(vm, g)) {
                    continue;
                }
                for (int w : p.members.of(g)) {
                    if (!model.allowed(w, h) || p.aaCost(vm, g, w) > 0 || p.aaCost(w, h, vm) > 0) {
                        continue;
                    }
                    loads.peaksIfChanged(h, w, vm, peaksA);
                    loads.peaksIfChanged(g, vm, w, peaksB);
                    p.countEvaluations(2);
                    long delta = termChange(h, peaksA)
                            + termChange(g, peaksB)
                            + p.softRuleCost(vm, h, g)
                            + p.softRuleCost(w, g, h);
                    if (delta < bestDelta && fits(h, peaksA) && fits(g, peaksB)) {
                        bestDelta = delta;
                        bestVm = vm;
                        bestTo = g;
                        bestPartner = w;
                    }
                }
            }
        }
        return bestVm >= 0 && applyIfBetter(bestVm, h, bestTo, bestPartner);
    }

    /** Change of the slot's balance term were its peaks {@code peaks} (negative: more even). */
    private long termChange(int slot, long[] peaks) {
        return SlotTerms.balancePenalty(model, slot, peaks) - p.ledger.balanceTerm(slot);
    }

    private boolean fits(int slot, long[] peaks) {
        for (int r = 0; r < peaks.length; r++) {
            if (peaks[r] > model.capacity(r, slot)) {
                return false;
            }
        }
        return true;
    }

    /** Applies the move (or swap, partner >= 0); undoes it unless the whole score improved. */
    private boolean applyIfBetter(int vm, int from, int to, int partner) {
        HardMediumSoftLongScore before = p.ledger.score();
        p.clearJournal();
        p.move(vm, to);
        if (partner >= 0) {
            p.move(partner, from);
        }
        if (p.ledger.score().compareTo(before) > 0) {
            return true;
        }
        p.undoJournal();
        return false;
    }

    /** Active hosts, the largest balance term (squared peak fills summed over resources) first. */
    private int[] activeByPenaltyDescending() {
        return Arrays.stream(p.ledger.activeSlots())
                .boxed()
                .sorted((x, y) -> Long.compare(p.ledger.balanceTerm(y), p.ledger.balanceTerm(x)))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /**
     * Swap partners: for each resource the hosts with the lowest peak fill of that resource, so that a host full
     * in one resource (say memory) can still trade with hosts that have room in another (CPU).
     */
    private int[] roomiest(int[] active) {
        int perResource = Math.max(1, swapHosts / model.resources());
        LinkedHashSet<Integer> chosen = new LinkedHashSet<>();
        long[] fill = new long[model.slots()];
        for (int r = 0; r < model.resources(); r++) {
            for (int s : active) {
                fill[s] = p.ledger.peaks(s)[r] * SlotTerms.FILL_SCALE / Math.max(1, model.capacity(r, s));
            }
            Arrays.stream(active)
                    .boxed()
                    .sorted((a, b) -> Long.compare(fill[a], fill[b]))
                    .limit(perResource)
                    .forEach(chosen::add);
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }
}
