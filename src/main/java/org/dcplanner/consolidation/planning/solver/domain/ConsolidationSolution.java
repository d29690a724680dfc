package org.dcplanner.consolidation.planning.solver.domain;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.solution.ProblemFactProperty;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * Planning solution: the host pool, the VM assignments, the integer demand model and the score, and the count of
 * score evaluations of one solve (shared by the solution's clones; the problem facts stay immutable).
 */
@PlanningSolution
public class ConsolidationSolution {
    @ProblemFactCollectionProperty
    @ValueRangeProvider(id = "hostSlots")
    private List<HostSlot> hostSlots;

    @PlanningEntityCollectionProperty
    private List<VmAssignment> assignments;

    @ProblemFactProperty
    private DemandModel model;

    @PlanningScore
    private HardMediumSoftLongScore score;
    /** Score evaluations (incremental calculations and search move evaluations) for speed reporting. */
    private LongAdder evaluations = new LongAdder();

    public ConsolidationSolution() {}

    public ConsolidationSolution(List<HostSlot> hostSlots, List<VmAssignment> assignments) {
        this.hostSlots = hostSlots;
        this.assignments = assignments;
    }

    public ConsolidationSolution(List<HostSlot> hostSlots, List<VmAssignment> assignments, DemandModel model) {
        this(hostSlots, assignments);
        this.model = model;
    }

    /** Builds the solution for a problem with the given start assignment (-1 = unassigned). */
    public static ConsolidationSolution of(DemandModel model, int[] vmSlot) {
        return of(model, vmSlot, new LongAdder());
    }

    /** As {@link #of(DemandModel, int[])}, counting score evaluations in {@code evaluations}. */
    public static ConsolidationSolution of(DemandModel model, int[] vmSlot, LongAdder evaluations) {
        List<HostSlot> slots = new java.util.ArrayList<>(model.slots());
        for (int s = 0; s < model.slots(); s++) {
            slots.add(new HostSlot(s, model.slotSpec(s).modelId()));
        }
        List<VmAssignment> vms = new java.util.ArrayList<>(model.vms());
        for (int v = 0; v < model.vms(); v++) {
            int slot = vmSlot == null ? -1 : vmSlot[v];
            int pin = model.pinnedSlot(v);
            boolean pinned = pin >= 0 && pin == slot;
            vms.add(new VmAssignment(v, slot >= 0 ? slots.get(slot) : null, pinned, model));
        }
        ConsolidationSolution solution = new ConsolidationSolution(slots, vms, model);
        solution.evaluations = evaluations;
        return solution;
    }

    /** The assignment as VM index to slot index (-1 unassigned). */
    public int[] vmSlots() {
        int[] out = new int[assignments.size()];
        for (VmAssignment a : assignments) {
            out[a.getVmIndex()] = a.getHost() == null ? -1 : a.getHost().getIndex();
        }
        return out;
    }

    public List<HostSlot> getHostSlots() {
        return hostSlots;
    }

    public List<VmAssignment> getAssignments() {
        return assignments;
    }

    public DemandModel getModel() {
        return model;
    }

    /** Score evaluations counted on this solve so far. */
    public LongAdder evaluations() {
        return evaluations;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
