package org.dcplanner.consolidation.simulation.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.planning.BaselineHosts;
import org.dcplanner.consolidation.simulation.policy.PolicySpec;
import org.dcplanner.consolidation.simulation.policy.PolicySpec.Detection;
import org.dcplanner.consolidation.simulation.policy.PolicySpec.Selection;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;

/**
 * The unseen day: a plan made on 20110303 for the 558 VMs that also run on 20110306 (CloudSim's sizes from
 * ../shared/design/cloudsim-vm-sizes-20110306-shared.csv), run on 20110306 — statically, and in the dynamic
 * mode (the plan's placement, then an online policy; spare hosts from an 800-host ML110 G4/G5 pool) —
 * beside CloudSim 4.0's LR-MMT on the same VMs and day (87.55 kWh, 14,447 migrations, SLATAH 5.79 %).
 * The plan is the planner's time-series first-fit decreasing on day-A series (CPU only, as CloudSim) onto
 * ML110 G5 hosts at a target utilization; the planner's search starts from it.
 * Run: ./mvnw -q -B test-compile exec:java -Dskip.frontend=true -Dexec.classpathScope=test
 *      -Dexec.mainClass=org.dcplanner.consolidation.simulation.internal.UnseenDayBenchmark
 */
public final class UnseenDayBenchmark {
    static final double CLOUDSIM_LR_MMT_KWH = 87.55;
    static final int CLOUDSIM_LR_MMT_MIGRATIONS = 14_447;

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
        System.out.printf(
                "558 VMs; CloudSim 4.0 LR-MMT on day B: %.2f kWh, %,d migrations, SLATAH 5.79 %%%n",
                CLOUDSIM_LR_MMT_KWH, CLOUDSIM_LR_MMT_MIGRATIONS);
        ReplayResult cloudSimMode =
                Replay.run(dayB, OnlinePolicy.cloudSim(new PolicySpec(Detection.LR, 1.2, Selection.MMT, 1L)));
        print("engine, CloudSim-equivalent mode, LR 1.2 + MMT", cloudSimMode);
        for (double target : new double[] {1.0, 0.9, 0.8, 0.7}) {
            Plan plan = plan(dayA, target);
            System.out.printf(
                    "%nplan on day A: %d ML110 G5 hosts at target utilization %.2f%n", plan.hosts.size(), target);
            print("  day A, static (in sample)", Replay.run(withPlacement(dayA, plan)));
            print("  day B, static (out of sample)", Replay.run(withPlacement(dayB, plan)));
            for (PolicySpec spec : List.of(
                    new PolicySpec(Detection.THR, 1.0, Selection.MMT, 1L),
                    new PolicySpec(Detection.THR, 0.9, Selection.MMT, 1L),
                    new PolicySpec(Detection.LR, 1.2, Selection.MMT, 1L),
                    new PolicySpec(Detection.LR, 1.0, Selection.MMT, 1L))) {
                ReplayInput in = withPlacement(dayB, plan);
                print(
                        "  day B, plan + " + spec.label(),
                        Replay.run(
                                in,
                                OnlinePolicy.fromPlan(
                                        spec, plan.hosts.size(), in.hosts().size(), false)));
                print(
                        "  day B, plan + " + spec.label() + ", all hosts consolidatable",
                        Replay.run(in, new OnlinePolicy(spec, false, false, true, null)));
            }
        }
    }

    record Plan(List<HostModel> hosts, int[] vmHost) {}

    /** Time-series FFD of the day's CPU series onto ML110 G5 hosts at the target utilization. */
    static Plan plan(ReplayInput day, double target) {
        int n = day.vmCount();
        List<WorkloadVm> vms = new ArrayList<>(n);
        for (int v = 0; v < n; v++) {
            vms.add(new WorkloadVm(
                    v,
                    "vm-" + v,
                    1,
                    day.configuredCpuMhz()[v],
                    day.configuredMemoryMib()[v],
                    "linux",
                    true,
                    null,
                    null));
        }
        HostModel g5 = ReplayFixtures.ml110g5();
        BaselineHosts.Packing p = BaselineHosts.pack(
                new float[][][] {day.cpuMhz()},
                day.steps(),
                List.of(Metric.CPU),
                vms,
                VirtualizationApproach.HARDWARE_ASSISTED,
                g5,
                target);
        return new Plan(java.util.Collections.nCopies(p.hosts(), g5), p.vmHost());
    }

    /** The day with the plan's placement on its hosts first, then spares up to 800 hosts alternating G4 / G5. */
    static ReplayInput withPlacement(ReplayInput day, Plan plan) {
        List<HostModel> hosts = new ArrayList<>(plan.hosts);
        for (int i = hosts.size(); i < CloudSimSetup.HOSTS; i++) {
            hosts.add(i % 2 == 0 ? ReplayFixtures.ml110g4() : ReplayFixtures.ml110g5());
        }
        return ReplayInput.builder()
                .approach(day.approach(), day.model())
                .demand(day.stepSeconds(), day.steps(), day.cpuMhz(), null, null, null)
                .vms(day.profiles(), day.vcpus(), day.configuredCpuMhz(), day.configuredMemoryMib())
                .placement(hosts, plan.vmHost)
                .record(false, false)
                .build();
    }

    static void print(String name, ReplayResult r) {
        ReplayResult.Summary s = r.summary();
        System.out.printf(
                "  %-44s %7.2f kWh (%.2f x LR-MMT) | migrations %6d (%.1f %%) | SLATAH %5.2f %% | PDM %.4f %% | "
                        + "shutdowns %4d%n",
                name,
                s.energyKWh(),
                s.energyKWh() / CLOUDSIM_LR_MMT_KWH,
                s.migrations(),
                100.0 * s.migrations() / CLOUDSIM_LR_MMT_MIGRATIONS,
                100 * s.slatahOverActiveTime(),
                100 * s.pdmOverRequested(),
                s.hostShutdowns());
    }
}
