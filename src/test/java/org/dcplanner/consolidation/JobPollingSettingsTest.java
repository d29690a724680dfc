package org.dcplanner.consolidation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * The job engine's polling must never lock more executions than it has threads: db-scheduler sends heartbeats only
 * for executions that run, so one locked but queued longer than the dead-execution window (missed heartbeats x
 * heartbeat interval) is revived as dead and runs twice — seen with a 50,000-VM plan's 10 partitions on 2 threads.
 */
class JobPollingSettingsTest {

    @Test
    void lockAndFetchLocksAtMostOneExecutionPerThread() throws Exception {
        Properties settings = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));

        assertThat(settings.getProperty("db-scheduler.polling-strategy")).isEqualTo("lock_and_fetch");
        String upper = settings.getProperty("db-scheduler.polling-strategy-upper-limit-fraction-of-threads");
        assertThat(upper)
                .as("the library's default (3.0) locks three executions per thread")
                .isNotNull();
        assertThat(Double.parseDouble(upper)).isLessThanOrEqualTo(1.0);
    }
}
