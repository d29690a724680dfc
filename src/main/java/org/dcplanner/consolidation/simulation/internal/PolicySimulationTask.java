package org.dcplanner.consolidation.simulation.internal;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.util.UUID;
import org.dcplanner.consolidation.security.JobWorkspace;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The db-scheduler one-time task "simulate-policy"; instance id = the run's id. Failures are recorded on the
 * run (FAILED); a dead execution is revived by another node and simply replays again.
 */
@Configuration(proxyBeanMethods = false)
class PolicySimulationTask {
    static final String NAME = "simulate-policy";

    @Bean
    OneTimeTask<String> simulatePolicyOneTimeTask(ObjectProvider<PolicySimulationService> service, JdbcTemplate jdbc) {
        return Tasks.oneTime(NAME, String.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(5)))
                .execute((instance, context) -> {
                    UUID id = UUID.fromString(instance.getData());
                    JobWorkspace.run(
                            jdbc,
                            "select workspace from policy_simulation where id = ?",
                            id,
                            () -> service.getObject().execute(id));
                });
    }
}
