package org.dcplanner.consolidation.planning.solver;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Host-emptying search on load arrays: repeatedly picks a lightly filled active host, moves its VMs to
 * the other active hosts (least overflow, then fullest), and repairs the overflow with a late-acceptance
 * search over moves and swaps restricted to the remaining hosts. Success (no hard violation) keeps one host
 * fewer; failure restores the last feasible placement exactly. Between attempts, moves that fit push VMs
 * from light to heavy hosts. Starts from and always returns a feasible assignment (or the start unchanged).
 * Cost per repair iteration: O(min(active, MAX_TARGETS) x resources x steps).
 */
final class HostEliminationSearch {
    private static final int MAX_TARGETS = 64;
    private static final int SWAP_SAMPLES = 32;
    private static final int LATE_ACCEPTANCE_SIZE = 100;

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
        int failures = 0;
        long nextStopPoll = System.nanoTime();
        while (System.nanoTime() < deadlineNanos && ledger.activeHosts() > lowerBound) {
            if (System.nanoTime() >= nextStopPoll) {
                if (stopRequested.getAsBoolean()) {
                    break;
                }
                nextStopPoll = System.nanoTime() + 500_000_000L;
            }
            int[] active = ledger.activeSlots();
            int victim = pickVictim(active, failures);
            if (victim < 0) {
                break;
            }
            journalSize = 0;
            if (tryEliminate(victim, active, deadlineNanos) && ledger.hardPenalty() == 0) {
                failures = 0;
                onImproved.accept(slotOf.clone());
            } else {
                undoJournal();
                failures++;
                journalSize = 0;
                pushTowardsFullHosts(active, 4 * SWAP_SAMPLES);
                if (ledger.hardPenalty() != 0) {
                    undoJournal();
                }
                if (ledger.activeHosts() < active.length) {
                    onImproved.accept(slotOf.clone());
                }
            }
        }
        return slotOf.clone();
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
        int[] vms = members.of(victim);
        Integer[] sorted = Arrays.stream(vms).boxed().toArray(Integer[]::new);
        Arrays.sort(sorted, (a, b) -> Double.compare(model.normalizedPeak(b), model.normalizedPeak(a)));
        for (int vm : sorted) {
            int best = -1;
            long bestCost = Long.MAX_VALUE;
            long bestVolume = -1;
            for (int g : targets) {
                if (!model.allowed(vm, g)) {
                    continue;
                }
                evaluations++;
                long cost = loads.overflowIfAdded(vm, g) + aaCost(vm, g, -1);
                long volume = loads.volume(0, g);
                if (cost < bestCost || (cost == bestCost && volume > bestVolume)) {
                    best = g;
                    bestCost = cost;
                    bestVolume = volume;
                }
            }
            if (best < 0) {
                return false;
            }
            move(vm, best);
        }
        return repair(targets, 400 + 40 * vms.length, deadlineNanos);
    }

    /** Late-acceptance search minimizing overflow + anti-affinity over the target hosts. */
    private boolean repair(int[] targets, int maxIterations, long deadlineNanos) {
        long[] history = new long[LATE_ACCEPTANCE_SIZE];
        Arrays.fill(history, ledger.localHardPenalty());
        int[] overflowing = new int[targets.length];
        for (int it = 0; it < maxIterations && ledger.localHardPenalty() > 0; it++) {
            if ((it & 31) == 0 && System.nanoTime() >= deadlineNanos) {
                return false;
            }
            int n = 0;
            for (int s : targets) {
                if (loads.overflow(s) > 0) {
                    overflowing[n++] = s;
                }
            }
            if (n == 0) {
                return false;
            }
            int from = overflowing[random.nextInt(n)];
            int[] onFrom = members.of(from);
            int vm = onFrom[random.nextInt(onFrom.length)];
            if (model.pinnedSlot(vm) >= 0) {
                continue;
            }
            long current = ledger.localHardPenalty();
            long delta = bestRelocation(vm, from, targets);
            if (delta == Long.MAX_VALUE) {
                continue;
            }
            long candidate = current + delta;
            int slot = it % LATE_ACCEPTANCE_SIZE;
            if (candidate <= current || candidate <= history[slot]) {
                applyPending();
            }
            history[slot] = ledger.localHardPenalty();
        }
        return ledger.localHardPenalty() == 0;
    }

    private int pendingVm;
    private int pendingTo;
    private int pendingOtherVm;

    /** Finds the best move or swap of vm away from its slot; remembers it as pending; returns its delta. */
    private long bestRelocation(int vm, int from, int[] targets) {
        long best = Long.MAX_VALUE;
        long leave = loads.overflowIfRemoved(vm, from);
        int samples = Math.min(MAX_TARGETS, targets.length);
        for (int i = 0; i < samples; i++) {
            int g = targets.length <= MAX_TARGETS ? targets[i] : targets[random.nextInt(targets.length)];
            if (g == from || !model.allowed(vm, g)) {
                continue;
            }
            evaluations++;
            long delta = leave + loads.overflowIfAdded(vm, g) + aaCost(vm, g, -1) - aaCost(vm, from, vm);
            if (delta < best) {
                best = delta;
                pendingVm = vm;
                pendingTo = g;
                pendingOtherVm = -1;
            }
        }
        for (int i = 0; i < SWAP_SAMPLES; i++) {
            int g = targets[random.nextInt(targets.length)];
            int[] onG = members.of(g);
            if (g == from || onG.length == 0) {
                continue;
            }
            int other = onG[random.nextInt(onG.length)];
            if (model.pinnedSlot(other) >= 0 || !model.allowed(vm, g) || !model.allowed(other, from)) {
                continue;
            }
            evaluations++;
            long delta = loads.overflowIfChanged(from, other, vm) + loads.overflowIfChanged(g, vm, other);
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
        return best;
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
