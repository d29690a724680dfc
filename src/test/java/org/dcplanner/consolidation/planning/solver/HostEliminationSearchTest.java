package org.dcplanner.consolidation.planning.solver;

import static org.assertj.core.api.Assertions.assertThat;

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
                .run(System.nanoTime() + GENEROUS_DEADLINE_NANOS, () -> false, s -> { });

        assertThat(Baselines.hostsUsed(result)).isEqualTo(2);
        assertThat(Construction.ledger(m, result).hardPenalty()).isZero();
    }

    @Test
    void pairsAntiPhaseVmsAndKeepsPinsAndAntiAffinity() {
        DemandModel m = new DemandModel(TestProblems.cpu(2).hosts(6, 1000)
                .vm(new float[] {900, 100}).vm(new float[] {100, 900})
                .vm(new float[] {900, 100}).groupLast(1).vm(new float[] {100, 900}).groupLast(1)
                .vm(new float[] {50, 50}).pinLast(5).build());
        int[] start = {0, 1, 2, 3, 5};

        int[] result = new HostEliminationSearch(m, start, 3L, Baselines.lowerBoundHosts(m.problem()))
                .run(System.nanoTime() + GENEROUS_DEADLINE_NANOS, () -> false, s -> { });

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

            int[] result = new HostEliminationSearch(m, start, seed, Baselines.lowerBoundHosts(m.problem()))
                    .run(System.nanoTime() + 300_000_000L, () -> false, s -> { });

            assertThat(Construction.ledger(m, result).hardPenalty()).as("seed %d", seed).isZero();
            assertThat(Baselines.hostsUsed(result)).isLessThanOrEqualTo(Baselines.hostsUsed(start));
        }
    }

    @Test
    void stopsAtOnceWhenAskedTo() {
        DemandModel m = new DemandModel(TestProblems.random(9, 40, 20, 24));
        int[] start = Baselines.timeSeriesFfd(m, 1.0);

        int[] result = new HostEliminationSearch(m, start, 9L, 1)
                .run(System.nanoTime() + GENEROUS_DEADLINE_NANOS * 100, () -> true, s -> { });

        assertThat(result).containsExactly(start);
    }
}
