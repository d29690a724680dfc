package org.dcplanner.consolidation.planning;

import java.time.Instant;
import java.util.List;

/**
 * A time-windowed plan's placements: window k runs from {@code startHours[k]} (UTC hour of the day) to the next
 * window's start, with its own placement; a replay applies each window's placement in its window and migrates the
 * VMs whose slot differs when a window begins.
 *
 * @param startHours     the windows' first hours, increasing
 * @param vmSlot         per window, per VM, its slot in the plan's pool
 * @param migrationsInto per window, the VMs that move when it begins (from the window before it; the first window
 *                       of the plan's horizon from the plan's own placement)
 * @param maxMigrationsPerTransition the request's cap on the emptying moves of a transition
 */
public record WindowSchedule(
        List<Integer> startHours, int[][] vmSlot, int[] migrationsInto, int maxMigrationsPerTransition) {
    public WindowSchedule {
        startHours = List.copyOf(startHours);
    }

    /** The window an instant falls in. */
    public int windowAt(Instant at) {
        return new PlanRequest.TimeWindows(startHours, null).windowAt(at);
    }

    /** The window before window k (the last one before the first). */
    public int previous(int k) {
        return (k + startHours.size() - 1) % startHours.size();
    }
}
