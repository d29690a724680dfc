package org.dcplanner.consolidation.ingestion.prometheus;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The db-scheduler one-time task "prometheus-import": instance id and data are the pull's id. A pull whose
 * node died is revived by another node and starts over (its temporary files were on the dead node).
 */
@Configuration(proxyBeanMethods = false)
class PrometheusImportTask {
    static final String NAME = "prometheus-import";

    @Bean
    OneTimeTask<String> prometheusImportOneTimeTask(PrometheusImportJob job) {
        return Tasks.oneTime(NAME, String.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(5)))
                .execute((instance, context) -> job.run(UUID.fromString(instance.getData())));
    }
}
