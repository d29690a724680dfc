package org.dcplanner.consolidation.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.planning.Objective;
import org.dcplanner.consolidation.planning.internal.PlanProblemFactory.BuiltProblem;
import org.dcplanner.consolidation.planning.internal.PlanRecord.ProgressPoint;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem.HostSlotSpec;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.junit.jupiter.api.Test;

class AttemptStartTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final List<String> VMS = List.of("a", "b", "c");
    private static final List<String> POOL = Collections.nCopies(4, "m");

    /** Three VMs on four slots; VM c is pinned to slot 3. */
    private static BuiltProblem built() {
        float[][][] demand = new float[1][3][2];
        List<HostSlotSpec> slots =
                Collections.nCopies(4, new HostSlotSpec("m", new double[] {1000}, 100, 200, 1000, true));
        PlanningProblem p = new PlanningProblem(
                List.of(Metric.CPU),
                2,
                demand,
                VMS,
                slots,
                new int[] {-1, -1, 3},
                new int[] {-1, -1, -1},
                new boolean[3],
                VirtualizationApproach.FULL,
                0,
                Objective.HOSTS);
        return new BuiltProblem(p, null, POOL);
    }

    private static PlanRecord plan(int attempt, int[] vmSlot, List<String> vms, List<ProgressPoint> progress) {
        return plan(attempt, vmSlot, vms, progress, 0);
    }

    private static PlanRecord plan(
            int attempt, int[] vmSlot, List<String> vms, List<ProgressPoint> progress, long searchedMillis) {
        return new PlanRecord(
                UUID.randomUUID(),
                "p",
                UUID.randomUUID(),
                "{}",
                PlanStatus.SOLVING,
                false,
                attempt,
                vms,
                POOL,
                2,
                300,
                false,
                vmSlot,
                vmSlot == null ? null : 2,
                "0hard/-2medium/0soft",
                true,
                List.of(),
                1,
                2,
                2,
                0,
                null,
                null,
                progress,
                searchedMillis,
                null,
                Instant.now(),
                Instant.now(),
                Instant.now(),
                null,
                Instant.now(),
                null,
                "SOLVING");
    }

    private static ProgressPoint point(int attempt, long elapsedMillis) {
        return new ProgressPoint(attempt, elapsedMillis, 2, "0hard/-2medium/0soft", true);
    }

    @Test
    void aRevivedAttemptStartsFromTheSavedBestForTheRestOfTheLimit() {
        List<ProgressPoint> progress = List.of(point(1, 100), point(1, 8_000), point(2, 3_000), point(3, 0));
        AttemptStart start = AttemptStart.of(plan(3, new int[] {0, 0, 3}, VMS, progress), built(), LIMIT);
        assertThat(start.vmSlot()).containsExactly(0, 0, 3);
        // attempts 1 and 2 searched at least 8 s + 3 s; the running attempt's own points do not count
        assertThat(start.timeLimit()).isEqualTo(Duration.ofSeconds(19));
    }

    @Test
    void aDeadAttemptsSearchAfterItsLastSavedBestCountsToo() {
        // measured in docs/planning.md: the killed node's last best was at 5.5 s, its last cancel poll at 15.6 s
        AttemptStart start =
                AttemptStart.of(plan(2, new int[] {0, 0, 3}, VMS, List.of(point(1, 5_546)), 15_600), built(), LIMIT);
        assertThat(start.timeLimit()).isEqualTo(Duration.ofMillis(14_400));
        assertThat(start.searchedBeforeMillis()).isEqualTo(15_600);
        // a plan whose polls recorded less than its progress shows (none yet, say) keeps the progress figure
        assertThat(AttemptStart.of(plan(2, new int[] {0, 0, 3}, VMS, List.of(point(1, 8_000)), 0), built(), LIMIT)
                        .timeLimit())
                .isEqualTo(Duration.ofSeconds(22));
    }

    @Test
    void theRestIsNeverBelowTheMinimumNorAboveTheLimit() {
        AttemptStart late =
                AttemptStart.of(plan(2, new int[] {0, 0, 3}, VMS, List.of(point(1, 29_000))), built(), LIMIT);
        assertThat(late.timeLimit()).isEqualTo(AttemptStart.MIN_REVIVED_SEARCH);
        AttemptStart shortLimit = AttemptStart.of(
                plan(2, new int[] {0, 0, 3}, VMS, List.of(point(1, 1_500))), built(), Duration.ofSeconds(2));
        assertThat(shortLimit.timeLimit()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void withoutAFittingSavedBestTheAttemptStartsColdWithTheFullLimit() {
        List<ProgressPoint> progress = List.of(point(1, 8_000));
        AttemptStart first = AttemptStart.of(plan(1, null, VMS, List.of()), built(), LIMIT);
        AttemptStart pinBroken = AttemptStart.of(plan(2, new int[] {0, 0, 1}, VMS, progress), built(), LIMIT);
        AttemptStart outsidePool = AttemptStart.of(plan(2, new int[] {0, 4, 3}, VMS, progress), built(), LIMIT);
        AttemptStart otherVms =
                AttemptStart.of(plan(2, new int[] {0, 0, 3}, List.of("a", "b", "x"), progress), built(), LIMIT);
        for (AttemptStart cold : List.of(first, pinBroken, outsidePool, otherVms)) {
            assertThat(cold.vmSlot()).isNull();
            assertThat(cold.timeLimit()).isEqualTo(LIMIT);
            assertThat(cold.reason()).startsWith("cold start");
        }
    }
}
