package org.dcplanner.consolidation.planning.solver.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dcplanner.consolidation.planning.solver.SolverSetup;
import org.dcplanner.consolidation.planning.solver.TestProblems;
import org.dcplanner.consolidation.planning.solver.domain.ConsolidationSolution;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.domain.PlacementRules;
import org.dcplanner.consolidation.planning.solver.domain.PlacementRules.HostRule;
import org.dcplanner.consolidation.planning.solver.domain.PlacementRules.Kind;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.search.CustomSearchPhase;
import org.dcplanner.consolidation.planning.solver.start.Baselines;
import org.dcplanner.consolidation.planning.solver.start.Construction;
import org.dcplanner.consolidation.planning.solver.start.LowerBounds;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.score.director.ScoreDirectorFactoryConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/** The fast incremental score must equal the constraint-stream score, on random plans and after random moves. */
class ScoreCrossCheckTest {
    private final SolutionManager<ConsolidationSolution, HardMediumSoftLongScore> streams =
            SolutionManager.create(SolverFactory.create(SolverSetup.constraintStreams()));

    @Test
    void incrementalScoreEqualsConstraintStreamsOnRandomPlansAndMoves() {
        for (long seed = 1; seed <= 5; seed++) {
            PlanningProblem problem = TestProblems.random(seed, 25, 8, 12);
            PlanningProblem withHa = new PlanningProblem(
                    problem.resources(),
                    problem.steps(),
                    problem.demand(),
                    problem.vmNames(),
                    problem.slots(),
                    problem.pinnedSlot(),
                    problem.antiAffinityGroup(),
                    problem.paravirtCapable(),
                    problem.approach(),
                    (int) (seed % 2),
                    problem.objective());
            DemandModel model = new DemandModel(withHa);
            SplittableRandom rnd = new SplittableRandom(seed);
            int[] slots = new int[model.vms()];
            for (int v = 0; v < slots.length; v++) {
                slots[v] = rnd.nextInt(model.slots());
            }
            ScoreLedger ledger = movesAgree(model, slots, rnd, seed);
            assertThat(ledger.score())
                    .isEqualTo(Construction.ledger(model, slots).score());
        }
    }

    @Test
    void incrementalScoreEqualsConstraintStreamsWithAffinityAndHostRules() {
        for (long seed = 1; seed <= 5; seed++) {
            PlanningProblem base = TestProblems.random(seed, 25, 8, 12);
            SplittableRandom rnd = new SplittableRandom(seed * 31);
            int[] affinity = new int[base.vmCount()];
            for (int v = 0; v < affinity.length; v++) affinity[v] = v < 9 ? v % 3 : -1;
            List<HostRule> rules = new ArrayList<>();
            for (Kind kind : Kind.values()) {
                boolean[] group = new boolean[base.slots().size()];
                for (int s = 0; s < group.length; s++) group[s] = rnd.nextBoolean();
                int[] vms = rnd.ints(6, 0, base.vmCount()).distinct().toArray();
                rules.add(new HostRule(kind.name(), kind, vms, group));
            }
            DemandModel model = new DemandModel(base.withRules(new PlacementRules(affinity, rules)));
            int[] slots = new int[model.vms()];
            for (int v = 0; v < slots.length; v++) slots[v] = rnd.nextInt(model.slots());
            movesAgree(model, slots, rnd, seed);
        }
    }

    /** 200 random moves on the ledger, its score compared with the streams' every 20 moves; returns the ledger. */
    private ScoreLedger movesAgree(DemandModel model, int[] slots, SplittableRandom rnd, long seed) {
        ScoreLedger ledger = Construction.ledger(model, slots);
        for (int move = 0; move < 200; move++) {
            int vm = rnd.nextInt(slots.length);
            int to = rnd.nextInt(model.slots());
            ledger.remove(vm, slots[vm]);
            ledger.add(vm, to);
            slots[vm] = to;
            if (move % 20 == 0) {
                assertThat(ledger.score())
                        .as("seed %d move %d", seed, move)
                        .isEqualTo(streams.update(ConsolidationSolution.of(model, slots)));
            }
        }
        return ledger;
    }

    @Test
    void solvingUnderFullAssertAgreesWithConstraintStreams() {
        PlanningProblem problem = TestProblems.random(3, 14, 7, 6);
        DemandModel model = new DemandModel(problem);
        int[] start = Baselines.timeSeriesFfd(model, 1.0);
        CustomSearchPhase elimination = CustomSearchPhase.hostElimination(
                System.nanoTime() + 300_000_000L, () -> false, s -> {}, 1L, LowerBounds.lowerBoundHosts(problem));
        CustomSearchPhase balance = CustomSearchPhase.balance(System.nanoTime() + 600_000_000L, () -> false, 1L);
        SolverConfig config = SolverSetup.baseConfig()
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withRandomSeed(1L)
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withIncrementalScoreCalculatorClass(ConsolidationIncrementalScoreCalculator.class)
                        .withAssertionScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                                .withConstraintProviderClass(ConsolidationConstraintProvider.class)))
                .withPhases(
                        new CustomPhaseConfig().withCustomPhaseCommands(elimination),
                        new CustomPhaseConfig().withCustomPhaseCommands(balance),
                        // from a balanced local optimum few moves are acceptable: a time limit keeps FULL_ASSERT short
                        SolverSetup.localSearch()
                                .withTerminationConfig(new TerminationConfig()
                                        .withStepCountLimit(300)
                                        .withSecondsSpentLimit(3L)));

        ConsolidationSolution solved = SolverFactory.<ConsolidationSolution>create(config)
                .buildSolver()
                .solve(ConsolidationSolution.of(model, start));

        assertThat(solved.getScore()).isEqualTo(streams.update(ConsolidationSolution.of(model, solved.vmSlots())));
    }
}
