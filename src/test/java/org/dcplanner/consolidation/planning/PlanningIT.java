package org.dcplanner.consolidation.planning;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The one application context all planning ITs share: the planning test doubles and short job
 * engine heartbeats (dead executions are detected within seconds).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import(PlanningTestDoubles.class)
@TestPropertySource(properties = {"db-scheduler.heartbeat-interval=1s", "db-scheduler.missed-heartbeats-limit=4",
        "db-scheduler.polling-interval=1s"})
@interface PlanningIT {
}
