package org.dcplanner.consolidation.simulation.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.dcplanner.consolidation.security.JobWorkspace;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The db-scheduler one-time tasks of stored runs, instance id = the run's id: "simulate-policy" and
 * "replay-out-of-sample". Each runs its service in the workspace of the run; the services record a failed replay
 * on the run (FAILED), the scheduler retries only an execution that could not start, and a dead execution is
 * revived by another node and replays again (the replay is deterministic).
 */
@Configuration(proxyBeanMethods = false)
class RunTasks {
    static final String POLICY_SIMULATION = "simulate-policy";
    static final String OUT_OF_SAMPLE = "replay-out-of-sample";

    @Bean
    OneTimeTask<String> simulatePolicyOneTimeTask(ObjectProvider<PolicySimulationService> service, JdbcTemplate jdbc) {
        return runTask(
                POLICY_SIMULATION,
                jdbc,
                "select workspace from policy_simulation where id = ?",
                id -> service.getObject().execute(id));
    }

    @Bean
    OneTimeTask<String> replayOutOfSampleOneTimeTask(ObjectProvider<OutOfSampleService> service, JdbcTemplate jdbc) {
        return runTask(
                OUT_OF_SAMPLE,
                jdbc,
                "select p.workspace from out_of_sample_run r join plans p on p.id = r.plan_id where r.id = ?",
                id -> service.getObject().execute(id));
    }

    /** Queues the run now, once. */
    static void schedule(SchedulerClient scheduler, OneTimeTask<String> task, UUID runId) {
        scheduler.scheduleIfNotExists(task.instance(runId.toString(), runId.toString()), Instant.now());
    }

    /** @param workspaceOfRun selects the run's workspace by the run's id */
    private static OneTimeTask<String> runTask(
            String name, JdbcTemplate jdbc, String workspaceOfRun, Consumer<UUID> execute) {
        // the service is resolved at execution time: it takes its task bean to queue runs
        return Tasks.oneTime(name, String.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(5)))
                .execute((instance, context) -> {
                    UUID id = UUID.fromString(instance.getData());
                    JobWorkspace.run(jdbc, workspaceOfRun, id, () -> execute.accept(id));
                });
    }
}
