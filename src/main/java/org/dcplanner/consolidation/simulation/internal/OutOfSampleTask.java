package org.dcplanner.consolidation.simulation.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.dcplanner.consolidation.security.JobWorkspace;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The db-scheduler one-time task "replay-out-of-sample"; instance id = the run's id. Failures of the
 * replay end the run FAILED; a dead execution is revived and replays again (the replay is deterministic).
 */
@Configuration(proxyBeanMethods = false)
class OutOfSampleTask {
    static final String NAME = "replay-out-of-sample";

    @Bean
    OneTimeTask<String> replayOutOfSampleOneTimeTask(ObjectProvider<OutOfSampleService> service, JdbcTemplate jdbc) {
        return Tasks.oneTime(NAME, String.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(5)))
                .execute((instance, context) -> {
                    UUID id = UUID.fromString(instance.getData());
                    JobWorkspace.run(
                            jdbc,
                            "select p.workspace from out_of_sample_run r join plans p on p.id = r.plan_id where r.id = ?",
                            id,
                            () -> service.getObject().execute(id));
                });
    }

    static void schedule(SchedulerClient scheduler, OneTimeTask<String> task, UUID runId) {
        scheduler.scheduleIfNotExists(task.instance(runId.toString(), runId.toString()), Instant.now());
    }
}
