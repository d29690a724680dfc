package org.dcplanner.consolidation.planning.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.dcplanner.consolidation.security.JobWorkspace;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The db-scheduler one-time task "solve-plan": instance id and data are the plan id. A dead
 * execution (node killed) is revived by another node (the library's default); {@link PlanSolveJob}
 * fences the stale attempt. Solver failures are recorded on the plan (FAILED); the scheduler only
 * retries an execution that could not start (database error, or a node without the planning
 * dependencies), after {@link #RETRY_DELAY}.
 */
@Configuration(proxyBeanMethods = false)
public class SolvePlanTask {
    public static final String NAME = "solve-plan";
    public static final Duration RETRY_DELAY = Duration.ofSeconds(3);

    @Bean
    OneTimeTask<String> solvePlanOneTimeTask(PlanSolveJob job, JdbcTemplate jdbc) {
        return Tasks.oneTime(NAME, String.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY_DELAY))
                .execute((instance, context) -> {
                    UUID planId = UUID.fromString(instance.getData());
                    // in the plan's workspace: its custom host models resolve to that workspace's
                    JobWorkspace.run(jdbc, JobWorkspace.OF_PLAN, planId, () -> job.run(planId));
                });
    }

    /** Queues the solve of a plan. */
    static void schedule(SchedulerClient scheduler, OneTimeTask<String> task, UUID planId) {
        scheduler.scheduleIfNotExists(task.instance(planId.toString(), planId.toString()), Instant.now());
    }
}
