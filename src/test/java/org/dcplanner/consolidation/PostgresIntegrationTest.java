package org.dcplanner.consolidation;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of every {@code *IT}: the full application on a real PostgreSQL (see {@link TestDatabase}), with
 * sign-in on; the test users exist and the TestRestTemplate signs in as the planner (see {@link TestUsers}).
 * The settings below are the one configuration the ITs share, so that they share one application context:
 * a subclass that adds its own properties, beans or test doubles boots a context of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestUsers.class)
@TestPropertySource(
        properties = {
            // the ITs upload the same samples in many classes and expect a new workload each time
            // (CompressedAndRepeatedUploadsIT turns recognition back on)
            "app.ingestion.recognise-repeats=false",
            // the job engine looks for due jobs (a backtest waiting for its fold's plan reschedules itself) every
            // 0.5 s instead of 2 s, and for dead executions every 4 s (2 x heartbeat) instead of 30 s; an execution
            // is declared dead after 60 s without a heartbeat (90 s in the application), so a busy machine does not
            // revive a live one. Each context has a schema of its own, so no context sees another's executions.
            "db-scheduler.polling-interval=500ms",
            "db-scheduler.heartbeat-interval=2s",
            "db-scheduler.missed-heartbeats-limit=30",
            // small enough for PrometheusImportIT's fake server to exceed; the other ITs pull from no server
            "app.ingestion.prometheus-max-response-bytes=20000",
            // the cached contexts stay open until the JVM ends: an idle one keeps 2 connections (after 10 s), not
            // its pool of 10, so the suite does not run a shared PostgreSQL out of connections
            // ("too many clients already")
            "spring.datasource.hikari.minimum-idle=2",
            "spring.datasource.hikari.idle-timeout=10000"
        })
public abstract class PostgresIntegrationTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }
}
