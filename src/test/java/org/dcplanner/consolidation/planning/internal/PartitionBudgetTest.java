package org.dcplanner.consolidation.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A plan's time limit bounds the wall time of its partitions, however many there are. */
class PartitionBudgetTest {
    private static final Instant START = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void tenPartitionsOnTwoThreadsShareThePartitionsPartOfTheLimitOverFiveRounds() {
        // 120 s limit: 90 s for the partitions; the first two start at once with 8 queued behind them
        Duration first = PlanPartitionJob.budget(120, START, START, 8, 2);
        assertThat(first).isEqualTo(Duration.ofSeconds(18));
        // the last round starts after four rounds of 18 s: 18 s left, one round
        Duration last = PlanPartitionJob.budget(120, START, START.plusSeconds(72), 0, 2);
        assertThat(last).isEqualTo(Duration.ofSeconds(18));
    }

    @Test
    void aSinglePartitionRoundGetsThePartitionsWholeShare() {
        assertThat(PlanPartitionJob.budget(120, START, START, 1, 2)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void timeLeftByAnotherNodeTakingPartitionsGoesToTheRemainingOnes() {
        // 60 s in, nothing queued any more (another node took them): this one gets all that is left
        assertThat(PlanPartitionJob.budget(120, START, START.plusSeconds(60), 0, 2))
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aLateOrRevivedPartitionStillSearchesTheMinimum() {
        assertThat(PlanPartitionJob.budget(120, START, START.plusSeconds(300), 3, 2))
                .isEqualTo(PlanPartitionJob.MIN_SEARCH);
    }
}
