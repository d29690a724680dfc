package org.dcplanner.consolidation.planning.solver.search;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.score.HostLoads;
import org.dcplanner.consolidation.planning.solver.score.ScoreLedger;
import org.dcplanner.consolidation.planning.solver.score.SlotMembers;
import org.dcplanner.consolidation.planning.solver.score.SlotTerms;

/**
 * The placement the host searches work on: each VM's slot, the VMs per slot, the score ledger with its per-slot
 * load arrays, one random stream and an undo journal of moves. Shared by host emptying
 * ({@link HostEliminationSearch}) and the fixed-count stage ({@link FixedCountSearch}).
 */
final class WorkingPlacement {
    final DemandModel model;
    final ScoreLedger ledger;
    final HostLoads loads;
    final int[] slotOf;
    final SlotMembers members;
    final SplittableRandom random;
    private int[] journalVm = new int[1024];
    private int[] journalFrom = new int[1024];
    private int journalSize;
    private long evaluations;
    /** Whether SHOULD host rules exist (their cost is skipped otherwise). */
    private final boolean softRules;

    WorkingPlacement(DemandModel model, int[] start, long seed) {
        this.model = model;
        this.ledger = new ScoreLedger(model);
        this.loads = ledger.loads();
        this.slotOf = start.clone();
        this.members = new SlotMembers(model.vms(), model.slots());
        this.random = new SplittableRandom(seed);
        this.softRules = model.hasSoftRules();
        for (int v = 0; v < slotOf.length; v++) {
            ledger.add(v, slotOf[v]);
            members.add(v, slotOf[v]);
        }
    }

    /** Move evaluations so far (each an O(resources x steps) delta), for the speed report. */
    long evaluations() {
        return evaluations;
    }

    void countEvaluations(int n) {
        evaluations += n;
    }

    /** Starts a new journal: {@link #undoJournal()} goes back to the placement as it is now. */
    void clearJournal() {
        journalSize = 0;
    }

    /** Journaled move. */
    void move(int vm, int to) {
        if (journalSize == journalVm.length) {
            journalVm = Arrays.copyOf(journalVm, journalSize * 2);
            journalFrom = Arrays.copyOf(journalFrom, journalSize * 2);
        }
        journalVm[journalSize] = vm;
        journalFrom[journalSize] = slotOf[vm];
        journalSize++;
        relocate(vm, to);
    }

    void undoJournal() {
        for (int i = journalSize - 1; i >= 0; i--) {
            relocate(journalVm[i], journalFrom[i]);
        }
        journalSize = 0;
    }

    /** Unjournaled move. */
    void relocate(int vm, int to) {
        int from = slotOf[vm];
        ledger.remove(vm, from);
        members.remove(vm, from);
        ledger.add(vm, to);
        members.add(vm, to);
        slotOf[vm] = to;
    }

    /**
     * Anti-affinity cost of vm on slot, not counting VM {@code self} (-1 for none) that is on the slot now: vm itself,
     * or a VM about to leave it in a swap.
     */
    long aaCost(int vm, int slot, int self) {
        int group = model.antiAffinityGroup(vm);
        if (group < 0) {
            return 0;
        }
        int others = ledger.groupCountOn(slot, group) - (self >= 0 && model.antiAffinityGroup(self) == group ? 1 : 0);
        return others * SlotTerms.DISCRETE_VIOLATION_WEIGHT;
    }

    /** Soft-level change of the broken SHOULD host rules were vm moved from one slot to another (0 without them). */
    long softRuleCost(int vm, int from, int to) {
        if (!softRules) {
            return 0;
        }
        return model.softRuleWeight() * (model.softRulesBroken(vm, to) - model.softRulesBroken(vm, from));
    }

    /** A light active host without pinned VMs; rank biased to the lightest, spreading after failures. */
    int pickVictim(int[] active, int failures) {
        Integer[] order = Arrays.stream(active)
                .filter(s -> !members.hasPinned(s, model))
                .boxed()
                .toArray(Integer[]::new);
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

    /** Moves every VM of the victim to the target with least shaped cost; false if one has nowhere to go. */
    boolean spreadVms(int victim, int[] targets) {
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

    /** The targets that overflow now, written to {@code out}; returns how many. */
    int overflowing(int[] targets, int[] out) {
        int n = 0;
        for (int s : targets) {
            if (loads.overflow(s) > 0) {
                out[n++] = s;
            }
        }
        return n;
    }
}
