package org.dcplanner.consolidation.planning.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Plan job knobs ({@code app.planning.*}).
 *
 * @param defaultTimeLimitSeconds solve time when the request names none
 * @param maxTimeLimitSeconds     largest accepted timeLimitSeconds
 * @param bestWriteInterval       at most one write of the best solution per interval while solving
 * @param cancelPollInterval      how often a solving task reads the cancel flag from the database (a cancel
 *                                reaching the solving node itself is seen at once, {@link PlanStopSignals})
 * @param partitionVms            a plan of more VMs than this is solved in partitions (each its own job, on any node)
 *                                and merged; so is a plan whose pool would not fit one node's heap whole
 */
@ConfigurationProperties("app.planning")
public record PlanningProperties(
        Integer defaultTimeLimitSeconds,
        Integer maxTimeLimitSeconds,
        Duration bestWriteInterval,
        Duration cancelPollInterval,
        Integer partitionVms) {
    public PlanningProperties {
        if (defaultTimeLimitSeconds == null) defaultTimeLimitSeconds = 30;
        if (maxTimeLimitSeconds == null) maxTimeLimitSeconds = 3600;
        if (bestWriteInterval == null) bestWriteInterval = Duration.ofSeconds(1);
        if (cancelPollInterval == null) cancelPollInterval = Duration.ofMillis(500);
        if (partitionVms == null) partitionVms = 5_000;
        if (partitionVms < 2) throw new IllegalArgumentException("app.planning.partition-vms must be at least 2");
    }
}
