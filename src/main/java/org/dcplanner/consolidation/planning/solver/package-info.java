/**
 * The solver: {@link org.dcplanner.consolidation.planning.solver.ConsolidationSolver#solve} packs a sized
 * {@link org.dcplanner.consolidation.planning.solver.domain.PlanningProblem} onto the fewest hosts. The pipeline:
 * <ol>
 *   <li>{@code domain}: the problem in exact integer units
 *       ({@link org.dcplanner.consolidation.planning.solver.domain.DemandModel}), the OptaPlanner solution
 *       (host slots as facts, one planning entity per VM);</li>
 *   <li>{@code start}: the fluid lower bound and two first-fit-decreasing baselines; the better one (or a warm
 *       start) is the construction;</li>
 *   <li>{@code search}: OptaPlanner runs the custom phases on plain placement arrays, host emptying (with model
 *       choice under COST/POWER and a fixed-count last stage), then balancing, and finally its own
 *       late-acceptance change/swap search
 *       ({@link org.dcplanner.consolidation.planning.solver.SolverSetup});</li>
 *   <li>{@code score}: every phase is scored by the same ledger of per-host load series
 *       ({@link org.dcplanner.consolidation.planning.solver.score.ScoreLedger}), checked against the readable
 *       constraint streams that also explain a placement.</li>
 * </ol>
 * The facade is {@link org.dcplanner.consolidation.planning.solver.OptaPlannerConsolidationSolver}.
 */
package org.dcplanner.consolidation.planning.solver;
