package org.dcplanner.consolidation.planning.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dcplanner.consolidation.planning.internal.PlanProblemFactory.BuiltProblem;
import org.dcplanner.consolidation.planning.internal.PlanRecord.ProgressPoint;
import org.dcplanner.consolidation.planning.solver.start.StartAssignment;

/**
 * Where a solve attempt starts and how long it may search. An attempt revived after a crash starts from the
 * saved best of the earlier attempts when that placement still fits the rebuilt problem (same VMs and pool,
 * every slot in the pool, pins and hardware assist kept), and gets the plan's time limit minus the search time
 * the earlier attempts are known to have spent (the plan's {@code searchedMillis}, recorded at every cancel poll,
 * or the elapsed time of each one's last progress point if that is more), but at least
 * {@link #MIN_REVIVED_SEARCH} (or the whole limit when that is shorter). Otherwise: a cold start with the full
 * limit.
 *
 * @param vmSlot the placement to start from, or null for a cold start
 * @param searchedBeforeMillis search time of the earlier attempts; the attempt's own search time adds to it
 * @param reason why, for the log
 */
record AttemptStart(int[] vmSlot, Duration timeLimit, long searchedBeforeMillis, String reason) {
    static final Duration MIN_REVIVED_SEARCH = Duration.ofSeconds(5);

    static AttemptStart of(PlanRecord plan, BuiltProblem built, Duration limit) {
        int[] saved = plan.vmSlot();
        long spentMillis = searchedBeforeMillis(plan);
        if (saved == null) return cold(limit, spentMillis, "no saved best");
        if (!built.problem().vmNames().equals(plan.vmNames())
                || !built.slotModels().equals(plan.slotModels())) {
            return cold(limit, spentMillis, "the saved best is for other VMs or another pool");
        }
        if (!StartAssignment.fits(built.problem(), saved)) {
            return cold(limit, spentMillis, "the saved best does not fit the rebuilt problem");
        }
        Duration floor = limit.compareTo(MIN_REVIVED_SEARCH) < 0 ? limit : MIN_REVIVED_SEARCH;
        Duration remaining = limit.minusMillis(spentMillis);
        return new AttemptStart(
                saved.clone(),
                remaining.compareTo(floor) < 0 ? floor : remaining,
                spentMillis,
                "warm start from the saved best; earlier attempts searched at least " + spentMillis + " ms");
    }

    /** Search time the earlier attempts are known to have spent (see the class comment). */
    static long searchedBeforeMillis(PlanRecord plan) {
        return Math.max(plan.searchedMillis(), spentMillis(plan.progress(), plan.attempt()));
    }

    private static AttemptStart cold(Duration limit, long spentMillis, String reason) {
        return new AttemptStart(null, limit, spentMillis, "cold start: " + reason);
    }

    /** Sum over the attempts before {@code current} of the elapsed time of their last progress point. */
    static long spentMillis(List<ProgressPoint> progress, int current) {
        if (progress == null) return 0;
        Map<Integer, Long> lastByAttempt = new HashMap<>();
        for (ProgressPoint p : progress) {
            if (p.attempt() < current) lastByAttempt.merge(p.attempt(), p.elapsedMillis(), Math::max);
        }
        return lastByAttempt.values().stream().mapToLong(Long::longValue).sum();
    }
}
