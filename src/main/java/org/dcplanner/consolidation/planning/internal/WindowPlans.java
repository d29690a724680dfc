package org.dcplanner.consolidation.planning.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.dcplanner.consolidation.planning.PlanRequest.TimeWindows;
import org.dcplanner.consolidation.planning.WindowSchedule;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;

/**
 * Computes a time-windowed plan's {@link WindowSchedule} from its solved placement (which fits every step): the
 * windows follow each other from the one of the plan's first step, the first reached from the plan's placement,
 * each next from the one before ({@link WindowedPlacement}), on the plan's active hosts only. Deterministic, so the
 * API and the replay see the same placements.
 */
final class WindowPlans {
    private WindowPlans() {}

    /**
     * @param problem     the plan's sized problem
     * @param vmSlot      the plan's placement
     * @param start       the instant of the problem's step 0 (a folded plan: midnight)
     * @param stepSeconds seconds per step
     */
    static WindowSchedule schedule(
            PlanningProblem problem, int[] vmSlot, TimeWindows windows, Instant start, int stepSeconds) {
        int k = windows.startHours().size();
        List<boolean[]> masks = new ArrayList<>();
        for (int w = 0; w < k; w++) masks.add(new boolean[problem.steps()]);
        for (int t = 0; t < problem.steps(); t++)
            masks.get(windows.windowAt(start.plusSeconds((long) t * stepSeconds)))[t] = true;
        int first = windows.windowAt(start);
        List<boolean[]> inOrder = new ArrayList<>();
        for (int i = 0; i < k; i++) inOrder.add(masks.get((first + i) % k));
        int[] active = new TreeSet<>(java.util.Arrays.stream(vmSlot).boxed().toList())
                .stream().mapToInt(Integer::intValue).filter(s -> s >= 0).toArray();
        int[] indexOfSlot = new int[problem.slots().size()];
        for (int i = 0; i < active.length; i++) indexOfSlot[active[i]] = i;
        int[] startIndex = new int[vmSlot.length];
        for (int v = 0; v < vmSlot.length; v++) startIndex[v] = vmSlot[v] < 0 ? -1 : indexOfSlot[vmSlot[v]];
        int[][] placed = WindowedPlacement.plan(onSlots(problem, active), inOrder, startIndex, windows.migrationCap());
        int[][] bySlot = new int[k][];
        int[] migrations = new int[k];
        int[] previous = vmSlot;
        for (int i = 0; i < k; i++) {
            int w = (first + i) % k;
            bySlot[w] = new int[vmSlot.length];
            for (int v = 0; v < vmSlot.length; v++) bySlot[w][v] = placed[i][v] < 0 ? -1 : active[placed[i][v]];
            migrations[w] = MoveBudget.migrationsFrom(previous, bySlot[w]);
            previous = bySlot[w];
        }
        return new WindowSchedule(windows.startHours(), bySlot, migrations, windows.migrationCap());
    }

    /** The problem on these slots only (slot i of the result = slot {@code slots[i]}). */
    private static PlanningProblem onSlots(PlanningProblem p, int[] slots) {
        List<PlanningProblem.HostSlotSpec> specs = new ArrayList<>();
        for (int s : slots) specs.add(p.slots().get(s));
        return p.with(p.steps(), p.demand(), specs, noPins(p.vmCount()));
    }

    private static int[] noPins(int vms) {
        int[] pins = new int[vms];
        java.util.Arrays.fill(pins, -1);
        return pins;
    }

    /** GET /plans/{id}/windows: per window its hours, hosts in use and the migrations that begin it. */
    record WindowsView(java.util.UUID planId, int maxMigrationsPerTransition, List<WindowView> windows) {
        static WindowsView of(java.util.UUID planId, WindowSchedule s) {
            List<WindowView> out = new ArrayList<>();
            int k = s.startHours().size();
            for (int w = 0; w < k; w++) {
                int hosts = (int) java.util.Arrays.stream(s.vmSlot()[w])
                        .filter(x -> x >= 0)
                        .distinct()
                        .count();
                out.add(new WindowView(
                        w,
                        s.startHours().get(w),
                        s.startHours().get((w + 1) % k),
                        hosts,
                        s.migrationsInto()[w],
                        s.vmSlot()[w].clone()));
            }
            return new WindowsView(planId, s.maxMigrationsPerTransition(), out);
        }
    }

    /**
     * @param endHour      the next window's start hour (the first window's for the last: past midnight)
     * @param migrationsIn VMs moved when the window begins
     * @param vmSlot       per VM (index as in the placements), its host slot in this window
     */
    record WindowView(int window, int startHour, int endHour, int hostsUsed, int migrationsIn, int[] vmSlot) {}
}
