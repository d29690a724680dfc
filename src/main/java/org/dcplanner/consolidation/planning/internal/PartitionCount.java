package org.dcplanner.consolidation.planning.internal;

import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.partition.EstatePartitioner;

/**
 * How many partitions a plan is solved in: one (whole) up to {@code app.planning.partition-vms} VMs, then one per
 * that many VMs; more when the pool would not fit one solve's share of the heap ({@link
 * SolverMemoryCheck#partitionsNeeded}, which refuses a plan that partitions cannot bring into the heap); never more
 * than the estate has units (anti-affinity groups and free VMs).
 */
final class PartitionCount {
    private PartitionCount() {}

    static int of(PlanningProblem problem, int partitionVms, long budgetBytes) {
        int byVms = (int) Math.ceil(problem.vmCount() / (double) partitionVms);
        int byMemory = SolverMemoryCheck.partitionsNeeded(problem, budgetBytes);
        int wanted = Math.max(byVms, byMemory);
        if (wanted <= 1) return 1;
        return Math.max(1, Math.min(wanted, EstatePartitioner.unitCount(problem)));
    }
}
