package org.dcplanner.consolidation.simulation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dcplanner.consolidation.ingestion.TimeGrid;
import org.dcplanner.consolidation.planning.PlacedPlan;
import org.dcplanner.consolidation.planning.WindowSchedule;

/**
 * A time-windowed plan's replay: the placement of the window of the first step at the start, then at every step
 * where a new window begins, a live migration (CloudSim's cost, {@link Migration}) of each VM whose host differs.
 */
final class WindowedReplay {
    private WindowedReplay() {}

    /** The input with the schedule applied (unchanged without one). */
    static ReplayInput apply(ReplayInput in, PlacedPlan plan, TimeGrid grid, WindowSchedule windows) {
        if (windows == null) return in;
        Map<Integer, Integer> hostOfSlot = new HashMap<>();
        for (int h = 0; h < plan.hosts().size(); h++)
            hostOfSlot.put(plan.hosts().get(h).slotIndex(), h);
        int first = windows.windowAt(grid.start());
        int[] vmHost = hosts(windows.vmSlot()[first], hostOfSlot);
        List<Migration> migrations = new ArrayList<>();
        int current = first;
        for (int t = 1; t < in.steps(); t++) {
            int w = windows.windowAt(grid.start().plusSeconds((long) t * grid.stepSeconds()));
            if (w == current) continue;
            int[] from = hosts(windows.vmSlot()[current], hostOfSlot);
            int[] to = hosts(windows.vmSlot()[w], hostOfSlot);
            for (int v = 0; v < to.length; v++)
                if (to[v] >= 0 && to[v] != from[v]) migrations.add(new Migration(v, to[v], t));
            current = w;
        }
        return in.toBuilder()
                .placement(in.hosts(), vmHost)
                .migrations(migrations)
                .build();
    }

    /** Slots to the plan's host indexes (a window uses only the plan's active hosts). */
    private static int[] hosts(int[] slots, Map<Integer, Integer> hostOfSlot) {
        int[] out = new int[slots.length];
        for (int v = 0; v < slots.length; v++) out[v] = slots[v] < 0 ? -1 : hostOfSlot.getOrDefault(slots[v], -1);
        return out;
    }
}
