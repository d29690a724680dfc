package org.dcplanner.consolidation.planning.solver;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import org.dcplanner.consolidation.planning.Objective;
import org.dcplanner.consolidation.planning.solver.SolveOptions.SolveProgress;
import org.dcplanner.consolidation.planning.solver.domain.ConsolidationSolution;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.score.ScoreLedger;
import org.dcplanner.consolidation.planning.solver.search.CustomSearchPhase;
import org.dcplanner.consolidation.planning.solver.start.Baselines;
import org.dcplanner.consolidation.planning.solver.start.Construction;
import org.dcplanner.consolidation.planning.solver.start.LowerBounds;
import org.dcplanner.consolidation.planning.solver.start.ReferencePlacements;
import org.dcplanner.consolidation.planning.solver.start.StartAssignment;
import org.optaplanner.core.api.solver.SolverJob;
import org.optaplanner.core.api.solver.SolverManager;
import org.springframework.stereotype.Component;

/**
 * The solver facade: lower bound and both FFD baselines (reused from {@link SolveOptions#references} when
 * given), the better baseline as construction (or the caller's start assignment when it scores better), then
 * OptaPlanner (host-emptying custom phase for {@code eliminationShare} of the time, then the balancing custom
 * phase, then change/swap local search). The references and the construction run on the calling thread and check
 * the stop request every 20 ms; the search runs on a SolverManager thread while the calling thread polls the stop
 * request every 50 ms.
 * The result never has a worse score than the start, so a feasible plan never uses more hosts than the better
 * feasible baseline, nor than a feasible start assignment (objective HOSTS).
 */
@Component
public class OptaPlannerConsolidationSolver implements ConsolidationSolver {
    private static final long DEFAULT_SEED = 42L;
    private static final Duration MIN_SEARCH = Duration.ofMillis(200);
    /** Builds the solver managers (daemon threads: a manager abandoned after a stop never holds the JVM). */
    private static final Executor STARTER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "solver-starter");
        t.setDaemon(true);
        return t;
    });
    /** How long a stopped search may take to hand over its final best before the best reported so far is used. */
    private static final Duration STOP_GRACE = Duration.ofMillis(150);

    private final double eliminationShare;
    private final long seed;

    public OptaPlannerConsolidationSolver() {
        this(0.9, DEFAULT_SEED);
    }

    /** @param eliminationShare share of the remaining time given to the host-emptying phase (0..1) */
    public OptaPlannerConsolidationSolver(double eliminationShare, long seed) {
        this.eliminationShare = eliminationShare;
        this.seed = seed;
    }

    @Override
    public PlanningResult solve(PlanningProblem problem, SolveOptions options) {
        ProblemChecks.validate(problem);
        long startNanos = System.nanoTime();
        BooleanSupplier stopRequested = options.stopRequested() == null ? () -> false : options.stopRequested();
        // every loop before the search checks the stop request: a cancel during the construction ends it promptly
        StopPoll stop = StopPoll.onRequest(stopRequested);
        DemandModel model = new DemandModel(problem);
        // stopped here (SolveStopped to the caller): no placement exists yet
        ReferencePlacements references = ReferencePlacements.reuseOrCompute(options.references(), model, stop);
        int lowerBound = references.lowerBoundHosts();
        int[] peakFfd = references.peakFfd();
        int[] tsFfd = references.timeSeriesFfd();
        // from here on a stop ends with the best placement so far: at least the better baseline
        int[] construction = Construction.best(model, peakFfd, tsFfd, stop);
        // a warm start (e.g. a crashed attempt's saved best) replaces the construction when it scores better
        int[] start = StartAssignment.better(model, construction, options.startAssignment());
        ProgressReporter reporter =
                new ProgressReporter(model, options.onNewBest() == null ? p -> {} : options.onNewBest(), startNanos);
        // the construction is the first best: plans show a host count before the search improves on it
        SolveProgress first = reporter.report(start);
        int stopBound;
        try {
            // the search stops at a proven optimum: the tightest of the valid bounds
            stopBound = Math.max(
                    Math.max(lowerBound, LowerBounds.stepwiseBinPackingBound(problem, stop)),
                    LowerBounds.antiAffinityBound(problem));
        } catch (SolveStopped stopped) {
            stopBound = lowerBound;
        }
        if (stop.stop() || stopRequested.getAsBoolean()) {
            // stopped during the construction: its best is the result, no search is started
            return result(model, start, lowerBound, peakFfd, tsFfd, 0);
        }

        long remaining =
                Math.max(MIN_SEARCH.toNanos(), options.timeLimit().toNanos() - (System.nanoTime() - startNanos));
        long eliminationDeadline = System.nanoTime() + (long) (remaining * eliminationShare);
        CustomSearchPhase elimination = CustomSearchPhase.hostElimination(
                eliminationDeadline, stopRequested, reporter::report, seed, stopBound);
        // When the plan first reached the bound (0: not yet), set by the best-solution consumer. A plan proven
        // minimal is still balanced, for the share of the time the search after host emptying usually gets.
        AtomicLong optimumAtNanos = new AtomicLong();
        long balanceNanos = (long) (remaining * (1 - eliminationShare));
        BooleanSupplier balancedEnough = () -> {
            long at = optimumAtNanos.get();
            return at != 0 && System.nanoTime() - at >= balanceNanos;
        };
        CustomSearchPhase balance = CustomSearchPhase.balance(
                System.nanoTime() + remaining,
                () -> balancedEnough.getAsBoolean() || stopRequested.getAsBoolean(),
                seed);
        LongAdder evaluations = new LongAdder();
        long searchStart = System.nanoTime();
        int[] best = runSolver(
                model,
                start,
                new SolverSetup.Phases(elimination, balance),
                Duration.ofMillis(remaining / 1_000_000L),
                options,
                stopBound,
                optimumAtNanos,
                balancedEnough,
                reporter,
                first,
                evaluations);
        double seconds = Math.max(1e-3, (System.nanoTime() - searchStart) / 1e9);
        long perSecond = (long) (evaluations.sum() / seconds);

        return result(model, best, lowerBound, peakFfd, tsFfd, perSecond);
    }

    private static PlanningResult result(
            DemandModel model, int[] best, int lowerBound, int[] peakFfd, int[] tsFfd, long perSecond) {
        ScoreLedger ledger = Construction.ledger(model, best);
        return new PlanningResult(
                best,
                Baselines.hostsUsed(best),
                ledger.score().toString(),
                ledger.hardPenalty() == 0,
                ledger.brokenConstraints(),
                lowerBound,
                Baselines.hostsUsed(peakFfd),
                Baselines.hostsUsed(tsFfd),
                perSecond);
    }

    private int[] runSolver(
            DemandModel model,
            int[] start,
            SolverSetup.Phases phases,
            Duration limit,
            SolveOptions options,
            int lowerBound,
            AtomicLong optimumAtNanos,
            BooleanSupplier balancedEnough,
            ProgressReporter reporter,
            SolveProgress first,
            LongAdder evaluations) {
        if (nothingToMove(model)) {
            // OptaPlanner's random move selectors never end when no move is doable: skip the search
            return start;
        }
        CompletableFuture<ConsolidationSolution> done = new CompletableFuture<>();
        // The consumer only notes the optimum; the waiting thread ends the job (terminateEarly from inside
        // the consumer would wait for the consumer itself to finish: a deadlock).
        // A manager per solve: its configuration carries this solve's custom phase instances (with their deadlines
        // and stop request), time limit and seed. The explainer's factory, which has none of these, is built once.
        // It is built on a starter thread while this one polls the stop request: building the first solver of the
        // JVM takes seconds of class loading that cannot be interrupted.
        CompletableFuture<SolverManager<ConsolidationSolution, Long>> manager = CompletableFuture.supplyAsync(
                () -> SolverManager.create(SolverSetup.solving(phases, limit, seed)), STARTER);
        CompletableFuture<SolverJob<ConsolidationSolution, Long>> job = manager.thenApply(m -> m.solveAndListen(
                1L,
                id -> ConsolidationSolution.of(model, start, evaluations),
                best -> noteOptimum(reporter.report(best.vmSlots()), lowerBound, model, optimumAtNanos),
                done::complete,
                (id, error) -> done.completeExceptionally(error)));
        // a start already at the bound is proven minimal too (the solver may never report a better one); its
        // balancing time counts from the search's start, not from the solver's build (seconds when cold)
        job.thenRun(() -> noteOptimum(first, lowerBound, model, optimumAtNanos));
        job.whenComplete((j, error) -> {
            if (error != null) done.completeExceptionally(error.getCause() != null ? error.getCause() : error);
        });
        try {
            return awaitPollingStop(done, job, options, balancedEnough, reporter);
        } finally {
            // at once when the search ended; a manager still being built is closed (its job ended) once it exists
            manager.thenAccept(SolverManager::close);
        }
    }

    /** Notes when a feasible plan first reached the bound (under the host-count objective: a proven optimum). */
    private static void noteOptimum(SolveProgress progress, int bound, DemandModel model, AtomicLong optimumAtNanos) {
        if (progress.feasible() && progress.hostsUsed() <= bound && model.objective() == Objective.HOSTS) {
            optimumAtNanos.compareAndSet(0, System.nanoTime());
        }
    }

    private static boolean nothingToMove(DemandModel model) {
        if (model.slots() < 2) {
            return true;
        }
        for (int v = 0; v < model.vms(); v++) {
            if (model.pinnedSlot(v) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Waits for the final best solution, ending the job once a proven optimum has been balanced long enough or
     * on a stop request (checked every 50 ms; the supplier rate-limits its own database reads). After a stop request
     * the job gets {@link #STOP_GRACE} to hand over its final best; a job still starting up (OptaPlanner's first
     * solver of the JVM loads and compiles for about a second, and cannot be interrupted) is left to end on its own
     * and the best placement reported so far is the result, so a stop returns within about 0.2 s in every phase.
     */
    private static int[] awaitPollingStop(
            CompletableFuture<ConsolidationSolution> done,
            CompletableFuture<SolverJob<ConsolidationSolution, Long>> job,
            SolveOptions options,
            BooleanSupplier balancedEnough,
            ProgressReporter reporter) {
        boolean stopRequested = false;
        while (true) {
            try {
                if (stopRequested) {
                    try {
                        return done.get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                                .vmSlots();
                    } catch (TimeoutException startingUp) {
                        // no later report reaches the caller: the result is the best reported until now
                        return reporter.closeWithBest();
                    }
                }
                return done.get(50, TimeUnit.MILLISECONDS).vmSlots();
            } catch (TimeoutException e) {
                if (balancedEnough.getAsBoolean()) {
                    job.thenAccept(SolverJob::terminateEarly);
                } else if (options.stopRequested() != null
                        && options.stopRequested().getAsBoolean()) {
                    job.thenAccept(SolverJob::terminateEarly);
                    stopRequested = true;
                }
            } catch (InterruptedException e) {
                job.thenAccept(SolverJob::terminateEarly);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while solving", e);
            } catch (ExecutionException e) {
                // out of heap in the solver's thread: the job reports it as such (and does not retry)
                if (e.getCause() instanceof OutOfMemoryError oom) throw oom;
                throw new IllegalStateException("solver failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    @Override
    public List<VmExplanation> explain(PlanningProblem problem, int[] vmSlot) {
        ProblemChecks.validate(problem);
        return Explainer.INSTANCE.explain(problem, vmSlot);
    }

    /** The constraint-stream explainer, built once per JVM on first use (its SolverFactory is thread-safe and costly). */
    private static final class Explainer {
        static final PlacementExplainer INSTANCE = new PlacementExplainer();
    }
}
