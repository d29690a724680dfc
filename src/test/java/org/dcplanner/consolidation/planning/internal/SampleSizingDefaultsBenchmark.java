package org.dcplanner.consolidation.planning.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
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
import org.dcplanner.consolidation.virtualization.VirtualizationOverheadModel;

/**
 * What the default window (one hour instead of one step) does to the sample workloads' plans: each sample planned as
 * the new-plan form proposes (CPU + memory, p95 + 10 % headroom, hardware-assisted, the largest built-in model, one
 * host per VM) with the old default window (1 step = the raw series) and the new one (absent = one hour).
 * Args: [secondsPerSolve=10]. Samples from -Dsamples.dir (default sample-workloads).
 */
public final class SampleSizingDefaultsBenchmark {
    private SampleSizingDefaultsBenchmark() {}

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path dir = Path.of(System.getProperty("samples.dir", "sample-workloads"));
        BuiltInModelsCatalog catalog = new BuiltInModelsCatalog();
        HostModel largest = catalog.all().stream()
                .max(Comparator.comparingDouble(HostModel::cpuMhz))
                .orElseThrow();
        record Sample(String file, WorkloadFormat format, String inventory) {}
        List<Sample> samples = List.of(
                new Sample("generic-small.csv", WorkloadFormat.CSV, "inventory-small.csv"),
                new Sample("planetlab-small.zip", WorkloadFormat.PLANETLAB, "inventory-planetlab-small.csv"),
                new Sample("bitbrains-small.zip", WorkloadFormat.BITBRAINS, null));
        System.out.println(
                "| sample | VMs | p95 + 10 %, window 1 step (old default) | p95 + 10 %, window 1 hour (new default) |");
        System.out.println("|---|---|---|---|");
        for (Sample s : samples) {
            Path file = dir.resolve(s.file());
            if (!Files.exists(file)) continue;
            LoadedWorkload w = TraceFiles.load(
                    file,
                    s.format(),
                    300,
                    s.inventory() == null ? null : dir.resolve(s.inventory()),
                    VmProfile.DEFAULT,
                    null);
            int raw = hosts(w, catalog, largest, 1, seconds);
            int hour = hosts(w, catalog, largest, null, seconds);
            System.out.printf(
                    Locale.ROOT, "| %s | %d | %d | %d |%n", s.file(), w.vms().size(), raw, hour);
        }
    }

    private static int hosts(
            LoadedWorkload w, BuiltInModelsCatalog catalog, HostModel model, Integer windowSteps, int seconds) {
        PlanRequest request = new PlanRequest(
                w.id(),
                null,
                List.of(new PlanRequest.PoolEntry(
                        model.id(), Math.max(2, w.vms().size()))),
                List.of(Metric.CPU, Metric.MEMORY),
                new Sizing(95.0, 10.0, false, windowSteps, false),
                org.dcplanner.consolidation.planning.VirtualizationChoice.HARDWARE_ASSISTED,
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
        PlanProblemFactory.BuiltProblem built =
                PlanProblemFactory.build(request, w, catalog, VirtualizationOverheadModel.withDefaults());
        PlanningResult r = new OptaPlannerConsolidationSolver()
                .solve(built.problem(), new SolveOptions(Duration.ofSeconds(seconds), () -> false, p -> {}));
        return r.hostsUsed();
    }
}
