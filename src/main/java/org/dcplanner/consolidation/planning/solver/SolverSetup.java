package org.dcplanner.consolidation.planning.solver;

import java.time.Duration;
import java.util.List;
import org.dcplanner.consolidation.planning.solver.domain.ConsolidationSolution;
import org.dcplanner.consolidation.planning.solver.domain.VmAssignment;
import org.dcplanner.consolidation.planning.solver.score.ConsolidationConstraintProvider;
import org.dcplanner.consolidation.planning.solver.score.ConsolidationIncrementalScoreCalculator;
import org.dcplanner.consolidation.planning.solver.search.CustomSearchPhase;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.score.director.ScoreDirectorFactoryConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/** Builds the OptaPlanner configuration: host emptying, then balancing (custom phases), then change/swap late-acceptance search. */
public final class SolverSetup {
    private SolverSetup() {}

    public static SolverConfig baseConfig() {
        return new SolverConfig().withSolutionClass(ConsolidationSolution.class).withEntityClasses(VmAssignment.class);
    }

    /** The custom phases, in order: host emptying, then balancing. */
    record Phases(CustomSearchPhase elimination, CustomSearchPhase balance) {}

    /** Solving config: incremental score, fixed seed (reproducible up to the time limits). */
    static SolverConfig solving(Phases phases, Duration spentLimit, long seed) {
        return baseConfig()
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withIncrementalScoreCalculatorClass(ConsolidationIncrementalScoreCalculator.class))
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withRandomSeed(seed)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(spentLimit))
                .withPhases(
                        new CustomPhaseConfig().withCustomPhaseCommands(phases.elimination()),
                        new CustomPhaseConfig().withCustomPhaseCommands(phases.balance()),
                        localSearch());
    }

    /** Change and swap moves under late acceptance: balances the hosts (soft level) and can still empty one. */
    public static LocalSearchPhaseConfig localSearch() {
        return new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(new UnionMoveSelectorConfig(
                        List.of(new ChangeMoveSelectorConfig(), new SwapMoveSelectorConfig())))
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(400))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
    }

    /** Constraint-stream scoring, for explanations and as the reference in tests. */
    public static SolverConfig constraintStreams() {
        return baseConfig()
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withConstraintProviderClass(ConsolidationConstraintProvider.class));
    }
}
