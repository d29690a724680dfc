package org.dcplanner.consolidation.simulation.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.dcplanner.consolidation.security.JobWorkspace;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The db-scheduler one-time task "simulate-plan"; instance id "planId:APPROACH". Replay failures are
 * recorded on the run (FAILED); the scheduler only retries an execution that could not start.
 * A dead execution is revived by another node (library default) and simply replays again.
 */
@Configuration(proxyBeanMethods = false)
class SimulationTask {
    static final String NAME = "simulate-plan";

    @Bean
    OneTimeTask<String> simulatePlanOneTimeTask(ObjectProvider<SimulationRunner> runner, JdbcTemplate jdbc) {
        // resolved at execution time: the scheduler is built before the plan beans the runner needs
        return Tasks.oneTime(NAME, String.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(5)))
                .execute((instance, context) -> {
                    String[] parts = instance.getData().split(":");
                    UUID planId = UUID.fromString(parts[0]);
                    JobWorkspace.run(
                            jdbc,
                            JobWorkspace.OF_PLAN,
                            planId,
                            () -> runner.getObject().execute(planId, VirtualizationApproach.valueOf(parts[1])));
                });
    }

    static void schedule(
            SchedulerClient scheduler, OneTimeTask<String> task, UUID planId, VirtualizationApproach approach) {
        String id = planId + ":" + approach.name();
        scheduler.scheduleIfNotExists(task.instance(id, id), Instant.now());
    }
}
