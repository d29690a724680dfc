package org.dcplanner.consolidation.planning.solver;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Host-emptying search on load arrays: repeatedly picks a lightly filled active host, moves its VMs to
 * the other active hosts (least shaped cost), and repairs the overflow with a late-acceptance
 * search over moves and swaps restricted to the remaining hosts. Success (no hard violation) keeps one host
 * fewer; failure restores the last feasible placement exactly. Between attempts, moves that fit push VMs
 * from light to heavy hosts. Once emptying has failed for a quarter of the time limit, a last stage
 * ({@link #fixedCountSearch}) works on one host count at a time with its weights kept until it succeeds.
 * Starts from and always returns a feasible assignment (or the start unchanged).
 * Cost per repair iteration: O(min(active, MAX_TARGETS) x resources x steps).
 */
final class HostEliminationSearch {
    private static final int MAX_TARGETS = 64;
    private static final int SWAP_SAMPLES = 32;
    private static final int SWAP_HOSTS = 3;
    private static final int PATIENCE = 30_000;
    private static final int REPACK_PATIENCE = 20_000;
    private static final int RESTART_AFTER_FAILURES = 25;
    /** Host emptying gives way to the fixed-count search after this share of the time without a success. */
    private static final double FIXED_COUNT_AFTER_STALL = 0.25;
    /** One stuck iteration in RESPLIT_EVERY re-splits the stuck host with partners, RESPLIT_TRIES tries long. */
    private static final int RESPLIT_EVERY = 5;
    private static final int RESPLIT_TRIES = 3000;
    /** Iterations without a new lowest overflow before the fixed-count stage restarts from that lowest. */
    private static final long RESTART_AFTER_ITERATIONS = 50_000;
    /** Hosts per re-split: the stuck one and the roomiest partners (3 beat 2 in the C prototype's runs). */
    private static final int RESPLIT_GROUP = 3;
    private static final Logger LOG = LoggerFactory.getLogger(HostEliminationSearch.class);

    private final DemandModel model;
    private final ScoreLedger ledger;
    private final HostLoads loads;
    private final int[] slotOf;
    private final SlotMembers members;
    private final SplittableRandom random;
    private final int lowerBound;
    private int[] journalVm = new int[1024];
    private int[] journalFrom = new int[1024];
    private int journalSize;
    private long evaluations;

    HostEliminationSearch(DemandModel model, int[] start, long seed, int lowerBound) {
        this.model = model;
        this.ledger = new ScoreLedger(model);
        this.loads = ledger.loads();
        this.slotOf = start.clone();
        this.members = new SlotMembers(model.vms(), model.slots());
        this.random = new SplittableRandom(seed);
        this.lowerBound = lowerBound;
        for (int v = 0; v < slotOf.length; v++) {
            ledger.add(v, slotOf[v]);
            members.add(v, slotOf[v]);
        }
    }

    long evaluations() {
        return evaluations;
    }


    /** Score of the current (= best) state. */
    String score() {
        return ledger.score().toString();
    }

    /**
     * Searches until the deadline, a stop request or the lower bound; returns the best feasible assignment.
     *
     * @param onImproved called with each assignment that uses one host fewer
     */
    int[] run(long deadlineNanos, BooleanSupplier stopRequested, Consumer<int[]> onImproved) {
        if (ledger.hardPenalty() > 0) {
            return slotOf.clone();
        }
        // repack onto fewer hosts: big steps first, halving the step after each failure
        int step = Math.max(1, (ledger.activeHosts() - lowerBound) / 4);
        while (step >= 1 && ledger.activeHosts() - step >= lowerBound && System.nanoTime() < deadlineNanos
                && !stopRequested.getAsBoolean()) {
            journalSize = 0;
            if (repackOnto(ledger.activeHosts() - step, Baselines.decreasingOrder(model), deadlineNanos)
                    && ledger.hardPenalty() == 0) {
                onImproved.accept(slotOf.clone());
            } else {
                undoJournal();
                step /= 2;
            }
        }
        int failures = 0;
        long nextStopPoll = System.nanoTime();
        long stallNanos = (long) ((deadlineNanos - System.nanoTime()) * FIXED_COUNT_AFTER_STALL);
        long lastSuccess = System.nanoTime();
        while (System.nanoTime() < deadlineNanos && ledger.activeHosts() > lowerBound) {
            if (System.nanoTime() >= nextStopPoll) {
                if (stopRequested.getAsBoolean()) {
                    break;
                }
                nextStopPoll = System.nanoTime() + 500_000_000L;
            }
            if (failures > 0 && System.nanoTime() - lastSuccess >= stallNanos) {
                return fixedCountSearch(deadlineNanos, stopRequested, onImproved);
            }
            if (failures > 0 && failures % RESTART_AFTER_FAILURES == 0 && tryRandomizedRepack(deadlineNanos)) {
                failures = 0;
                lastSuccess = System.nanoTime();
                onImproved.accept(slotOf.clone());
                continue;
            }
            int[] active = ledger.activeSlots();
            int victim = pickVictim(active, failures);
            if (victim < 0) {
                break;
            }
            journalSize = 0;
            if (tryEliminate(victim, active, deadlineNanos) && ledger.hardPenalty() == 0) {
                failures = 0;
                lastSuccess = System.nanoTime();
                onImproved.accept(slotOf.clone());
            } else {
                if (!reopen(victim, active)) {
                    undoJournal();
                }
                failures++;
                journalSize = 0;
                pushTowardsFullHosts(active, 4 * SWAP_SAMPLES);
                if (ledger.hardPenalty() != 0) {
                    undoJournal();
                }
                if (ledger.activeHosts() < active.length) {
                    lastSuccess = System.nanoTime();
                    onImproved.accept(slotOf.clone());
                }
            }
        }
        return slotOf.clone();
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
                evaluations++;
                long cost = g == slotOf[vm] ? 0 : leave + loads.shapedCostIfChanged(g, vm, -1);
                cost += aaCost(vm, g, g == slotOf[vm] ? vm : -1) * HostLoads.OVERFLOW_WEIGHT;
                if (cost < bestCost) {
                    bestCost = cost;
                    best = g;
                }
            }
            if (best < 0) {
                return false;
            }
            if (best != slotOf[vm]) {
                move(vm, best);
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
            key[v] = model.normalizedPeak(v) * (1 + 0.3 * random.nextDouble());
        }
        int[] order = java.util.stream.IntStream.range(0, model.vms()).boxed()
                .sorted((a, b) -> Double.compare(key[b], key[a])).mapToInt(Integer::intValue).toArray();
        journalSize = 0;
        if (repackOnto(ledger.activeHosts() - 1, order, deadlineNanos) && ledger.hardPenalty() == 0) {
            return true;
        }
        undoJournal();
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

    /** A light active host without pinned VMs; rank biased to the lightest, spreading after failures. */
    private int pickVictim(int[] active, int failures) {
        Integer[] order = Arrays.stream(active).filter(s -> !members.hasPinned(s, model)).boxed().toArray(Integer[]::new);
        if (order.length < 2) {
            return -1;
        }
        long[] fill = new long[model.slots()];
        for (int s : order) {
            fill[s] = SlotTerms.fill(model, s, loads.volumes(s));
        }
        Arrays.sort(order, (a, b) -> Long.compare(fill[a], fill[b]));
        double spread = Math.min(1.0, 0.1 + failures * 0.02);
        int rank = (int) (Math.pow(random.nextDouble(), 2) * spread * order.length);
        return order[Math.min(rank, order.length - 1)];
    }

    private boolean tryEliminate(int victim, int[] active, long deadlineNanos) {
        int[] targets = Arrays.stream(active).filter(s -> s != victim).toArray();
        return spreadVms(victim, targets) && repair(targets, PATIENCE, deadlineNanos);
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
        allocateWeights();
        resetWeights(targets);
        int[] overflowing = new int[targets.length];
        long lowest = ledger.localHardPenalty();
        int lastImprovement = 0;
        for (int it = 0; it - lastImprovement < patience && ledger.localHardPenalty() > 0; it++, tick++) {
            if ((it & 31) == 0 && System.nanoTime() >= deadlineNanos) {
                return false;
            }
            int n = 0;
            for (int s : targets) {
                if (loads.overflow(s) > 0) {
                    overflowing[n++] = s;
                }
            }
            int from = n > 0 ? overflowing[random.nextInt(n)] : targets[random.nextInt(targets.length)];
            int[] onFrom = members.of(from);
            if (onFrom.length == 0) {
                continue;
            }
            int vm = onFrom[random.nextInt(onFrom.length)];
            if (model.pinnedSlot(vm) >= 0) {
                continue;
            }
            long delta = bestWeightedRelocation(vm, from, targets);
            if (delta < 0) {
                applyPendingAsTabu();
            } else {
                loads.raiseOverflowWeights(from, weight);
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
     * The last stage, once host-emptying attempts keep failing: one host count at a time, weights kept for the
     * whole attempt. Empties the lightest host onto the others, then runs a breakout search until the deadline:
     * each iteration takes a random overflowing host, applies the best non-tabu improving move or swap over all
     * its VMs, otherwise raises the weights of its overflowing steps and, one time in RESPLIT_EVERY, re-splits
     * that host with its RESPLIT_GROUP - 1 roomiest partners. After RESTART_AFTER_ITERATIONS without a new lowest
     * overflow it restarts from the lowest-overflow placement. A feasible result is reported, the next count tried.
     */
    int[] fixedCountSearch(long deadlineNanos, BooleanSupplier stopRequested, Consumer<int[]> onImproved) {
        allocateWeights();
        int[] best = slotOf.clone();
        long nextStopPoll = System.nanoTime();
        while (ledger.activeHosts() > lowerBound) {
            int[] active = ledger.activeSlots();
            int victim = pickVictim(active, 0);
            if (victim < 0) {
                return best;
            }
            int[] targets = Arrays.stream(active).filter(s -> s != victim).toArray();
            if (!spreadVms(victim, targets)) {
                return best;
            }
            resetWeights(targets);
            int[] overflowing = new int[targets.length];
            LOG.debug("fixed-count search on {} hosts, overflow {}", targets.length, ledger.localHardPenalty());
            long lowest = ledger.localHardPenalty();
            int[] lowestSlots = slotOf.clone();
            long sinceLowest = 0;
            while (ledger.localHardPenalty() > 0) {
                long now = System.nanoTime();
                if (now >= deadlineNanos) {
                    return best;
                }
                if (now >= nextStopPoll) {
                    if (stopRequested.getAsBoolean()) {
                        return best;
                    }
                    nextStopPoll = now + 500_000_000L;
                }
                fixedCountIteration(targets, overflowing);
                if (ledger.localHardPenalty() < lowest) {
                    lowest = ledger.localHardPenalty();
                    System.arraycopy(slotOf, 0, lowestSlots, 0, slotOf.length);
                    sinceLowest = 0;
                } else if (++sinceLowest >= RESTART_AFTER_ITERATIONS) {
                    restart(lowestSlots, targets);
                    sinceLowest = 0;
                }
            }
            if (ledger.hardPenalty() > 0) {
                return best; // feasible on the targets but not on the HA reserve: this flow cannot fix that
            }
            best = slotOf.clone();
            onImproved.accept(best.clone());
        }
        return best;
    }

    /** Back to the lowest-overflow placement of this host count, with all weights at one again. */
    private void restart(int[] lowestSlots, int[] targets) {
        for (int vm = 0; vm < slotOf.length; vm++) {
            if (slotOf[vm] != lowestSlots[vm]) {
                relocate(vm, lowestSlots[vm]);
            }
        }
        resetWeights(targets);
    }

    private void resetWeights(int[] targets) {
        for (int s : targets) {
            loads.resetWeights(s, weight);
        }
    }

    private void fixedCountIteration(int[] targets, int[] overflowing) {
        tick++;
        journalSize = 0; // nothing is undone in this flow: the best placement is kept as a copy
        int n = 0;
        for (int s : targets) {
            if (loads.overflow(s) > 0) {
                overflowing[n++] = s;
            }
        }
        int from = n > 0 ? overflowing[random.nextInt(n)] : targets[random.nextInt(targets.length)];
        long best = Long.MAX_VALUE;
        int bestVm = -1;
        int bestTo = -1;
        int bestOther = -1;
        for (int vm : members.of(from)) {
            if (model.pinnedSlot(vm) >= 0) {
                continue;
            }
            long delta = bestWeightedRelocation(vm, from, targets);
            if (delta < best) {
                best = delta;
                bestVm = pendingVm;
                bestTo = pendingTo;
                bestOther = pendingOtherVm;
            }
        }
        if (best < 0) {
            pendingVm = bestVm;
            pendingTo = bestTo;
            pendingOtherVm = bestOther;
            applyPendingAsTabu();
            return;
        }
        loads.raiseOverflowWeights(from, weight);
        if (n > 0 && random.nextInt(RESPLIT_EVERY) == 0) {
            resplit(resplitGroup(from, targets));
        }
    }

    /**
     * The host followed by the RESPLIT_GROUP - 1 targets with least summed load at the steps where it
     * overflows (resource by resource): the partners with most room where it needs room.
     */
    private int[] resplitGroup(int host, int[] targets) {
        long[] busy = new long[targets.length];
        for (int i = 0; i < targets.length; i++) {
            int g = targets[i];
            for (int r = 0; r < model.resources(); r++) {
                long cap = model.capacity(r, host);
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
        int total = 0;
        for (int h : group) {
            total += loads.vmCount(h);
        }
        int[] pool = new int[total];
        int n = 0;
        long before = 0;
        for (int h : group) {
            before += loads.overflow(h);
            for (int vm : members.of(h)) {
                if (model.pinnedSlot(vm) < 0 && model.antiAffinityGroup(vm) < 0 && allowedOnAll(vm, group)) {
                    pool[n++] = vm;
                }
            }
        }
        if (n < 2) {
            return;
        }
        int[] original = new int[n];
        for (int i = 0; i < n; i++) {
            original[i] = slotOf[pool[i]];
        }
        long current = before;
        for (int it = 0; it < RESPLIT_TRIES && current > 0; it++) {
            int vm = pool[random.nextInt(n)];
            int from = slotOf[vm];
            int to = group[random.nextInt(group.length - 1)]; // uniform over the group's other hosts
            if (to == from) {
                to = group[group.length - 1];
            }
            int other = random.nextBoolean() ? -1 : pool[random.nextInt(n)];
            if (other >= 0 && slotOf[other] != to) {
                continue;
            }
            evaluations += 2;
            long delta = loads.overflowIfChanged(from, other, vm) + loads.overflowIfChanged(to, vm, other);
            if (delta <= 0) {
                relocate(vm, to);
                if (other >= 0) {
                    relocate(other, from);
                }
                current += delta;
            }
        }
        if (current >= before) {
            for (int i = 0; i < n; i++) {
                if (slotOf[pool[i]] != original[i]) {
                    relocate(pool[i], original[i]);
                }
            }
        }
    }

    private boolean allowedOnAll(int vm, int[] group) {
        for (int h : group) {
            if (!model.allowed(vm, h)) {
                return false;
            }
        }
        return true;
    }

    /** Moves every VM of the victim to the target with least shaped cost; false if one has nowhere to go. */
    private boolean spreadVms(int victim, int[] targets) {
        Integer[] sorted = Arrays.stream(members.of(victim)).boxed().toArray(Integer[]::new);
        Arrays.sort(sorted, (x, y) -> Double.compare(model.normalizedPeak(y), model.normalizedPeak(x)));
        for (int vm : sorted) {
            int best = -1;
            long bestCost = Long.MAX_VALUE;
            for (int g : targets) {
                if (!model.allowed(vm, g)) {
                    continue;
                }
                evaluations++;
                long cost = loads.shapedCostIfChanged(g, vm, -1) + aaCost(vm, g, -1) * HostLoads.OVERFLOW_WEIGHT;
                if (cost < bestCost) {
                    best = g;
                    bestCost = cost;
                }
            }
            if (best < 0) {
                return false;
            }
            move(vm, best);
        }
        return true;
    }

    private void allocateWeights() {
        if (weight == null) {
            weight = new long[model.resources()][model.slots() * loads.steps()];
            tabuFrom = new int[model.vms()];
            tabuUntil = new long[model.vms()];
        }
    }

    private static final int TABU_TENURE = 10;
    private long[][] weight;
    private int[] tabuFrom;
    private long[] tabuUntil;
    private long tick;

    private boolean tabu(int vm, int to) {
        return tabuFrom[vm] == to && tabuUntil[vm] > tick;
    }

    /**
     * Finds the best non-tabu move of vm to any target, and the best swap with a VM of the SWAP_HOSTS targets
     * where vm alone would arrive cheapest, by weighted overflow; remembers it as pending and returns its delta.
     */
    private long bestWeightedRelocation(int vm, int from, int[] targets) {
        long best = Long.MAX_VALUE;
        long leave = loads.weightedOverflowChange(from, -1, vm, weight) - aaCost(vm, from, vm);
        int samples = Math.min(MAX_TARGETS, targets.length);
        Arrays.fill(swapHosts, -1);
        Arrays.fill(swapHostCost, Long.MAX_VALUE);
        for (int i = 0; i < samples; i++) {
            int g = targets.length <= MAX_TARGETS ? targets[i] : targets[random.nextInt(targets.length)];
            if (g == from || !model.allowed(vm, g)) {
                continue;
            }
            evaluations++;
            long arrive = loads.weightedOverflowChange(g, vm, -1, weight) + aaCost(vm, g, -1);
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
            for (int other : members.of(g)) {
                if (model.pinnedSlot(other) >= 0 || !model.allowed(other, from) || tabu(other, from)) {
                    continue;
                }
                evaluations++;
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
        return best;
    }

    private int pendingVm;
    private int pendingTo;
    private int pendingOtherVm;

    private final int[] swapHosts = new int[SWAP_HOSTS];
    private final long[] swapHostCost = new long[SWAP_HOSTS];

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

    /** Applies the pending move or swap; the moved VMs may not go back for TABU_TENURE iterations. */
    private void applyPendingAsTabu() {
        tabuFrom[pendingVm] = slotOf[pendingVm];
        tabuUntil[pendingVm] = tick + TABU_TENURE;
        if (pendingOtherVm >= 0) {
            tabuFrom[pendingOtherVm] = pendingTo;
            tabuUntil[pendingOtherVm] = tick + TABU_TENURE;
        }
        applyPending();
    }

    private void applyPending() {
        int from = slotOf[pendingVm];
        move(pendingVm, pendingTo);
        if (pendingOtherVm >= 0) {
            move(pendingOtherVm, from);
        }
    }

    /** Anti-affinity cost of vm on slot (ignoring {@code self} already there). */
    private long aaCost(int vm, int slot, int self) {
        int group = model.antiAffinityGroup(vm);
        if (group < 0) {
            return 0;
        }
        int others = ledger.groupCountOn(slot, group) - (self >= 0 ? 1 : 0);
        return others * SlotTerms.DISCRETE_VIOLATION_WEIGHT;
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
                for (int vm : members.of(h)) {
                    if (model.pinnedSlot(vm) >= 0 || !model.allowed(vm, victim)) {
                        continue;
                    }
                    evaluations++;
                    long delta = loads.overflowIfRemoved(vm, h);
                    if (delta < bestDelta) {
                        bestDelta = delta;
                        best = vm;
                    }
                }
                if (best < 0) {
                    return false;
                }
                move(best, victim);
            }
        }
        return ledger.hardPenalty() == 0;
    }

    /** Moves that fit, from light hosts to heavier ones: keeps feasibility, may empty a host. */
    private void pushTowardsFullHosts(int[] active, int attempts) {
        for (int i = 0; i < attempts; i++) {
            int from = active[random.nextInt(active.length)];
            int to = active[random.nextInt(active.length)];
            int[] onFrom = members.of(from);
            if (from == to || onFrom.length == 0 || loads.volume(0, to) < loads.volume(0, from)) {
                continue;
            }
            int vm = onFrom[random.nextInt(onFrom.length)];
            evaluations++;
            if (model.pinnedSlot(vm) < 0 && model.allowed(vm, to) && aaCost(vm, to, -1) == 0 && loads.fits(vm, to)) {
                move(vm, to);
            }
        }
    }

    private void move(int vm, int to) {
        int from = slotOf[vm];
        if (journalSize == journalVm.length) {
            journalVm = Arrays.copyOf(journalVm, journalSize * 2);
            journalFrom = Arrays.copyOf(journalFrom, journalSize * 2);
        }
        journalVm[journalSize] = vm;
        journalFrom[journalSize] = from;
        journalSize++;
        relocate(vm, to);
    }

    private void undoJournal() {
        for (int i = journalSize - 1; i >= 0; i--) {
            relocate(journalVm[i], journalFrom[i]);
        }
        journalSize = 0;
    }

    private void relocate(int vm, int to) {
        int from = slotOf[vm];
        ledger.remove(vm, from);
        members.remove(vm, from);
        ledger.add(vm, to);
        members.add(vm, to);
        slotOf[vm] = to;
    }
}
