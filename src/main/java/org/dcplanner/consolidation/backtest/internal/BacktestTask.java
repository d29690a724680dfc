package org.dcplanner.consolidation.backtest.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
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
 * The db-scheduler task "run-backtest" (backtests and sweeps); instance id = the job's id. An execution
 * takes steps until it must wait for a fold's plan, then reschedules itself a few seconds later, so it
 * never holds a scheduler thread while a plan solves. A dead execution is revived and resumes from the
 * state in PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
class BacktestTask {
    static final String NAME = "run-backtest";
    static final Duration POLL = Duration.ofSeconds(2);

    @Bean
    CustomTask<String> runBacktestTask(ObjectProvider<BacktestJob> job, JdbcTemplate jdbc) {
        return Tasks.custom(NAME, String.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(5)))
                .execute((instance, context) -> {
                    UUID id = UUID.fromString(instance.getData());
                    BacktestJob.Next[] next = new BacktestJob.Next[1];
                    // in the backtest's workspace: the plans it validates resolve that workspace's host models
                    JobWorkspace.run(jdbc, "select workspace from backtest where id = ?", id, () -> {
                        do {
                            next[0] = job.getObject().step(id);
                        } while (next[0] == BacktestJob.Next.CONTINUE);
                    });
                    boolean done = next[0] == BacktestJob.Next.DONE;
                    return (complete, operations) -> {
                        if (done) operations.remove();
                        else operations.reschedule(complete, Instant.now().plus(POLL));
                    };
                });
    }

    static void schedule(SchedulerClient scheduler, CustomTask<String> task, UUID id) {
        scheduler.scheduleIfNotExists(task.instance(id.toString(), id.toString()), Instant.now());
    }
}
