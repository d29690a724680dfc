package org.dcplanner.consolidation.planning.internal;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * In-memory stop flags of the plans this node is solving: a cancel that reaches the solving node
 * flips the flag and the solver sees it at its next check (tens of milliseconds), without waiting
 * for the database poll that covers cancels arriving at other nodes.
 */
@Component
class PlanStopSignals {
    private final Map<UUID, AtomicBoolean> solving = new ConcurrentHashMap<>();

    AtomicBoolean register(UUID planId) {
        return solving.computeIfAbsent(planId, id -> new AtomicBoolean());
    }

    void unregister(UUID planId) {
        solving.remove(planId);
    }

    /** Flags the plan when this node is solving it; a no-op otherwise (its node polls the database). */
    void requestStop(UUID planId) {
        AtomicBoolean flag = solving.get(planId);
        if (flag != null) flag.set(true);
    }
}
