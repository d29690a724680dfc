package org.dcplanner.consolidation.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.planning.Objective;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem.HostSlotSpec;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.junit.jupiter.api.Test;

/**
 * Windows of a day with a busy middle: each window's placement fits its own steps, the quiet windows use fewer hosts
 * than the busy one, and the emptying moves of a transition stay within the cap (relief moves are counted apart:
 * each one leaves a host the new window overloads).
 */
class WindowedPlacementTest {
    private static final double CAPACITY = 100;

    @Test
    void eachWindowFitsItsStepsAndTransitionsKeepTheCap() {
        Random random = new Random(4);
        int vms = 30, steps = 24, hosts = 30;
        float[][] demand = new float[vms][steps];
        for (int v = 0; v < vms; v++)
            for (int t = 0; t < steps; t++) demand[v][t] = (t >= 8 && t < 16 ? 25 : 8) + random.nextInt(6);
        List<HostSlotSpec> slots = new ArrayList<>();
        for (int s = 0; s < hosts; s++) slots.add(new HostSlotSpec("m", new double[] {CAPACITY}, 100, 200, 1, true));
        List<String> names = new ArrayList<>();
        for (int v = 0; v < vms; v++) names.add("vm" + v);
        int[] none = new int[vms];
        java.util.Arrays.fill(none, -1);
        PlanningProblem day = new PlanningProblem(
                List.of(Metric.CPU),
                steps,
                new float[][][] {demand},
                names,
                slots,
                none,
                none,
                new boolean[vms],
                VirtualizationApproach.HARDWARE_ASSISTED,
                0,
                Objective.HOSTS);
        // the start: one VM per host (fits every step)
        int[] start = new int[vms];
        for (int v = 0; v < vms; v++) start[v] = v;
        List<boolean[]> windows = WindowedPlacement.contiguous(steps, new int[] {0, 8, 16});
        for (int cap : new int[] {0, 5, 1000}) {
            int[][] placed = WindowedPlacement.plan(day, windows, start, cap);
            int[] previous = start;
            for (int w = 0; w < 3; w++) {
                PlanningProblem slice = WindowedPlacement.slice(day, windows.get(w));
                HostLoadGrid grid = new HostLoadGrid(slice);
                for (int v = 0; v < vms; v++) grid.add(v, placed[w][v]);
                for (int s = 0; s < hosts; s++)
                    assertThat(grid.overloaded(s)).as("window %d host %d", w, s).isFalse();
                int[] relieved = WindowedPlacement.relieve(slice, previous);
                assertThat(MoveBudget.migrationsFrom(relieved, placed[w])).isLessThanOrEqualTo(cap);
                previous = placed[w];
            }
            if (cap == 0) assertThat(placed[0]).containsExactly(start);
            if (cap == 1000) {
                assertThat(hostsUsed(placed[0])).isLessThan(hostsUsed(placed[1]));
                assertThat(hostsUsed(placed[2])).isLessThan(hostsUsed(placed[1]));
                assertThat(hostsUsed(placed[0])).isLessThanOrEqualTo(5);
            }
        }
    }

    private static long hostsUsed(int[] placement) {
        return java.util.Arrays.stream(placement).distinct().count();
    }
}
