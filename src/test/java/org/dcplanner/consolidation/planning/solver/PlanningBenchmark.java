package org.dcplanner.consolidation.planning.solver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.ingestion.sample.SyntheticWorkloads;
import org.dcplanner.consolidation.planning.Objective;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem.HostSlotSpec;
import org.dcplanner.consolidation.planning.solver.score.HostLoads;
import org.dcplanner.consolidation.planning.solver.start.Construction;
import org.dcplanner.consolidation.planning.solver.start.LowerBounds;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;

/**
 * Plans PlanetLab 20110303 / 20110306 with the CloudSim profile (CPU only, then CPU + memory) and a generated
 * 10,000-VM workload from SyntheticWorkloads, printing hosts, lower bound, both baselines and evaluation speed.
 * Args: [all|planetlab|planetlab-cpu|synthetic] [planetlabSeconds=30] [syntheticSeconds=120]; -Dbench.days=20110303
 * limits the PlanetLab days.
 * CloudSim profile (Beloglazov & Buyya, CCPE 2012, as encoded in Cloudslab/cloudsim Constants.java): VM types
 * 2500/2000/1000/500 MIPS with 870/1740/1740/613 MB in contiguous blocks of ceil(N/4) (file-name order here);
 * hosts HP ML110 G5 = 2 x 2660 MHz, 4096 MB. CloudSim's own placement has no utilization target (its THR
 * policy uses 0.8 as an overload threshold); here the target is 1.0, with no virtualization overhead.
 */
public final class PlanningBenchmark {
    private static final double[] VM_MIPS = {2500, 2000, 1000, 500};
    private static final double[] VM_RAM_MB = {870, 1740, 1740, 613};
    private static final int STEPS = 288;
    private static final HostSlotSpec ML110_G5 =
            new HostSlotSpec("hp-ml110-g5", new double[] {2 * 2660, 4096}, 93.7, 135, 0, true);

    private PlanningBenchmark() {}

    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "all";
        int planetlabSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int syntheticSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 120;
        System.out.printf(
                "# %d cores, load average at start %.2f%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (!which.equals("synthetic")) {
            for (String day :
                    System.getProperty("bench.days", "20110303,20110306").split(",")) {
                List<float[]> cpuPercent = readPlanetLab(day);
                run("planetlab " + day + " cpu", cloudSimProblem(cpuPercent, false), planetlabSeconds);
                if (!which.equals("planetlab-cpu")) {
                    run("planetlab " + day + " cpu+memory", cloudSimProblem(cpuPercent, true), planetlabSeconds);
                }
            }
        }
        if (which.equals("all") || which.equals("synthetic")) {
            run("synthetic 10000 vms cpu+aa", syntheticProblem(10_000, 20260301L), syntheticSeconds);
        }
    }

    private static void run(String label, PlanningProblem problem, int seconds) {
        long start = System.nanoTime();
        PlanningResult r = new OptaPlannerConsolidationSolver()
                .solve(problem, new SolveOptions(Duration.ofSeconds(seconds), () -> false, p -> {
                    if (Boolean.getBoolean("bench.progress")) {
                        System.out.printf("  %6d ms hosts=%d%n", p.elapsedMillis(), p.hostsUsed());
                    }
                }));
        double took = (System.nanoTime() - start) / 1e9;
        writePlacement(label, r);
        int l2 = Math.max(r.lowerBoundHosts(), LowerBounds.stepwiseBinPackingBound(problem));
        System.out.printf(
                "%-32s vms=%5d LB=%4d LB-L2=%4d peakFFD=%4d tsFFD=%4d hosts=%4d hosts/LB=%.3f hosts/LB-L2=%.3f "
                        + "hosts/tsFFD=%.3f feasible=%s peakFill=%s time=%.1fs evals/s=%d load=%.2f%n",
                label,
                problem.vmCount(),
                r.lowerBoundHosts(),
                l2,
                r.peakFfdHosts(),
                r.timeSeriesFfdHosts(),
                r.hostsUsed(),
                r.hostsUsed() / (double) r.lowerBoundHosts(),
                r.hostsUsed() / (double) l2,
                r.hostsUsed() / (double) r.timeSeriesFfdHosts(),
                r.feasible(),
                peakFillRange(problem, r.vmSlot()),
                took,
                r.scoreCalculationsPerSecond(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Per resource, the lowest and highest peak fill (% of usable capacity) over the active hosts: the balance. */
    private static String peakFillRange(PlanningProblem problem, int[] vmSlot) {
        DemandModel model = new DemandModel(problem);
        HostLoads loads = Construction.ledger(model, vmSlot).loads();
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < model.resources(); r++) {
            double min = Double.MAX_VALUE;
            double max = 0;
            for (int s = 0; s < model.slots(); s++) {
                if (loads.vmCount(s) > 0) {
                    double fill = 100.0 * loads.peaks(s)[r] / model.capacity(r, s);
                    min = Math.min(min, fill);
                    max = Math.max(max, fill);
                }
            }
            out.append(r == 0 ? "" : ",").append(String.format("%.1f-%.1f%%", min, max));
        }
        return out.toString();
    }

    /**
     * With -Dbench.placements=DIR, writes the plan's slot per VM (one line each, VMs in sorted file order) to
     * DIR/&lt;label&gt;-&lt;hosts&gt;-hosts.txt, for an independent check: research/search/verify_placement.py DAY FILE.
     */
    private static void writePlacement(String label, PlanningResult r) {
        String dir = System.getProperty("bench.placements");
        if (dir == null) {
            return;
        }
        Path file = Path.of(dir, label.replaceAll("[^A-Za-z0-9]+", "-") + "-" + r.hostsUsed() + "-hosts.txt");
        try {
            Files.createDirectories(file.getParent());
            Files.write(
                    file, Arrays.stream(r.vmSlot()).mapToObj(Integer::toString).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("placement written to " + file);
    }

    /** 288 CPU percentages per file, files in sorted name order. */
    public static List<float[]> readPlanetLab(String day) {
        Path dir = Path.of(System.getProperty("traces.dir", "../shared/traces"), "planetlab", day);
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> sorted =
                    new ArrayList<>(files.filter(Files::isRegularFile).toList());
            Collections.sort(
                    sorted,
                    (a, b) ->
                            a.getFileName().toString().compareTo(b.getFileName().toString()));
            List<float[]> out = new ArrayList<>(sorted.size());
            for (Path f : sorted) {
                List<String> lines =
                        Files.readAllLines(f).stream().filter(l -> !l.isBlank()).toList();
                float[] series = new float[STEPS];
                for (int t = 0; t < STEPS; t++) {
                    series[t] = Float.parseFloat(
                            lines.get(Math.min(t, lines.size() - 1)).trim());
                }
                out.add(series);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("PlanetLab traces not readable at " + dir.toAbsolutePath(), e);
        }
    }

    /** CloudSim profile on 800 HP ML110 G5 hosts; demand is the raw series (no overhead), target utilization 1.0. */
    public static PlanningProblem cloudSimProblem(List<float[]> cpuPercent, boolean withMemory) {
        int n = cpuPercent.size();
        int block = (n + 3) / 4;
        List<Metric> resources = withMemory ? List.of(Metric.CPU, Metric.MEMORY) : List.of(Metric.CPU);
        float[][][] demand = new float[resources.size()][n][STEPS];
        for (int v = 0; v < n; v++) {
            int type = v / block;
            for (int t = 0; t < STEPS; t++) {
                demand[0][v][t] = (float) (cpuPercent.get(v)[t] / 100.0 * VM_MIPS[type]);
                if (withMemory) {
                    demand[1][v][t] = (float) VM_RAM_MB[type];
                }
            }
        }
        HostSlotSpec host = withMemory
                ? ML110_G5
                : new HostSlotSpec(ML110_G5.modelId(), new double[] {ML110_G5.capacity()[0]}, 93.7, 135, 0, true);
        return problem(resources, demand, Collections.nCopies(800, host));
    }

    /**
     * The project's seeded generator (SyntheticWorkloads: web, batch, database and compute tiers; replicated
     * tiers become anti-affinity groups), CPU only, on a pool of generic 2 x 20-core 2400 MHz hosts
     * (96,000 MHz); the pool holds enough hosts for the per-VM peaks.
     */
    static PlanningProblem syntheticProblem(int vms, long seed) {
        LoadedWorkload w = SyntheticWorkloads.generate(seed, vms, STEPS, 300, EnumSet.of(Metric.CPU));
        float[][] cpu = w.series(Metric.CPU);
        double hostMhz = 2 * 20 * 2400;
        double peaks = 0;
        for (float[] series : cpu) {
            float max = 0;
            for (float x : series) {
                max = Math.max(max, x);
            }
            peaks += max;
        }
        int hosts = (int) Math.ceil(peaks / hostMhz) + 10;
        HostSlotSpec host = new HostSlotSpec("generic-40c-2400", new double[] {hostMhz}, 200, 450, 0, true);
        Map<String, Integer> groupIds = new HashMap<>();
        int[] groups = w.vms().stream()
                .mapToInt(vm -> vm.antiAffinityGroup() == null
                        ? -1
                        : groupIds.computeIfAbsent(vm.antiAffinityGroup(), g -> groupIds.size()))
                .toArray();
        PlanningProblem p = problem(List.of(Metric.CPU), new float[][][] {cpu}, Collections.nCopies(hosts, host));
        return new PlanningProblem(
                p.resources(),
                p.steps(),
                p.demand(),
                w.vms().stream().map(WorkloadVm::name).toList(),
                p.slots(),
                p.pinnedSlot(),
                groups,
                p.paravirtCapable(),
                p.approach(),
                0,
                p.objective());
    }

    private static PlanningProblem problem(List<Metric> resources, float[][][] demand, List<HostSlotSpec> slots) {
        int n = demand[0].length;
        int[] none = new int[n];
        java.util.Arrays.fill(none, -1);
        boolean[] capable = new boolean[n];
        java.util.Arrays.fill(capable, true);
        return new PlanningProblem(
                resources,
                STEPS,
                demand,
                IntStream.range(0, n).mapToObj(i -> "vm-" + i).toList(),
                slots,
                none,
                none.clone(),
                capable,
                VirtualizationApproach.FULL,
                0,
                Objective.HOSTS);
    }
}
