package org.dcplanner.consolidation.planning.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
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
 * The db-scheduler one-time tasks of a plan. "solve-plan" (instance id and data: the plan id) solves a plan whole,
 * or splits it into partitions and queues one "solve-plan-partition" each (instance id and data:
 * {@code planId:part}); the last partition to finish queues "merge-plan" (the plan id), which solves the whole
 * estate from the partitions' joined placement. Any node runs any of them. A dead execution (node killed) is
 * revived by another node (the library's default); the jobs fence the stale attempt. Solver failures are recorded
 * on the plan (FAILED); the scheduler only retries an execution that could not start (database error, or a node
 * without the planning dependencies), after {@link #RETRY_DELAY}.
 */
@Configuration(proxyBeanMethods = false)
public class SolvePlanTask {
    public static final String NAME = "solve-plan";
    public static final String PARTITION = "solve-plan-partition";
    public static final String MERGE = "merge-plan";
    public static final Duration RETRY_DELAY = Duration.ofSeconds(3);

    @Bean
    OneTimeTask<String> solvePlanOneTimeTask(PlanSolveJob job, JdbcTemplate jdbc) {
        return Tasks.oneTime(NAME, String.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY_DELAY))
                .execute((instance, context) -> {
                    UUID planId = UUID.fromString(instance.getData());
                    // in the plan's workspace: its custom host models resolve to that workspace's
                    JobWorkspace.run(
                            jdbc, JobWorkspace.OF_PLAN, planId, () -> job.run(planId, context.getSchedulerClient()));
                });
    }

    @Bean
    OneTimeTask<String> solvePlanPartitionOneTimeTask(PlanPartitionJob job, JdbcTemplate jdbc) {
        return Tasks.oneTime(PARTITION, String.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY_DELAY))
                .execute((instance, context) -> {
                    String[] planAndPart = instance.getData().split(":");
                    UUID planId = UUID.fromString(planAndPart[0]);
                    JobWorkspace.run(
                            jdbc,
                            JobWorkspace.OF_PLAN,
                            planId,
                            () -> job.run(
                                    planId,
                                    Integer.parseInt(planAndPart[1]),
                                    context.getExecution().pickedBy,
                                    context.getSchedulerClient()));
                });
    }

    @Bean
    OneTimeTask<String> mergePlanOneTimeTask(PlanSolveJob job, JdbcTemplate jdbc) {
        return Tasks.oneTime(MERGE, String.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY_DELAY))
                .execute((instance, context) -> {
                    UUID planId = UUID.fromString(instance.getData());
                    JobWorkspace.run(
                            jdbc, JobWorkspace.OF_PLAN, planId, () -> job.run(planId, context.getSchedulerClient()));
                });
    }

    /** Queues the solve of a plan. */
    static void schedule(SchedulerClient scheduler, OneTimeTask<String> task, UUID planId) {
        scheduler.scheduleIfNotExists(task.instance(planId.toString(), planId.toString()), Instant.now());
    }

    /** Queues the solve of one partition (nothing when it is queued or running already). */
    static void schedulePartition(SchedulerClient scheduler, UUID planId, int part) {
        String id = planId + ":" + part;
        scheduler.scheduleIfNotExists(new TaskInstance<>(PARTITION, id, id), Instant.now());
    }

    /** Queues the merge of a plan whose partitions are all solved (once: the instance id is the plan id). */
    static void scheduleMerge(SchedulerClient scheduler, UUID planId) {
        scheduler.scheduleIfNotExists(new TaskInstance<>(MERGE, planId.toString(), planId.toString()), Instant.now());
    }
}
