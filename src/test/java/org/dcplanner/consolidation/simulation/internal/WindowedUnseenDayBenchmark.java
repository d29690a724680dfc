package org.dcplanner.consolidation.simulation.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.planning.BaselineHosts;
import org.dcplanner.consolidation.planning.internal.PlanProblemFactory;
import org.dcplanner.consolidation.planning.internal.WindowedPlacement;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;

/**
 * The unseen day with time-windowed plans: the 558 VMs' 20110303 CPU series cut into windows of the day; the first
 * window packed by time-series FFD onto ML110 G5 hosts at a target utilization, each next window reached from the
 * previous placement ({@link WindowedPlacement}: overloads relieved, hosts emptied within a migration cap per
 * transition); then 20110306 replayed with each window's placement in its window and the transitions' migrations
 * at the window starts (CloudSim's migration cost). Compared with CloudSim 4.0 LR-MMT on the same VMs and day.
 * Run: ./mvnw -q -B test-compile exec:java -Dskip.frontend=true -Dexec.classpathScope=test
 *      -Dexec.mainClass=org.dcplanner.consolidation.simulation.WindowedUnseenDayBenchmark
 */
public final class WindowedUnseenDayBenchmark {
    /** Slots of the planned pool: more than any window needs. */
    private static final int POOL = 120;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("traces.dir", "../shared/traces"));
        Path sizes =
                Path.of(System.getProperty("design.dir", "../shared/design"), "cloudsim-vm-sizes-20110306-shared.csv");
        if (!Files.exists(sizes) || !Files.isDirectory(root.resolve("planetlab/20110303"))) {
            System.out.println("traces or design notes not found (skipped)");
            return;
        }
        ReplayInput dayA = CloudSimSetup.dayWithInventory(root.resolve("planetlab/20110303"), sizes);
        ReplayInput dayB = CloudSimSetup.dayWithInventory(root.resolve("planetlab/20110306"), sizes);
        String[] targets = System.getProperty("targets", "0.9,0.8").split(",");
        String[] windowHours =
                System.getProperty("windowHours", "24,12,6,3,2,1").split(",");
        String[] caps = System.getProperty("caps", "1000,40").split(",");
        for (String t : targets) {
            double target = Double.parseDouble(t);
            for (String wh : windowHours) {
                int stepsPerWindow = (int) Math.round(Double.parseDouble(wh) * 3600 / dayA.stepSeconds());
                int[] starts = windowStarts(dayA.steps(), stepsPerWindow);
                for (String c : caps) {
                    int cap = Integer.parseInt(c);
                    if (starts.length == 1 && !c.equals(caps[0])) continue;
                    long t0 = System.nanoTime();
                    int[][] placements = plan(dayA, target, starts, cap);
                    long planMs = (System.nanoTime() - t0) / 1_000_000;
                    int[] hostsPerWindow = Arrays.stream(placements)
                            .mapToInt(p -> (int) Arrays.stream(p).distinct().count())
                            .toArray();
                    ReplayResult b = Replay.run(windowed(dayB, placements, starts));
                    UnseenDayBenchmark.print(String.format("target %.2f, %sh windows, cap %d", target, wh, cap), b);
                    System.out.printf(
                            "      hosts per window %s, planned in %d ms%n", Arrays.toString(hostsPerWindow), planMs);
                }
            }
        }
    }

    static int[] windowStarts(int steps, int stepsPerWindow) {
        int n = Math.max(1, (steps + stepsPerWindow - 1) / stepsPerWindow);
        int[] starts = new int[n];
        for (int w = 0; w < n; w++) starts[w] = w * stepsPerWindow;
        return starts;
    }

    /** Per window, per VM, its host (a slot of the G5 pool). */
    static int[][] plan(ReplayInput day, double target, int[] starts, int cap) {
        HostModel g5 = ReplayFixtures.ml110g5();
        PlanningProblem whole = new PlanningProblem(
                List.of(Metric.CPU),
                day.steps(),
                new float[][][] {day.cpuMhz()},
                names(day.vmCount()),
                Collections.nCopies(POOL, PlanProblemFactory.slotSpec(g5, List.of(Metric.CPU), target)),
                filled(day.vmCount(), -1),
                filled(day.vmCount(), -1),
                new boolean[day.vmCount()],
                VirtualizationApproach.HARDWARE_ASSISTED,
                0,
                org.dcplanner.consolidation.planning.Objective.HOSTS);
        List<boolean[]> windows = WindowedPlacement.contiguous(day.steps(), starts);
        PlanningProblem first = WindowedPlacement.slice(whole, windows.get(0));
        BaselineHosts.Packing p = BaselineHosts.pack(
                first.demand(),
                first.steps(),
                List.of(Metric.CPU),
                vms(day),
                VirtualizationApproach.HARDWARE_ASSISTED,
                g5,
                target);
        return WindowedPlacement.plan(whole, windows, p.vmHost(), cap);
    }

    /** Day B on the pool with window 0's placement at step 0 and each transition's migrations at its window start. */
    static ReplayInput windowed(ReplayInput day, int[][] placements, int[] starts) {
        List<HostModel> hosts = Collections.nCopies(POOL, ReplayFixtures.ml110g5());
        List<Migration> migrations = new ArrayList<>();
        for (int w = 1; w < placements.length; w++) {
            for (int v = 0; v < day.vmCount(); v++) {
                if (placements[w][v] != placements[w - 1][v])
                    migrations.add(new Migration(v, placements[w][v], starts[w]));
            }
        }
        return day.toBuilder()
                .placement(hosts, placements[0])
                .migrations(migrations)
                .build();
    }

    private static List<WorkloadVm> vms(ReplayInput day) {
        List<WorkloadVm> vms = new ArrayList<>();
        for (int v = 0; v < day.vmCount(); v++) {
            vms.add(new WorkloadVm(
                    v,
                    "vm-" + v,
                    1,
                    day.configuredCpuMhz()[v],
                    day.configuredMemoryMib()[v],
                    "linux",
                    true,
                    null,
                    null,
                    null));
        }
        return vms;
    }

    private static List<String> names(int n) {
        List<String> out = new ArrayList<>();
        for (int v = 0; v < n; v++) out.add("vm-" + v);
        return out;
    }

    private static int[] filled(int n, int value) {
        int[] a = new int[n];
        Arrays.fill(a, value);
        return a;
    }
}
