package org.dcplanner.consolidation.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dcplanner.consolidation.planning.internal.PlanRecord.ProgressPoint;
import org.dcplanner.consolidation.planning.solver.SolveOptions.SolveProgress;
import org.junit.jupiter.api.Test;

/** The writer's rules for the first and the last progress point (no database: the repository only records). */
class BestSolutionWriterTest {

    /** Records saveBest calls instead of writing them. */
    private static final class RecordingPlans extends PlanRepository {
        final List<ProgressPoint> points = new ArrayList<>();

        RecordingPlans() {
            super(null, null);
        }

        @Override
        public void saveBest(UUID id, int attempt, int[] vmSlot, ProgressPoint point) {
            points.add(point);
        }
    }

    private final RecordingPlans plans = new RecordingPlans();
    private final BestSolutionWriter writer = new BestSolutionWriter(plans, UUID.randomUUID(), 1, Duration.ofHours(1));

    private static SolveProgress best(int hosts, long elapsedMillis) {
        return new SolveProgress(hosts, "0hard/-" + hosts + "medium/0soft", true, elapsedMillis, new int[] {0});
    }

    @Test
    void theFirstBestIsWrittenAtOnceEvenWithALongInterval() {
        writer.onNewBest(best(6, 40));
        assertThat(plans.points).extracting(ProgressPoint::hostsUsed).containsExactly(6);
        writer.onNewBest(best(5, 900)); // within the interval: held back
        assertThat(plans.points).hasSize(1);
        writer.finalResult(new int[] {0}, 5, "0hard/-5medium/0soft", true, 1000);
        assertThat(plans.points).extracting(ProgressPoint::hostsUsed).containsExactly(6, 5);
    }

    @Test
    void aSolverThatReportsNothingGetsTheFinalResultAsItsOnlyPoint() {
        writer.finalResult(new int[] {0}, 4, "0hard/-4medium/0soft", true, 30_000);
        assertThat(plans.points).containsExactly(new ProgressPoint(1, 30_000, 4, "0hard/-4medium/0soft", true));
    }

    @Test
    void theFinalResultIsNotRepeatedWhenItIsTheLastBestWritten() {
        writer.onNewBest(best(3, 10));
        writer.finalResult(new int[] {0}, 3, "0hard/-3medium/0soft", true, 2000);
        assertThat(plans.points).hasSize(1);
    }
}
