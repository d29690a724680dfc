package org.dcplanner.consolidation.planning.solver;

import java.util.List;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/** Planning solution: the host pool, the VM assignments and the score. */
@PlanningSolution
public class ConsolidationSolution {
    @ProblemFactCollectionProperty
    @ValueRangeProvider(id = "hostSlots")
    private List<HostSlot> hostSlots;
    @PlanningEntityCollectionProperty
    private List<VmAssignment> assignments;
    @PlanningScore
    private HardMediumSoftLongScore score;

    public ConsolidationSolution() {}

    public ConsolidationSolution(List<HostSlot> hostSlots, List<VmAssignment> assignments) {
        this.hostSlots = hostSlots;
        this.assignments = assignments;
    }

    public List<HostSlot> getHostSlots() {
        return hostSlots;
    }

    public List<VmAssignment> getAssignments() {
        return assignments;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
