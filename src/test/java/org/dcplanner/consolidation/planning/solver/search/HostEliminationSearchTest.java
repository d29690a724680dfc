package org.dcplanner.consolidation.planning.solver.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.dcplanner.consolidation.planning.solver.TestProblems;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.score.ScoreLedger;
import org.dcplanner.consolidation.planning.solver.start.Baselines;
import org.dcplanner.consolidation.planning.solver.start.Construction;
import org.dcplanner.consolidation.planning.solver.start.LowerBounds;
import org.junit.jupiter.api.Test;

class HostEliminationSearchTest {
    private static final long GENEROUS_DEADLINE_NANOS = 5_000_000_000L;

    @Test
    void emptiesHostsDownToTheLowerBoundOnAnEasyCase() {
        TestProblems p = TestProblems.cpu(4).hosts(8, 1000);
        for (int i = 0; i < 8; i++) {
            p.flatVm(250);
        }
        DemandModel m = new DemandModel(p.build());
        int[] spread = {0, 1, 2, 3, 4, 5, 6, 7};

        int[] result = new HostEliminationSearch(m, spread, 1L, 2)
                .run(System.nanoTime() + GENEROUS_DEADLINE_NANOS, () -> false, s -> {});

        assertThat(Baselines.hostsUsed(result)).isEqualTo(2);
        assertThat(Construction.ledger(m, result).hardPenalty()).isZero();
    }

    @Test
    void pairsAntiPhaseVmsAndKeepsPinsAndAntiAffinity() {
        DemandModel m = new DemandModel(TestProblems.cpu(2)
                .hosts(6, 1000)
                .vm(new float[] {900, 100})
                .vm(new float[] {100, 900})
                .vm(new float[] {900, 100})
                .groupLast(1)
                .vm(new float[] {100, 900})
                .groupLast(1)
                .vm(new float[] {50, 50})
                .pinLast(5)
                .build());
        int[] start = {0, 1, 2, 3, 5};

        int[] result = new HostEliminationSearch(m, start, 3L, LowerBounds.lowerBoundHosts(m.problem()))
                .run(System.nanoTime() + GENEROUS_DEADLINE_NANOS, () -> false, s -> {});

        ScoreLedger ledger = Construction.ledger(m, result);
        assertThat(ledger.brokenConstraints()).isEmpty();
        assertThat(result[4]).isEqualTo(5);
        assertThat(result[2]).isNotEqualTo(result[3]);
        assertThat(Baselines.hostsUsed(result)).isLessThan(Baselines.hostsUsed(start));
    }

    @Test
    void neverReturnsAnInfeasiblePlacementOnRandomProblems() {
        for (long seed = 1; seed <= 4; seed++) {
            DemandModel m = new DemandModel(TestProblems.random(seed, 40, 20, 24));
            int[] start = Baselines.timeSeriesFfd(m, 1.0);
            assertThat(Construction.ledger(m, start).hardPenalty()).isZero();

            int[] result = new HostEliminationSearch(m, start, seed, LowerBounds.lowerBoundHosts(m.problem()))
                    .run(System.nanoTime() + 300_000_000L, () -> false, s -> {});

            assertThat(Construction.ledger(m, result).hardPenalty())
                    .as("seed %d", seed)
                    .isZero();
            assertThat(Baselines.hostsUsed(result)).isLessThanOrEqualTo(Baselines.hostsUsed(start));
        }
    }

    @Test
    void fixedCountStageReportsOnlyFeasibleShrinkingPlacements() {
        for (long seed = 1; seed <= 3; seed++) {
            DemandModel m = new DemandModel(bigAndSmallVms(seed));
            int[] start = IntStream.range(0, m.vms()).map(v -> v % 30).toArray(); // 30 hosts
            List<int[]> reported = new ArrayList<>();
            HostEliminationSearch search =
                    new HostEliminationSearch(m, start, seed, LowerBounds.lowerBoundHosts(m.problem()));

            // no wall-clock budget to miss on a busy machine: a generous deadline, stopped once the ten hosts are
            // reached
            int[] result = search.fixedCountStage()
                    .run(
                            System.nanoTime() + 60_000_000_000L,
                            () -> !reported.isEmpty() && Baselines.hostsUsed(reported.get(reported.size() - 1)) <= 10,
                            reported::add);

            assertThat(Construction.ledger(m, result).brokenConstraints())
                    .as("seed %d", seed)
                    .isEmpty();
            int previous = Baselines.hostsUsed(start);
            for (int[] r : reported) {
                assertThat(Construction.ledger(m, r).brokenConstraints()).isEmpty();
                assertThat(Baselines.hostsUsed(r)).isLessThanOrEqualTo(previous);
                previous = Baselines.hostsUsed(r);
            }
            assertThat(Baselines.hostsUsed(result)).isEqualTo(previous);
            assertThat(Baselines.hostsUsed(result)).as("seed %d", seed).isEqualTo(10); // the ten big VMs' hosts
        }
    }

    /** Ten flat 600-unit VMs (no two share a 1000-unit host) and 30 small diurnal ones: the bound is out of reach. */
    private static PlanningProblem bigAndSmallVms(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        TestProblems p = TestProblems.cpu(24).hosts(30, 1000);
        for (int i = 0; i < 10; i++) {
            p.flatVm(600);
        }
        for (int i = 0; i < 30; i++) {
            float[] cpu = new float[24];
            double phase = rnd.nextDouble(0, 2 * Math.PI);
            for (int t = 0; t < 24; t++) {
                cpu[t] = (float) (80 * (1 + 0.9 * Math.sin(phase + 2 * Math.PI * t / 24)) + rnd.nextDouble(0, 20));
            }
            p.vm(cpu);
        }
        return p.build();
    }

    @Test
    void stopsAtOnceWhenAskedTo() {
        DemandModel m = new DemandModel(TestProblems.random(9, 40, 20, 24));
        int[] start = Baselines.timeSeriesFfd(m, 1.0);

        int[] result = new HostEliminationSearch(m, start, 9L, 1)
                .run(System.nanoTime() + GENEROUS_DEADLINE_NANOS * 100, () -> true, s -> {});

        assertThat(result).containsExactly(start);
    }
}
