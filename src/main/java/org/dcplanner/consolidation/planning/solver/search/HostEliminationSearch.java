package org.dcplanner.consolidation.planning.solver.search;

import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.dcplanner.consolidation.planning.solver.StopPoll;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.score.HostLoads;
import org.dcplanner.consolidation.planning.solver.score.ScoreLedger;
import org.dcplanner.consolidation.planning.solver.start.Baselines;

/**
 * Host-emptying search on load arrays: repeatedly picks a lightly filled active host, moves its VMs to
 * the other active hosts (least shaped cost), and repairs the overflow with a breakout
 * search over moves and swaps restricted to the remaining hosts. Success (no hard violation) keeps one host
 * fewer; failure restores the last feasible placement exactly. Between attempts, moves that fit push VMs
 * from light to heavy hosts. Once emptying has failed for a quarter of the time limit, a last stage
 * ({@link FixedCountSearch}) works on one host count at a time with its weights kept until it succeeds.
 * Starts from and always returns a feasible assignment (or the start unchanged).
 * Cost per repair iteration: O(min(active, 64) x resources x steps) ({@link BreakoutMoves}).
 * Why not OptaPlanner's local search: emptying a host takes many moves that each raise the score before the
 * last one lowers it; OptaPlanner's change/swap late-acceptance search alone never removed a host on PlanetLab
 * 20110303 in 30 s, where this search goes from the construction to 45-46 hosts (docs/benchmarks.md).
 */
public final class HostEliminationSearch {
    private static final int SWAP_SAMPLES = 32;
    private static final int PATIENCE = 30_000;
    private static final int REPACK_PATIENCE = 20_000;
    private static final int RESTART_AFTER_FAILURES = 25;
    /** Host emptying gives way to the fixed-count search after this share of the time without a success. */
    private static final double FIXED_COUNT_AFTER_STALL = 0.25;

    private final WorkingPlacement p;
    private final DemandModel model;
    private final ScoreLedger ledger;
    private final HostLoads loads;
    private final int[] slotOf;
    private final BreakoutMoves moves;
    private final int lowerBound;

    public HostEliminationSearch(DemandModel model, int[] start, long seed, int lowerBound) {
        this.p = new WorkingPlacement(model, start, seed);
        this.model = model;
        this.ledger = p.ledger;
        this.loads = p.loads;
        this.slotOf = p.slotOf;
        this.moves = new BreakoutMoves(p);
        this.lowerBound = lowerBound;
    }

    public long evaluations() {
        return p.evaluations();
    }

    /** A copy of the placement as it is now. */
    public int[] currentPlacement() {
        return slotOf.clone();
    }

    /** Score of the current (= best) state. */
    String score() {
        return ledger.score().toString();
    }

    /** The last stage on this search's placement, for tests and probes that start there directly. */
    public FixedCountSearch fixedCountStage() {
        return new FixedCountSearch(p, moves, lowerBound);
    }

    /** The running search's stop check (deadline and stop request), read by the inner repair loops too. */
    private StopPoll poll;

    /**
     * Searches until the deadline, a stop request or the lower bound; returns the best feasible assignment.
     *
     * @param onImproved called with each assignment that uses one host fewer
     */
    int[] run(long deadlineNanos, BooleanSupplier stopRequested, Consumer<int[]> onImproved) {
        if (ledger.hardPenalty() > 0) {
            return slotOf.clone();
        }
        StopPoll poll = new StopPoll(deadlineNanos, stopRequested);
        this.poll = poll;
        RehostSearch rehost = new RehostSearch(p);
        // under COST / POWER: each host on its cheapest model, from the start and after every host removed
        if (rehost.run(poll) > 0) {
            onImproved.accept(slotOf.clone());
        }
        // repack onto fewer hosts: big steps first, halving the step after each failure
        int step = Math.max(1, (ledger.activeHosts() - lowerBound) / 4);
        while (step >= 1
                && ledger.activeHosts() - step >= lowerBound
                && System.nanoTime() < deadlineNanos
                && !stopRequested.getAsBoolean()) {
            p.clearJournal();
            if (repackOnto(ledger.activeHosts() - step, Baselines.decreasingOrder(model), deadlineNanos)
                    && ledger.hardPenalty() == 0) {
                improved(rehost, poll, onImproved);
            } else {
                p.undoJournal();
                step /= 2;
            }
        }
        int failures = 0;
        long stallNanos = (long) ((deadlineNanos - System.nanoTime()) * FIXED_COUNT_AFTER_STALL);
        long lastSuccess = System.nanoTime();
        while (ledger.activeHosts() > lowerBound && !poll.stop()) {
            if (failures > 0 && System.nanoTime() - lastSuccess >= stallNanos) {
                return fixedCountStage().run(deadlineNanos, stopRequested, onImproved);
            }
            if (failures > 0 && failures % RESTART_AFTER_FAILURES == 0 && tryRandomizedRepack(deadlineNanos)) {
                failures = 0;
                lastSuccess = System.nanoTime();
                improved(rehost, poll, onImproved);
                continue;
            }
            int[] active = ledger.activeSlots();
            int victim = p.pickVictim(active, failures);
            if (victim < 0) {
                break;
            }
            p.clearJournal();
            if (tryEliminate(victim, active, deadlineNanos) && ledger.hardPenalty() == 0) {
                failures = 0;
                lastSuccess = System.nanoTime();
                improved(rehost, poll, onImproved);
            } else {
                if (!reopen(victim, active)) {
                    p.undoJournal();
                }
                failures++;
                p.clearJournal();
                pushTowardsFullHosts(active, 4 * SWAP_SAMPLES);
                if (ledger.hardPenalty() != 0) {
                    p.undoJournal();
                }
                if (ledger.activeHosts() < active.length) {
                    lastSuccess = System.nanoTime();
                    improved(rehost, poll, onImproved);
                }
            }
        }
        return slotOf.clone();
    }

    private void improved(RehostSearch rehost, StopPoll poll, Consumer<int[]> onImproved) {
        rehost.run(poll);
        onImproved.accept(slotOf.clone());
    }

    /**
     * Re-places all unpinned VMs onto {@code hosts} slots (pinned VMs' slots, then active, then free ones in
     * index order): decreasing size, each on the slot with least shaped cost (overflow, then flatness), then
     * repairs. Journaled, so a failure can be undone.
     */
    private boolean repackOnto(int hosts, int[] order, long deadlineNanos) {
        int[] targets = chooseSlots(hosts);
        if (targets.length < hosts) {
            return false;
        }
        for (int vm : order) {
            if (model.pinnedSlot(vm) >= 0) {
                continue;
            }
            int best = -1;
            long bestCost = Long.MAX_VALUE;
            long leave = loads.shapedCostIfChanged(slotOf[vm], -1, vm);
            for (int g : targets) {
                if (!model.allowed(vm, g)) {
                    continue;
                }
                p.countEvaluations(1);
                long cost = g == slotOf[vm] ? 0 : leave + loads.shapedCostIfChanged(g, vm, -1);
                cost += p.aaCost(vm, g, g == slotOf[vm] ? vm : -1) * HostLoads.OVERFLOW_WEIGHT;
                if (cost < bestCost) {
                    bestCost = cost;
                    best = g;
                }
            }
            if (best < 0) {
                return false;
            }
            if (best != slotOf[vm]) {
                p.move(vm, best);
            }
        }
        if (ledger.activeHosts() > hosts) {
            return false;
        }
        return repair(targets, REPACK_PATIENCE, deadlineNanos);
    }

    /** Repack onto one host fewer with sizes jittered by up to 30 %, a restart from a different greedy order. */
    private boolean tryRandomizedRepack(long deadlineNanos) {
        double[] key = new double[model.vms()];
        for (int v = 0; v < key.length; v++) {
            key[v] = model.normalizedPeak(v) * (1 + 0.3 * p.random.nextDouble());
        }
        int[] order = java.util.stream.IntStream.range(0, model.vms())
                .boxed()
                .sorted((a, b) -> Double.compare(key[b], key[a]))
                .mapToInt(Integer::intValue)
                .toArray();
        p.clearJournal();
        if (repackOnto(ledger.activeHosts() - 1, order, deadlineNanos) && ledger.hardPenalty() == 0) {
            return true;
        }
        p.undoJournal();
        return false;
    }

    private int[] chooseSlots(int hosts) {
        java.util.LinkedHashSet<Integer> chosen = new java.util.LinkedHashSet<>();
        for (int v = 0; v < slotOf.length && chosen.size() < hosts; v++) {
            if (model.pinnedSlot(v) >= 0) {
                chosen.add(slotOf[v]);
            }
        }
        for (int s : ledger.activeSlots()) {
            if (chosen.size() < hosts) {
                chosen.add(s);
            }
        }
        for (int s = 0; s < model.slots() && chosen.size() < hosts; s++) {
            chosen.add(s);
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private boolean tryEliminate(int victim, int[] active, long deadlineNanos) {
        int[] targets = Arrays.stream(active).filter(s -> s != victim).toArray();
        return p.spreadVms(victim, targets) && repair(targets, PATIENCE, deadlineNanos);
    }

    /**
     * Breakout local search on the target hosts minimizing weighted overflow (a guided local search for vector
     * packing): take a random VM of an overflowing host and make the best non-tabu move of it to any target, or
     * swap with a VM of the SWAP_HOSTS targets where it would arrive cheapest, if that lowers the weighted
     * overflow; otherwise raise the weights of the steps where that host overflows, so steps that stay
     * overflowed weigh more until some move clears them. Anti-affinity counts at weight one. Gives up after
     * {@code patience} iterations without a new lowest (unweighted) penalty.
     */
    private boolean repair(int[] targets, int patience, long deadlineNanos) {
        moves.resetWeights(targets);
        int[] overflowing = new int[targets.length];
        long lowest = ledger.localHardPenalty();
        int lastImprovement = 0;
        for (int it = 0; it - lastImprovement < patience && ledger.localHardPenalty() > 0; it++) {
            moves.nextIteration();
            // the poll includes the deadline; a repair cut short by a stop is undone by its caller
            if ((it & 31) == 0 && (poll != null ? poll.stop() : System.nanoTime() >= deadlineNanos)) {
                return false;
            }
            int n = p.overflowing(targets, overflowing);
            int from = n > 0 ? overflowing[p.random.nextInt(n)] : targets[p.random.nextInt(targets.length)];
            int[] onFrom = p.members.of(from);
            if (onFrom.length == 0) {
                continue;
            }
            int vm = onFrom[p.random.nextInt(onFrom.length)];
            if (model.pinnedSlot(vm) >= 0) {
                continue;
            }
            long delta = moves.bestRelocation(vm, from, targets);
            if (delta < 0) {
                moves.applyPending();
            } else {
                moves.raiseWeights(from);
            }
            long penalty = ledger.localHardPenalty();
            if (penalty < lowest) {
                lowest = penalty;
                lastImprovement = it;
            }
        }
        return ledger.localHardPenalty() == 0;
    }

    /**
     * After a failed repair: moves VMs from still-overflowing hosts back onto the victim (the VM whose removal
     * cuts the most overflow first). Keeps the reshaped, usually lighter-victim placement if that is feasible,
     * so the next attempt starts from it; returns false (caller undoes everything) otherwise.
     */
    private boolean reopen(int victim, int[] active) {
        for (int h : active) {
            while (h != victim && loads.overflow(h) > 0) {
                int best = -1;
                long bestDelta = 0;
                for (int vm : p.members.of(h)) {
                    if (model.pinnedSlot(vm) >= 0 || !model.allowed(vm, victim)) {
                        continue;
                    }
                    p.countEvaluations(1);
                    long delta = loads.overflowIfRemoved(vm, h);
                    if (delta < bestDelta) {
                        bestDelta = delta;
                        best = vm;
                    }
                }
                if (best < 0) {
                    return false;
                }
                p.move(best, victim);
            }
        }
        return ledger.hardPenalty() == 0;
    }

    /** Moves that fit, from light hosts to heavier ones: keeps feasibility, may empty a host. */
    private void pushTowardsFullHosts(int[] active, int attempts) {
        for (int i = 0; i < attempts; i++) {
            int from = active[p.random.nextInt(active.length)];
            int to = active[p.random.nextInt(active.length)];
            int[] onFrom = p.members.of(from);
            if (from == to || onFrom.length == 0 || loads.volume(0, to) < loads.volume(0, from)) {
                continue;
            }
            int vm = onFrom[p.random.nextInt(onFrom.length)];
            p.countEvaluations(1);
            if (model.pinnedSlot(vm) < 0 && model.allowed(vm, to) && p.aaCost(vm, to, -1) == 0 && loads.fits(vm, to)) {
                p.move(vm, to);
            }
        }
    }
}
