package org.dcplanner.consolidation.planning.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dcplanner.consolidation.planning.solver.ConsolidationSolver.VmExplanation;
import org.dcplanner.consolidation.planning.solver.domain.ConsolidationSolution;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.domain.VmAssignment;
import org.dcplanner.consolidation.planning.solver.score.HostLoads;
import org.dcplanner.consolidation.planning.solver.score.ScoreLedger;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatch;
import org.optaplanner.core.api.score.constraint.Indictment;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;

/**
 * Per-VM explanation: binding resource and step from the slot's load series, matched constraints from the
 * constraint-stream score explanation (indictments of the VM and of its host). Cost: one full constraint-stream
 * evaluation, O(V x R x T). One instance serves every plan: its SolutionManager is thread-safe.
 */
final class PlacementExplainer {
    private final SolutionManager<ConsolidationSolution, HardMediumSoftLongScore> solutionManager =
            SolutionManager.create(SolverFactory.create(SolverSetup.constraintStreams()));

    List<VmExplanation> explain(PlanningProblem problem, int[] vmSlot) {
        DemandModel model = new DemandModel(problem);
        ScoreLedger ledger = new ScoreLedger(model);
        for (int v = 0; v < vmSlot.length; v++) {
            if (vmSlot[v] >= 0) {
                ledger.add(v, vmSlot[v]);
            }
        }
        boolean haBroken = ledger.haShortfall() > 0;
        ConsolidationSolution solution = ConsolidationSolution.of(model, vmSlot);
        ScoreExplanation<ConsolidationSolution, HardMediumSoftLongScore> explanation =
                solutionManager.explain(solution);
        Map<Object, Indictment<HardMediumSoftLongScore>> indictments = explanation.getIndictmentMap();
        List<VmExplanation> out = new ArrayList<>(vmSlot.length);
        for (VmAssignment a : solution.getAssignments()) {
            int slot = vmSlot[a.getVmIndex()];
            Map<String, HardMediumSoftLongScore> matched = new TreeMap<>();
            collect(indictments.get(a), matched);
            if (a.getHost() != null) {
                collect(indictments.get(a.getHost()), matched);
            }
            List<String> names = new ArrayList<>();
            matched.forEach((name, score) -> names.add(name + " (" + score + ")"));
            if (haBroken && slot >= 0) {
                names.add(ScoreLedger.HA_RESERVE);
            }
            out.add(binding(model, ledger.loads(), a.getVmIndex(), slot, names));
        }
        return out;
    }

    private static void collect(
            Indictment<HardMediumSoftLongScore> indictment, Map<String, HardMediumSoftLongScore> into) {
        if (indictment == null) {
            return;
        }
        for (ConstraintMatch<HardMediumSoftLongScore> match : indictment.getConstraintMatchSet()) {
            into.merge(match.getConstraintName(), match.getScore(), HardMediumSoftLongScore::add);
        }
    }

    /** The resource and step where the VM's slot is most utilized (load / usable capacity). */
    private static VmExplanation binding(DemandModel model, HostLoads loads, int vm, int slot, List<String> names) {
        if (slot < 0) {
            return new VmExplanation(vm, slot, null, -1, 0, names);
        }
        int bestR = 0;
        int bestT = 0;
        double best = -1;
        for (int r = 0; r < model.resources(); r++) {
            double cap = Math.max(1, model.capacity(r, slot));
            for (int t = 0; t < model.steps(); t++) {
                double u = loads.load(r, slot, t) / cap;
                if (u > best) {
                    best = u;
                    bestR = r;
                    bestT = t;
                }
            }
        }
        return new VmExplanation(vm, slot, model.problem().rowName(bestR), bestT, best, names);
    }
}
