package org.dcplanner.consolidation.planning.solver.search;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dcplanner.consolidation.planning.Objective;
import org.dcplanner.consolidation.planning.solver.StopPoll;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * Model choice under the COST and POWER objectives: moves all VMs of an active host onto an empty slot of another
 * model when they fit there at every step and the score improves (cheaper, or less power, at the same or better
 * hard level). Single VM moves cannot do this: the first VM to leave opens the new host and costs more, so the
 * search would stay on whatever models the construction filled first. Hosts are visited most expensive first;
 * per model, one empty slot stands for all (slots of a model are alike but for their index).
 * Cost per host visit: O(models x (resources x steps + vms on it)).
 */
final class RehostSearch {
    private final WorkingPlacement p;
    private final DemandModel model;

    RehostSearch(WorkingPlacement placement) {
        this.p = placement;
        this.model = placement.model;
    }

    /** Re-hosts until no host gains, the stop poll fires, or every host was tried; returns how many moved. */
    int run(StopPoll poll) {
        if (model.objective() == Objective.HOSTS) {
            return 0;
        }
        int moved = 0;
        boolean improved = true;
        while (improved && !poll.stop()) {
            improved = false;
            for (int h : byCostDescending(p.ledger.activeSlots())) {
                if (poll.stop()) {
                    break;
                }
                if (p.loads.vmCount(h) > 0 && tryRehost(h)) {
                    moved++;
                    improved = true;
                }
            }
        }
        return moved;
    }

    /** Moves host h's VMs to the best empty slot of another model that takes them; false when none gains. */
    private boolean tryRehost(int h) {
        int[] vms = p.members.of(h).clone();
        for (int vm : vms) {
            if (model.pinnedSlot(vm) >= 0) {
                return false;
            }
        }
        long[] peaks = p.loads.peaks(h);
        HardMediumSoftLongScore before = p.ledger.score();
        HardMediumSoftLongScore bestScore = before;
        int bestSlot = -1;
        for (int e : emptySlotPerModel(h)) {
            if (!fitsAll(vms, peaks, e)) {
                continue;
            }
            p.countEvaluations(vms.length);
            p.clearJournal();
            for (int vm : vms) {
                p.move(vm, e);
            }
            HardMediumSoftLongScore after = p.ledger.score();
            p.undoJournal();
            if (after.compareTo(bestScore) > 0) {
                bestScore = after;
                bestSlot = e;
            }
        }
        if (bestSlot < 0) {
            return false;
        }
        for (int vm : vms) {
            p.relocate(vm, bestSlot);
        }
        return true;
    }

    /** Every VM allowed on slot e and h's peak load within e's capacity per resource. */
    private boolean fitsAll(int[] vms, long[] peaks, int e) {
        for (int r = 0; r < peaks.length; r++) {
            if (peaks[r] > model.capacity(r, e)) {
                return false;
            }
        }
        for (int vm : vms) {
            if (!model.allowed(vm, e)) {
                return false;
            }
        }
        return true;
    }

    /** The first empty slot of each model other than h's. */
    private int[] emptySlotPerModel(int h) {
        String own = model.slotSpec(h).modelId();
        Map<String, Integer> first = new LinkedHashMap<>();
        for (int s = 0; s < model.slots(); s++) {
            String id = model.slotSpec(s).modelId();
            if (!id.equals(own) && p.loads.vmCount(s) == 0) {
                first.putIfAbsent(id, s);
            }
        }
        return first.values().stream().mapToInt(Integer::intValue).toArray();
    }

    private int[] byCostDescending(int[] active) {
        return Arrays.stream(active)
                .boxed()
                .sorted(Comparator.comparingDouble(
                                (Integer s) -> -model.slotSpec(s).yearlyCost())
                        .thenComparingDouble(s -> -model.slotSpec(s).maxWatts()))
                .mapToInt(Integer::intValue)
                .toArray();
    }
}
