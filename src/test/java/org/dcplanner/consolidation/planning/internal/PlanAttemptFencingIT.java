package org.dcplanner.consolidation.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.dcplanner.consolidation.TestDatabase;
import org.dcplanner.consolidation.planning.internal.PlanRecord.ProgressPoint;
import org.dcplanner.consolidation.planning.solver.PlanningResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan store alone on real PostgreSQL (a JDBC slice: Flyway's schema, no web, no job engine): a revived solve
 * takes a new attempt, and every write of the attempt it replaced is ignored.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({PlanRepository.class, JacksonAutoConfiguration.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class PlanAttemptFencingIT {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    PlanRepository plans;

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
}
