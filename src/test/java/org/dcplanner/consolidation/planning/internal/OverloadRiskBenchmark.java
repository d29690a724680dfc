package org.dcplanner.consolidation.planning.internal;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.TimeGrid;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.ingestion.internal.TraceFiles;
import org.dcplanner.consolidation.ingestion.internal.VmProfile;
import org.dcplanner.consolidation.ingestion.internal.WorkloadFormat;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.inventory.internal.BuiltInModelsCatalog;
import org.dcplanner.consolidation.planning.Objective;
import org.dcplanner.consolidation.planning.PlanRequest;
import org.dcplanner.consolidation.planning.PlanRequest.Sizing;
import org.dcplanner.consolidation.planning.solver.OptaPlannerConsolidationSolver;
import org.dcplanner.consolidation.planning.solver.PlanningResult;
import org.dcplanner.consolidation.planning.solver.SolveOptions;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem.HostSlotSpec;
import org.dcplanner.consolidation.virtualization.OverheadModel;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.dcplanner.consolidation.virtualization.VirtualizationOverheadModel;

/**
 * Calibration of risk-targeted sizing: plans the VMs of a training trace in-process (the product's sizing and solver,
 * CPU only, overhead in the trace; PlanetLab on 800 x hp-ml110-g5, Bitbrains on the largest built-in model, one host
 * per VM) and replays the placement on the following, unseen trace,
 * counting the active hosts' steps whose summed host-side CPU passes the host's capacity. Prints, per pair and plan:
 * hosts (and x the p100 plan's), the target, the in-sample share of host-steps over capacity, the plan's own
 * out-of-sample estimate and the measured out-of-sample share.
 * Args: [all|planetlab|bitbrains|rolling|tuning|start] [secondsPerSolve=20] [targets=1,0.1,0.01]. The model is tuned on
 * PlanetLab 20110303 -> 20110306 only ({@code tuning}); every other pair is held out. Traces from -Dtraces.dir
 * (default ../shared/traces), the PlanetLab inventory from -Ddesign.dir (default ../shared/design); skips what is
 * absent.
 */
public final class OverloadRiskBenchmark {
    private static final HostSlotSpec ML110_G5 =
            new HostSlotSpec("hp-ml110-g5", new double[] {2 * 2660}, 93.7, 135, 0, true);
    /** Bitbrains VMs are larger than an ML110 (up to tens of GHz): the largest built-in model. */
    private static final HostSlotSpec LARGEST = largestBuiltIn();

    private static final OverheadModel IN_TRACE =
            VirtualizationOverheadModel.withDefaults().withoutApproachOverhead();
    private static final List<Metric> CPU = List.of(Metric.CPU);

    private OverloadRiskBenchmark() {}

    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "all";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        double[] targets = Arrays.stream((args.length > 2 ? args[2] : "1,0.1,0.01").split(","))
                .mapToDouble(Double::parseDouble)
                .toArray();
        Path traces = Path.of(System.getProperty("traces.dir", "../shared/traces"));
        Path design = Path.of(System.getProperty("design.dir", "../shared/design"));
        System.out.printf(
                Locale.ROOT,
                "# %d cores, load average at start %.2f, %d s per solve%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                seconds);
        if (which.equals("start")) {
            startCost(traces.resolve("planetlab/20110303"));
            return;
        }
        System.out.println(
                "| pair | plan | hosts | x p100 | target % | in-sample % | estimated % | measured out of sample % |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        if ((which.equals("all") || which.equals("planetlab") || which.equals("tuning"))
                && Files.isDirectory(traces.resolve("planetlab/20110306"))) {
            Path inventory = design.resolve("cloudsim-vm-sizes-20110306-shared.csv");
            LoadedWorkload d3 = TraceFiles.load(
                    traces.resolve("planetlab/20110303"),
                    WorkloadFormat.PLANETLAB,
                    300,
                    inventory,
                    VmProfile.CLOUDSIM,
                    null);
            LoadedWorkload d6 = TraceFiles.load(
                    traces.resolve("planetlab/20110306"),
                    WorkloadFormat.PLANETLAB,
                    300,
                    inventory,
                    VmProfile.CLOUDSIM,
                    null);
            List<String> shared = sharedNames(d3, d6);
            pair(
                    "PlanetLab 0303->0306 (" + shared.size() + ")",
                    TraceFiles.only(d3, shared),
                    TraceFiles.only(d6, shared),
                    seconds,
                    targets,
                    ML110_G5);
            if (which.equals("tuning")) return;
            pair(
                    "PlanetLab 0306->0303 (" + shared.size() + ")",
                    TraceFiles.only(d6, shared),
                    TraceFiles.only(d3, shared),
                    seconds,
                    targets,
                    ML110_G5);
        }
        Path july = traces.resolve("bitbrains-rnd/rnd-2013-7-vms-1-200.zip");
        Path august = traces.resolve("bitbrains-rnd/rnd-2013-8-vms-1-200.zip");
        if (!Files.isRegularFile(july)) return;
        LoadedWorkload jul = TraceFiles.load(july, WorkloadFormat.BITBRAINS, 300, null, VmProfile.DEFAULT, null);
        if ((which.equals("all") || which.equals("bitbrains")) && Files.isRegularFile(august)) {
            LoadedWorkload aug = TraceFiles.load(august, WorkloadFormat.BITBRAINS, 300, null, VmProfile.DEFAULT, null);
            List<String> shared = sharedNames(jul, aug);
            pair(
                    "Bitbrains Jul->Aug (" + shared.size() + ")",
                    TraceFiles.only(jul, shared),
                    TraceFiles.only(aug, shared),
                    seconds,
                    targets,
                    LARGEST);
        }
        if (which.equals("all") || which.equals("rolling")) {
            int day = 86_400 / jul.grid().stepSeconds();
            int firstMidnight = (int) (Math.floorMod(-jul.grid().start().getEpochSecond(), 86_400L)
                    / jul.grid().stepSeconds());
            int folds = Integer.getInteger("bench.folds", 4);
            for (int f = 0; f < folds; f++) {
                int testFrom = firstMidnight + (7 + 3 * f) * day;
                pair(
                        "Bitbrains Jul 7 days->day " + (8 + 3 * f),
                        slice(jul, testFrom - 7 * day, testFrom),
                        slice(jul, testFrom, testFrom + day),
                        seconds,
                        targets,
                        LARGEST);
                pair(
                        "Bitbrains Jul 1 day->day " + (8 + 3 * f),
                        slice(jul, testFrom - day, testFrom),
                        slice(jul, testFrom, testFrom + day),
                        seconds,
                        targets,
                        LARGEST);
            }
        }
    }

    /**
     * What a risk-targeted POST /api/v1/plans costs before it answers (the checks on the scenario means,
     * {@link PlanProblemFactory#preview}) against the full build with the packing search the job runs: PlanetLab
     * 20110303, all VMs, CPU, 800 x hp-ml110-g5, target 0.1 %; best and median of 3 each.
     */
    private static void startCost(Path day) {
        if (!Files.isDirectory(day)) return;
        LoadedWorkload w = TraceFiles.load(day, WorkloadFormat.PLANETLAB, 300, null, VmProfile.CLOUDSIM, null);
        BuiltInModelsCatalog catalog = new BuiltInModelsCatalog();
        PlanRequest request = new PlanRequest(
                        w.id(),
                        null,
                        List.of(new PlanRequest.PoolEntry("hp-ml110-g5", 800)),
                        CPU,
                        new Sizing(null, 0.0, null, null, true, 0.1),
                        org.dcplanner.consolidation.planning.VirtualizationChoice.FULL,
                        1.0,
                        0,
                        Objective.HOSTS,
                        10,
                        Map.of(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)
                .validated(600, 30);
        OverheadModel overhead = VirtualizationOverheadModel.withDefaults();
        System.out.println("| step (" + w.vms().size() + " VMs, 800 hosts) | best s | median s |");
        System.out.println("|---|---|---|");
        for (boolean search : new boolean[] {false, true}) {
            double[] seconds = new double[3];
            for (int i = 0; i < seconds.length; i++) {
                long t0 = System.nanoTime();
                if (search) PlanProblemFactory.build(request, w, catalog, overhead);
                else PlanProblemFactory.preview(request, w, catalog, overhead);
                seconds[i] = (System.nanoTime() - t0) / 1e9;
            }
            Arrays.sort(seconds);
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.2f | %.2f |%n",
                    search ? "job: build with the packing search" : "POST: preview (checks on the means)",
                    seconds[0],
                    seconds[1]);
        }
    }

    private static HostSlotSpec largestBuiltIn() {
        HostModel m = new BuiltInModelsCatalog()
                .all().stream()
                        .max(java.util.Comparator.comparingDouble(HostModel::cpuMhz))
                        .orElseThrow();
        return new HostSlotSpec(
                m.id(), new double[] {m.cpuMhz()}, m.powerWatts()[0], m.powerWatts()[10], 0, m.hardwareAssist());
    }

    private static void pair(
            String label, LoadedWorkload train, LoadedWorkload test, int seconds, double[] targets, HostSlotSpec host) {
        List<Sizing> sizings = new ArrayList<>();
        sizings.add(new Sizing(100.0, 0.0, false, 1, true));
        sizings.add(new Sizing(95.0, 0.0, false, null, true));
        for (double t : targets) sizings.add(new Sizing(null, 0.0, null, null, true, t));
        int p100Hosts = 0;
        for (Sizing s : sizings) {
            Outcome o = planAndReplay(train, test, s, seconds, host);
            if (p100Hosts == 0) p100Hosts = o.hosts;
            String plan = s.riskTargeted()
                    ? "risk " + s.overloadRiskPercent() + " %"
                    : "p" + s.percentile().intValue() + (s.windowSteps() == null ? " hour window (default)" : " raw");
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %s | %d | %.2f | %s | %.3f | %.3f | %.3f |%n",
                    label,
                    plan,
                    o.hosts,
                    o.hosts / (double) p100Hosts,
                    s.riskTargeted() ? String.valueOf(s.overloadRiskPercent()) : "-",
                    o.inSample,
                    o.estimated,
                    o.measured);
        }
    }

    private record Outcome(int hosts, double inSample, double estimated, double measured) {}

    static Outcome planAndReplay(
            LoadedWorkload train, LoadedWorkload test, Sizing sizing, int seconds, HostSlotSpec host) {
        int pool = Math.min(800, train.vms().size());
        List<HostSlotSpec> slots = Collections.nCopies(pool, host);
        PlanRequest request = new PlanRequest(
                train.id(),
                null,
                List.of(new PlanRequest.PoolEntry(host.modelId(), pool)),
                CPU,
                sizing,
                org.dcplanner.consolidation.planning.VirtualizationChoice.FULL,
                1.0,
                0,
                Objective.HOSTS,
                seconds,
                Map.of(),
                null,
                null,
                null,
                null,
                null,
                null);
        DemandSizer.SizedDemand sized;
        List<HostSlotSpec> packSlots = slots;
        OverloadRiskModel risk;
        if (sizing.riskTargeted()) {
            RiskSizing rs = RiskSizing.of(train, request, IN_TRACE, slots);
            sized = rs.sized();
            packSlots = rs.slots();
            risk = rs.model();
        } else {
            sized = DemandSizer.size(train, CPU, sizing, VirtualizationApproach.FULL, IN_TRACE);
            risk = OverloadRiskModel.of(train, CPU, sizing.headroomPercent(), VirtualizationApproach.FULL, IN_TRACE);
        }
        int n = train.vms().size();
        int[] none = new int[n];
        Arrays.fill(none, -1);
        boolean[] capable = new boolean[n];
        Arrays.fill(capable, true);
        PlanningProblem problem = new PlanningProblem(
                CPU,
                sized.steps(),
                sized.demand(),
                train.vms().stream().map(WorkloadVm::name).toList(),
                packSlots,
                none,
                none.clone(),
                capable,
                VirtualizationApproach.FULL,
                0,
                Objective.HOSTS);
        PlanningResult r = new OptaPlannerConsolidationSolver()
                .solve(problem, new SolveOptions(Duration.ofSeconds(seconds), () -> false, p -> {}));
        double cpuMhz = host.capacity()[0];
        double[][] capacity = {new double[pool]};
        Arrays.fill(capacity[0], cpuMhz);
        return new Outcome(
                r.hostsUsed(),
                overPercent(rawHostCpu(train), r.vmSlot(), cpuMhz),
                risk.estimatePercent(r.vmSlot(), capacity),
                overPercent(rawHostCpu(test), r.vmSlot(), cpuMhz));
    }

    /** Host-side CPU of the raw series (p100, window 1): what a replay puts on the hosts. */
    private static float[][] rawHostCpu(LoadedWorkload w) {
        return DemandSizer.size(w, CPU, new Sizing(100.0, 0.0, false, 1, true), VirtualizationApproach.FULL, IN_TRACE)
                .demand()[0];
    }

    /** Independent count: active hosts' steps whose summed CPU passes the host's capacity, in % of active host-steps. */
    static double overPercent(float[][] cpu, int[] vmSlot, double cpuMhz) {
        int steps = cpu[0].length;
        Map<Integer, double[]> load = new java.util.HashMap<>();
        for (int vm = 0; vm < vmSlot.length; vm++) {
            double[] l = load.computeIfAbsent(vmSlot[vm], k -> new double[steps]);
            for (int t = 0; t < steps; t++) l[t] += cpu[vm][t];
        }
        long over = 0;
        for (double[] l : load.values()) {
            for (double v : l) if (v > cpuMhz + 1e-6) over++;
        }
        return 100.0 * over / ((long) load.size() * steps);
    }

    private static List<String> sharedNames(LoadedWorkload a, LoadedWorkload b) {
        Set<String> inB = new HashSet<>();
        for (WorkloadVm v : b.vms()) inB.add(v.name());
        return a.vms().stream()
                .map(WorkloadVm::name)
                .filter(inB::contains)
                .sorted()
                .toList();
    }

    /** Steps [from, to) of a workload as a workload of its own. */
    private static LoadedWorkload slice(LoadedWorkload w, int from, int to) {
        TimeGrid g = w.grid();
        Map<Metric, float[][]> series = new EnumMap<>(Metric.class);
        w.series()
                .forEach((m, s) -> series.put(
                        m,
                        Arrays.stream(s)
                                .map(x -> Arrays.copyOfRange(x, from, to))
                                .toArray(float[][]::new)));
        return new LoadedWorkload(
                w.id(), w.name(), new TimeGrid(g.at(from), g.stepSeconds(), to - from), w.vms(), series);
    }
}
