package org.dcplanner.consolidation.planning;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.sample.SyntheticWorkloads;
import org.dcplanner.consolidation.planning.PlanRequest.Sizing;
import org.dcplanner.consolidation.planning.internal.DemandSizer;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.dcplanner.consolidation.virtualization.VirtualizationOverheadModel;

/**
 * Times the sizing step a plan request runs synchronously (percentiles, headroom, the engine's
 * overhead model per VM and step) on synthetic workloads; prints VM-steps per second.
 * Args: [vmCount steps stepSeconds] (default: the three standard cases).
 */
public final class PlanSizingBenchmark {
    private PlanSizingBenchmark() {}

    public static void main(String[] args) {
        VirtualizationOverheadModel overhead = VirtualizationOverheadModel.withDefaults();
        List<Metric> resources = List.of(Metric.CPU, Metric.MEMORY);
        if (args.length == 3) {
            run(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), resources, overhead);
            return;
        }
        run(1052, 288, 300, resources, overhead);
        run(10_000, 288, 300, resources, overhead);
        run(2_000, 8_640, 300, resources, overhead); // 30 days at 5 min, folded and windowed
    }

    private static void run(
            int vms, int steps, int stepSeconds, List<Metric> resources, VirtualizationOverheadModel overhead) {
        LoadedWorkload w = SyntheticWorkloads.generate(42, vms, steps, stepSeconds, EnumSet.allOf(Metric.class));
        boolean multiDay = (long) steps * stepSeconds >= 2 * 86_400;
        Sizing raw = new Sizing(95.0, 10.0, false, 1, false);
        Sizing window = new Sizing(95.0, 10.0, false, 12, false);
        Sizing fold = new Sizing(95.0, 10.0, true, 1, false);
        for (Sizing s : multiDay ? List.of(raw, window, fold) : List.of(raw, window)) {
            DemandSizer.size(w, resources, s, VirtualizationApproach.FULL, overhead); // warm-up
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                DemandSizer.size(w, resources, s, VirtualizationApproach.FULL, overhead);
                best = Math.min(best, System.nanoTime() - t0);
            }
            double seconds = best / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "%,d VMs x %,d steps, %s: %.3f s, %.1f M VM-steps/s%n",
                    vms,
                    steps,
                    s.foldDays() ? "foldDays p95" : "window " + s.windowSteps() + " p95",
                    seconds,
                    (double) vms * steps / seconds / 1e6);
        }
    }
}
