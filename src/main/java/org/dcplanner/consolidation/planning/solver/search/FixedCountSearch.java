package org.dcplanner.consolidation.planning.solver.search;

import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.dcplanner.consolidation.planning.solver.StopPoll;
import org.dcplanner.consolidation.planning.solver.score.HostLoads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last stage of host elimination, once emptying attempts keep failing: one host count at a time, weights
 * kept for the whole attempt. Empties the lightest host onto the others, then runs a breakout search until the
 * deadline: each iteration takes a random overflowing host, applies the best non-tabu improving move or swap
 * over all its VMs, otherwise raises the weights of its overflowing steps and, one time in RESPLIT_EVERY,
 * re-splits that host with its RESPLIT_GROUP - 1 roomiest partners. After RESTART_AFTER_ITERATIONS without a new
 * lowest overflow it restarts from the lowest-overflow placement. A feasible result is reported, the next count
 * tried. The flow of the C research prototype research/search/fixed_count_search.c with restart_chain.sh.
 */
public final class FixedCountSearch {
    /** One stuck iteration in RESPLIT_EVERY re-splits the stuck host with partners, RESPLIT_TRIES tries long. */
    private static final int RESPLIT_EVERY = 5;

    private static final int RESPLIT_TRIES = 3000;
    /** Iterations without a new lowest overflow before restarting from that lowest. */
    private static final long RESTART_AFTER_ITERATIONS = 50_000;
    /** Hosts per re-split: the stuck one and the roomiest partners (3 beat 2 in the C prototype's runs). */
    private static final int RESPLIT_GROUP = 3;
    /** Iterations between two {@link Trace} calls. */
    private static final int TRACE_EVERY = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(FixedCountSearch.class);

    /** Observer of one attempt's overflow (in model units), for research probes; not used by the service. */
    public interface Trace {
        void at(long iterations, long overflow, long lowest);
    }

    private final WorkingPlacement p;
    private final BreakoutMoves moves;
    private final int lowerBound;
    private Trace trace = (iterations, overflow, lowest) -> {};

    FixedCountSearch(WorkingPlacement placement, BreakoutMoves moves, int lowerBound) {
        this.p = placement;
        this.moves = moves;
        this.lowerBound = lowerBound;
    }

    public FixedCountSearch trace(Trace t) {
        this.trace = t;
        return this;
    }

    /**
     * Tries ever fewer hosts until the deadline, a stop request or the lower bound; reports each feasible
     * placement with one host fewer and returns the best feasible one (the start if none is found).
     */
    int[] run(long deadlineNanos, BooleanSupplier stopRequested, Consumer<int[]> onImproved) {
        int[] best = p.slotOf.clone();
        StopPoll poll = new StopPoll(deadlineNanos, stopRequested);
        while (p.ledger.activeHosts() > lowerBound) {
            int[] active = p.ledger.activeSlots();
            int victim = p.pickVictim(active, 0);
            if (victim < 0) {
                return best;
            }
            int[] targets = Arrays.stream(active).filter(s -> s != victim).toArray();
            p.clearJournal();
            if (!p.spreadVms(victim, targets) || !searchOn(targets, poll) || p.ledger.hardPenalty() > 0) {
                return best; // out of time, or feasible on the targets but not on the HA reserve: not fixable here
            }
            best = p.slotOf.clone();
            onImproved.accept(best.clone());
        }
        return best;
    }

    /**
     * The breakout search on exactly these target hosts, until their overflow is gone (true) or the poll says
     * stop (false, the placement then is the last one searched, not the lowest).
     */
    public boolean searchOn(int[] targets, StopPoll poll) {
        moves.resetWeights(targets);
        int[] overflowing = new int[targets.length];
        LOG.debug("fixed-count search on {} hosts, overflow {}", targets.length, p.ledger.localHardPenalty());
        long lowest = p.ledger.localHardPenalty();
        int[] lowestSlots = p.slotOf.clone();
        long sinceLowest = 0;
        for (long it = 1; p.ledger.localHardPenalty() > 0; it++) {
            if (poll.stop()) {
                return false;
            }
            iterate(targets, overflowing);
            long penalty = p.ledger.localHardPenalty();
            if (penalty < lowest) {
                lowest = penalty;
                System.arraycopy(p.slotOf, 0, lowestSlots, 0, lowestSlots.length);
                sinceLowest = 0;
            } else if (++sinceLowest >= RESTART_AFTER_ITERATIONS) {
                restart(lowestSlots, targets);
                sinceLowest = 0;
            }
            if (it % TRACE_EVERY == 0) {
                trace.at(it, penalty, lowest);
            }
        }
        return true;
    }

    /** Back to the lowest-overflow placement of this host count, with all weights at one again. */
    private void restart(int[] lowestSlots, int[] targets) {
        for (int vm = 0; vm < p.slotOf.length; vm++) {
            if (p.slotOf[vm] != lowestSlots[vm]) {
                p.relocate(vm, lowestSlots[vm]);
            }
        }
        moves.resetWeights(targets);
    }

    private void iterate(int[] targets, int[] overflowing) {
        moves.nextIteration();
        p.clearJournal(); // nothing is undone in this flow: the lowest placement is kept as a copy
        int n = p.overflowing(targets, overflowing);
        int from = n > 0 ? overflowing[p.random.nextInt(n)] : targets[p.random.nextInt(targets.length)];
        if (moves.bestRelocationOfAny(from, targets) < 0) {
            moves.applyPending();
            return;
        }
        moves.raiseWeights(from);
        if (n > 0 && p.random.nextInt(RESPLIT_EVERY) == 0) {
            resplit(resplitGroup(from, targets));
        }
    }

    /**
     * The host followed by the RESPLIT_GROUP - 1 targets with least summed load at the steps where it
     * overflows (resource by resource): the partners with most room where it needs room.
     */
    private int[] resplitGroup(int host, int[] targets) {
        HostLoads loads = p.loads;
        long[] busy = new long[targets.length];
        for (int i = 0; i < targets.length; i++) {
            int g = targets[i];
            for (int r = 0; r < p.model.resources(); r++) {
                long cap = p.model.capacity(r, host);
                for (int t = 0; t < loads.steps(); t++) {
                    if (loads.load(r, host, t) > cap) {
                        busy[i] += loads.load(r, g, t);
                    }
                }
            }
        }
        int size = Math.min(RESPLIT_GROUP, targets.length);
        int[] group = new int[size];
        group[0] = host;
        boolean[] taken = new boolean[targets.length];
        for (int k = 1; k < size; k++) {
            int pick = -1;
            for (int i = 0; i < targets.length; i++) {
                if (!taken[i] && targets[i] != host && (pick < 0 || busy[i] < busy[pick])) {
                    pick = i;
                }
            }
            taken[pick] = true;
            group[k] = targets[pick];
        }
        return group;
    }

    /**
     * Random descent on the plain overflow of a group of hosts over their VMs (moves and swaps inside the
     * group, sideways steps allowed); kept only if the group's overflow drops, otherwise it is restored.
     */
    private void resplit(int[] group) {
        if (group.length < 2) {
            return;
        }
        int[] pool = movableVms(group);
        int n = pool.length;
        if (n < 2) {
            return;
        }
        int[] original = new int[n];
        long before = 0;
        for (int h : group) {
            before += p.loads.overflow(h);
        }
        for (int i = 0; i < n; i++) {
            original[i] = p.slotOf[pool[i]];
        }
        long current = before;
        for (int it = 0; it < RESPLIT_TRIES && current > 0; it++) {
            int vm = pool[p.random.nextInt(n)];
            int from = p.slotOf[vm];
            int to = group[p.random.nextInt(group.length - 1)]; // uniform over the group's other hosts
            if (to == from) {
                to = group[group.length - 1];
            }
            int other = p.random.nextBoolean() ? -1 : pool[p.random.nextInt(n)];
            if (other >= 0 && p.slotOf[other] != to) {
                continue;
            }
            p.countEvaluations(2);
            long delta = p.loads.overflowIfChanged(from, other, vm) + p.loads.overflowIfChanged(to, vm, other);
            if (delta <= 0) {
                p.relocate(vm, to);
                if (other >= 0) {
                    p.relocate(other, from);
                }
                current += delta;
            }
        }
        if (current >= before) {
            for (int i = 0; i < n; i++) {
                if (p.slotOf[pool[i]] != original[i]) {
                    p.relocate(pool[i], original[i]);
                }
            }
        }
    }

    /** The group's VMs that may go to any host of the group (not pinned, no anti-affinity group). */
    private int[] movableVms(int[] group) {
        return Arrays.stream(group)
                .flatMap(h -> Arrays.stream(p.members.of(h)))
                .filter(vm ->
                        p.model.pinnedSlot(vm) < 0 && p.model.antiAffinityGroup(vm) < 0 && allowedOnAll(vm, group))
                .toArray();
    }

    private boolean allowedOnAll(int vm, int[] group) {
        for (int h : group) {
            if (!p.model.allowed(vm, h)) {
                return false;
            }
        }
        return true;
    }
}
