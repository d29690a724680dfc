package org.dcplanner.consolidation.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.dcplanner.consolidation.TestDatabase;
import org.dcplanner.consolidation.planning.internal.PlanRecord.ProgressPoint;
import org.dcplanner.consolidation.planning.solver.PlanningResult;
import org.dcplanner.consolidation.planning.solver.partition.Partitioning;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan store alone on real PostgreSQL (a JDBC slice: Flyway's schema, no web, no job engine): a revived solve
 * takes a new attempt, and every write of the attempt it replaced is ignored; the same for each partition of a plan
 * solved in parts.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({PlanRepository.class, PartitionRepository.class, JacksonAutoConfiguration.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class PlanAttemptFencingIT {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    PlanRepository plans;

    @Autowired
    PartitionRepository partitions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void onlyTheNewestAttemptWritesItsBestAndResult() {
        UUID id = UUID.randomUUID();
        plans.insert(id, "fenced", UUID.randomUUID(), "{}", List.of("vm-0", "vm-1"), List.of("m", "m"), 4, 300, false);
        int first = plans.startAttempt(id).orElseThrow();
        int second = plans.startAttempt(id).orElseThrow(); // the job revived on another node

        assertThat(second).isEqualTo(first + 1);
        assertThat(plans.mustStop(id, first, 10)).isTrue();
        assertThat(plans.mustStop(id, second, 10)).isFalse();

        plans.saveBest(id, first, new int[] {0, 0}, new ProgressPoint(first, 5, 1, "0hard/-1medium/0soft", true));
        assertThat(plans.finish(id, first, result(new int[] {0, 0}, 1), 10)).isNull();
        plans.fail(id, first, "the old attempt failed");
        PlanRecord untouched = plans.find(id).orElseThrow();
        assertThat(untouched.status()).isEqualTo(PlanStatus.SOLVING);
        assertThat(untouched.vmSlot()).isNull();
        assertThat(untouched.error()).isNull();

        plans.saveBest(id, second, new int[] {0, 1}, new ProgressPoint(second, 5, 2, "0hard/-2medium/0soft", true));
        assertThat(plans.find(id).orElseThrow().hostsUsed()).isEqualTo(2);
        assertThat(plans.finish(id, second, result(new int[] {0, 1}, 2), 20)).isEqualTo(PlanStatus.COMPLETED);
        assertThat(plans.startAttempt(id)).isEmpty(); // a finished plan is never claimed again
    }

    private static PlanningResult result(int[] vmSlot, int hosts) {
        return new PlanningResult(
                vmSlot, hosts, "0hard/-" + hosts + "medium/0soft", true, List.of(), 1, hosts, hosts, 1000);
    }

    @Test
    void eachPartitionIsFencedByItsOwnAttemptAndTheLastOneDoneCallsForTheMerge() {
        UUID id = UUID.randomUUID();
        plans.insert(
                id, "parts", UUID.randomUUID(), "{}", List.of("a", "b", "c"), List.of("m", "m", "m"), 4, 300, false);
        Partitioning two = new Partitioning(new int[][] {{0, 1}, {2}}, new int[][] {{0, 1}, {2}});
        assertThat(partitions.insertAll(id, two)).isTrue();
        assertThat(partitions.insertAll(id, two))
                .as("stored once, by the first attempt")
                .isFalse();
        assertThat(partitions.list(id))
                .extracting(PartitionRepository.PartitionRow::part, PartitionRepository.PartitionRow::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, "QUEUED"),
                        org.assertj.core.groups.Tuple.tuple(1, "QUEUED"));
        assertThat(partitions.list(id).get(0).vmIndexes()).containsExactly(0, 1);
        assertThat(partitions.progress(List.of(id, UUID.randomUUID())))
                .containsOnlyKeys(id)
                .containsEntry(id, new PartitionRepository.Progress(0, 2));
        assertThat(partitions.progress(List.of())).isEmpty();

        int stale = partitions.startAttempt(id, 0, "node-a").orElseThrow();
        int current = partitions.startAttempt(id, 0, "node-b").orElseThrow(); // revived on node B
        assertThat(partitions.mustStop(id, 0, stale)).isTrue();
        assertThat(partitions.mustStop(id, 0, current)).isFalse();
        partitions.saveBest(id, 0, stale, new int[] {1, 1}, 1);
        assertThat(partitions.finish(id, 0, stale, new int[] {1, 1}, 1)).isFalse();
        assertThat(partitions.list(id).get(0).vmSlot())
                .as("the stale attempt wrote nothing")
                .isNull();

        partitions.saveBest(id, 0, current, new int[] {0, 1}, 2);
        assertThat(partitions.list(id).get(0).hostsUsed()).isEqualTo(2);
        assertThat(partitions.finish(id, 0, current, new int[] {0, 0}, 1))
                .as("partition 1 is not done")
                .isFalse();
        assertThat(partitions.startAttempt(id, 0, "node-c"))
                .as("a done partition is not claimed again")
                .isEmpty();

        int last = partitions.startAttempt(id, 1, "node-b").orElseThrow();
        jdbc.update("update plans set cancel_requested = true where id = ?", id);
        assertThat(partitions.mustStop(id, 1, last))
                .as("the plan was cancelled")
                .isTrue();
        assertThat(partitions.finish(id, 1, last, new int[] {2}, 1)).isTrue();
        assertThat(partitions.allDone(id)).isTrue();
        assertThat(partitions.list(id))
                .extracting(PartitionRepository.PartitionRow::status, PartitionRepository.PartitionRow::hostsUsed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("DONE", 1), org.assertj.core.groups.Tuple.tuple("DONE", 1));
        assertThat(partitions.progress(List.of(id))).containsEntry(id, new PartitionRepository.Progress(2, 2));
    }
}
