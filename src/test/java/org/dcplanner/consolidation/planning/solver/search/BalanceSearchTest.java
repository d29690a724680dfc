package org.dcplanner.consolidation.planning.solver.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.dcplanner.consolidation.planning.solver.StopPoll;
import org.dcplanner.consolidation.planning.solver.TestProblems;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.score.HostLoads;
import org.dcplanner.consolidation.planning.solver.score.ScoreLedger;
import org.dcplanner.consolidation.planning.solver.start.Baselines;
import org.dcplanner.consolidation.planning.solver.start.Construction;
import org.junit.jupiter.api.Test;

class BalanceSearchTest {
    private static final long GENEROUS_DEADLINE_NANOS = 5_000_000_000L;

    private static int[] balance(DemandModel m, int[] start) {
        return new BalanceSearch(m, start, 1L)
                .run(new StopPoll(System.nanoTime() + GENEROUS_DEADLINE_NANOS, () -> false));
    }

    private static long[] cpuPeaks(DemandModel m, int[] placement) {
        HostLoads loads = Construction.ledger(m, placement).loads();
        return java.util.stream.IntStream.range(0, m.slots())
                .mapToLong(s -> loads.peaks(s)[0])
                .toArray();
    }

    @Test
    void evensThePeaksOfTheHostsInUse() {
        // peaks 1,000 + 400 MHz on two hosts; the even split is 700 + 700 (400 + 300 | 300 + 200 + 200)
        TestProblems p = TestProblems.cpu(2).hosts(4, 1000);
        for (int mhz : new int[] {400, 300, 300, 200, 200}) {
            p.flatVm(mhz);
        }
        DemandModel m = new DemandModel(p.build());
        int[] start = {0, 0, 0, 1, 1};

        int[] result = balance(m, start);

        long unitsPerMhz = m.capacity(0, 0) / 1000;
        assertThat(Arrays.stream(cpuPeaks(m, result)).max().orElseThrow()).isEqualTo(700 * unitsPerMhz);
        assertThat(Baselines.hostsUsed(result)).isEqualTo(2);
        assertThat(Construction.ledger(m, result).score())
                .isGreaterThan(Construction.ledger(m, start).score());
    }

    @Test
    void swapsWhereNoSingleMoveFits() {
        // peaks 900 (step 0) and 1,000 (step 1); every single move overflows the other host, while swapping
        // a 600/200 VM for a 300/500 one gives peaks 700 and 900
        DemandModel m = new DemandModel(TestProblems.cpu(2)
                .hosts(2, 1000)
                .vm(new float[] {600, 200})
                .vm(new float[] {300, 200})
                .vm(new float[] {300, 500})
                .vm(new float[] {300, 500})
                .build());
        int[] start = {0, 0, 1, 1};

        int[] result = balance(m, start);

        long unitsPerMhz = m.capacity(0, 0) / 1000;
        assertThat(Construction.ledger(m, result).hardPenalty()).isZero();
        assertThat(Arrays.stream(cpuPeaks(m, result)).sorted().toArray())
                .containsExactly(700 * unitsPerMhz, 900 * unitsPerMhz);
    }

    @Test
    void keepsAntiAffinityPinsAndTheHostCount() {
        // the even split would put the two group-1 VMs together and move the pinned one: neither may happen
        DemandModel m = new DemandModel(TestProblems.cpu(1)
                .hosts(3, 1000)
                .flatVm(500)
                .groupLast(1)
                .flatVm(300)
                .groupLast(1)
                .flatVm(300)
                .pinLast(0)
                .flatVm(100)
                .build());
        int[] start = {0, 1, 0, 1};

        int[] result = balance(m, start);

        assertThat(Construction.ledger(m, result).brokenConstraints()).isEmpty();
        assertThat(result[0]).isNotEqualTo(result[1]);
        assertThat(result[2]).isZero();
        assertThat(Baselines.hostsUsed(result)).isEqualTo(2);
    }

    @Test
    void neverAddsAViolationNorAHostOnRandomProblems() {
        for (long seed = 1; seed <= 4; seed++) {
            DemandModel m = new DemandModel(TestProblems.random(seed, 40, 20, 24));
            int[] start = Baselines.timeSeriesFfd(m, 1.0);
            ScoreLedger before = Construction.ledger(m, start);

            int[] result = balance(m, start);

            ScoreLedger after = Construction.ledger(m, result);
            assertThat(after.hardPenalty()).as("seed %d", seed).isZero();
            assertThat(Baselines.hostsUsed(result)).isLessThanOrEqualTo(Baselines.hostsUsed(start));
            assertThat(after.score()).isGreaterThanOrEqualTo(before.score());
        }
    }
}
