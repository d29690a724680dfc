package org.dcplanner.consolidation.simulation.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.planning.BaselineHosts;
import org.dcplanner.consolidation.simulation.internal.SimulationRunner.PlanContext;
import org.dcplanner.consolidation.virtualization.OverheadParameters;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.dcplanner.consolidation.virtualization.VirtualizationOverheadModel;
import org.dcplanner.consolidation.virtualization.WorkloadProfile;

/**
 * One plan under FULL, PARAVIRTUAL and HARDWARE_ASSISTED: hosts needed (the planner's own time-series
 * first-fit-decreasing baseline, {@link BaselineHosts}, on the plan's sizing of each approach's host-side
 * demand, onto the plan's most used host model at the plan's target utilization, on the plan's resources —
 * plus the plan's HA reserve as spare hosts of that model, powered on and idle — for the plan's own approach on a
 * one-model pool this is the plan's reported baseline), energy of that estate,
 * delivered performance when the plan's own placement is replayed, and why: which resource's overhead drove
 * the host count and which cause cost the most performance.
 * Each approach's overhead is modeled even when the plan's sizing says the trace already includes one.
 * Cost: 3 x (sizing O(VMs x steps x window) + FFD + 2 replays); memory as the planner's sizing of the plan.
 */
final class ApproachComparison {
    private ApproachComparison() {}

    /** One approach's figures; overheadPercent = host-side ÷ guest demand − 1 per resource, in %. */
    record Outcome(
            VirtualizationApproach approach,
            int hostsNeeded,
            Metric bindingResource,
            Map<Metric, Double> overheadPercent,
            double energyKWhOnHostsNeeded,
            double meanPerformance,
            double minPerformance,
            int vmsEverThrottled,
            double slatahOnPlanPlacement,
            String performanceDriver,
            String reason) {}

    /**
     * @param countMethod  how hostsNeeded is counted: always FIRST_FIT_BASELINE (not the planner's search)
     * @param planApproach the plan's own approach, which the planner placed on planHosts hosts
     */
    record Comparison(
            String hostModel,
            double targetUtilization,
            int haReserveHosts,
            List<Outcome> approaches,
            String summary,
            String countMethod,
            VirtualizationApproach planApproach,
            int planHosts) {}

    static final String FIRST_FIT_BASELINE = "FIRST_FIT_BASELINE";

    static Comparison compare(PlanContext plan, VirtualizationOverheadModel model) {
        // the comparison is about the approaches' overheads: modeled even for a plan whose trace includes one
        PlanContext ctx = plan.withModeledOverhead();
        HostModel hostModel = mostUsedModel(ctx.hosts());
        List<Metric> resources = Arrays.stream(Metric.values())
                .filter(ctx.plan().resources()::contains)
                .toList();
        int spares = ctx.plan().haReserveHosts();
        List<Outcome> out = new ArrayList<>();
        for (VirtualizationApproach a : VirtualizationApproach.values()) {
            ReplayInput onPlan = ctx.input(model, a, false);
            BaselineHosts.Packing packing = BaselineHosts.timeSeriesFfd(
                    ctx.workload(),
                    resources,
                    ctx.plan().sizing(),
                    a,
                    model,
                    hostModel,
                    ctx.plan().targetUtilization());
            int hostsNeeded = packing.hosts() + spares;
            ReplayResult planned = Replay.run(onPlan);
            // the same VMs on the hosts first-fit needs, every VM under a
            ReplayResult needed = Replay.run(onPlan.toBuilder()
                    .approach(a, model)
                    .placement(Collections.nCopies(packing.hosts(), hostModel), packing.vmHost())
                    .record(false, false)
                    .migrations(List.of())
                    .vmApproach(null)
                    .build());
            Map<Metric, Double> overhead = overheadPercent(onPlan);
            String driver = performanceDriver(planned.summary(), model, a, onPlan.profiles());
            String reason = String.format(
                    Locale.ROOT,
                    "%s needs %s%s: %s binds (host-side %s +%.1f %% over guest demand; CPU +%.1f %%, memory +%.1f %%). "
                            + "Mean performance %.1f %%, mostly lost to %s.",
                    a,
                    hosts(hostsNeeded),
                    spares == 0 ? "" : " (" + spares + " of them spare for the HA reserve)",
                    packing.bindingResource(),
                    packing.bindingResource(),
                    overhead.get(packing.bindingResource()),
                    overhead.get(Metric.CPU),
                    overhead.get(Metric.MEMORY),
                    100 * planned.summary().meanPerformance(),
                    driver);
            for (String w : PlanWarnings.of(planned.summary(), ctx.plan().resources()))
                reason += " Warning: " + w + ".";
            reason += caveat(a, hostModel, ctx);
            // the replay counts hosts with VMs; a spare is powered on too, at its idle watts
            double spareKWh = spares * hostModel.powerWatts()[0] * onPlan.steps() * onPlan.stepSeconds() / 3.6e6;
            out.add(new Outcome(
                    a,
                    hostsNeeded,
                    packing.bindingResource(),
                    overhead,
                    needed.summary().energyKWh() + spareKWh,
                    planned.summary().meanPerformance(),
                    planned.summary().minPerformance(),
                    planned.summary().vmsEverThrottled(),
                    planned.summary().slatah(),
                    driver,
                    reason));
        }
        int planHosts = ctx.hosts().size();
        return new Comparison(
                hostModel.id(),
                ctx.plan().targetUtilization(),
                spares,
                out,
                summary(out, plan.plan().approach(), planHosts),
                FIRST_FIT_BASELINE,
                plan.plan().approach(),
                planHosts);
    }

    /** What the figures assume that the inventory says is not so. */
    private static String caveat(VirtualizationApproach a, HostModel host, PlanContext ctx) {
        if (a == VirtualizationApproach.HARDWARE_ASSISTED && !host.hardwareAssist()) {
            return " Caveat: host model " + host.id()
                    + " lacks hardware assist with nested paging; the figures assume it.";
        }
        if (a == VirtualizationApproach.PARAVIRTUAL) {
            long unmodified = ctx.workload().vms().stream()
                    .filter(vm -> !vm.paravirtCapable())
                    .count();
            if (unmodified > 0) {
                return " Caveat: " + unmodified
                        + " VMs run guests not modified for paravirtualization; the figures assume they were.";
            }
        }
        return "";
    }

    private static HostModel mostUsedModel(List<HostModel> hosts) {
        Map<String, Integer> count = new HashMap<>();
        HostModel best = hosts.get(0);
        for (HostModel h : hosts) {
            int c = count.merge(h.id(), 1, Integer::sum);
            if (c > count.get(best.id())) best = h;
        }
        return best;
    }

    /** Σ host-side ÷ Σ guest demand − 1 per resource, in percent (guest memory/IO as the model's fallbacks define them). */
    private static Map<Metric, Double> overheadPercent(ReplayInput in) {
        ReplayInput native_ = in.toBuilder()
                .approach(
                        VirtualizationApproach.PARAVIRTUAL,
                        new VirtualizationOverheadModel(noOverhead(in.model().parameters())))
                .record(false, false)
                .migrations(List.of())
                .vmApproach(null)
                .build();
        double[] guest = HostSideDemand.totals(native_);
        double[] host = HostSideDemand.totals(in);
        Map<Metric, Double> out = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            double g = guest[m.ordinal()];
            out.put(m, g > 0 ? 100 * (host[m.ordinal()] / g - 1) : 0.0);
        }
        return out;
    }

    /** The same parameters with paravirtual factors set to native (1, no memory overhead, full throughput). */
    private static OverheadParameters noOverhead(OverheadParameters p) {
        OverheadParameters.ApproachFactors none =
                new OverheadParameters.ApproachFactors(1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0);
        return new OverheadParameters(
                p.full(),
                none,
                p.hardwareAssisted(),
                p.hardwareAssistedNoNestedPaging(),
                p.nestedPaging(),
                0,
                p.nativeCpuMhzPerDiskKBps(),
                p.nativeCpuMhzPerNetworkKBps(),
                p.classes());
    }

    /**
     * The cause that cost the replay the most performance; for the approach's own overhead, which slowdown term
     * weighs most (averaged over VMs): CPU (privileged/MMU), disk or network throughput.
     */
    private static String performanceDriver(
            ReplayResult.Summary replayed,
            VirtualizationOverheadModel m,
            VirtualizationApproach a,
            WorkloadProfile[] profiles) {
        LossCause main = replayed.mainLoss();
        if (main != LossCause.VIRTUALIZATION_OVERHEAD) return main.label();
        return main.label() + " (" + overheadTerm(m, a, profiles) + ")";
    }

    private static String overheadTerm(
            VirtualizationOverheadModel m, VirtualizationApproach a, WorkloadProfile[] profiles) {
        double cpu = 0, disk = 0, net = 0;
        for (WorkloadProfile p : profiles) {
            cpu += p.cpuBoundShare() * (m.cpuFactor(a, p) - 1);
            disk += p.diskBoundShare() * (1 / m.diskThroughput(a, p) - 1);
            net += p.networkBoundShare() * (1 / m.networkThroughput(a, p) - 1);
        }
        if (cpu >= disk && cpu >= net) return "CPU overhead (privileged instructions and page-table work)";
        return disk >= net ? "disk I/O throughput (emulated or para-virtual block path)" : "network I/O throughput";
    }

    private static String summary(List<Outcome> out, VirtualizationApproach planApproach, int planHosts) {
        List<Outcome> byHosts = new ArrayList<>(out);
        byHosts.sort((x, y) -> x.hostsNeeded() != y.hostsNeeded()
                ? Integer.compare(x.hostsNeeded(), y.hostsNeeded())
                : Double.compare(y.meanPerformance(), x.meanPerformance()));
        StringBuilder b = new StringBuilder(String.format(
                Locale.ROOT,
                "The planner placed this plan (%s) on %s. The counts here are the first-fit-decreasing baseline for "
                        + "each approach, a simpler packing than the planner's, so they can be higher. Fewest first: ",
                planApproach,
                hosts(planHosts)));
        for (int i = 0; i < byHosts.size(); i++) {
            Outcome o = byHosts.get(i);
            if (i > 0) b.append(", ");
            b.append(String.format(
                    Locale.ROOT,
                    "%s %s / %.1f %% performance",
                    o.approach(),
                    hosts(o.hostsNeeded()),
                    100 * o.meanPerformance()));
        }
        Outcome worst = byHosts.get(byHosts.size() - 1);
        return b.append(String.format(
                        Locale.ROOT,
                        ". %s is last because its %s overhead is +%.1f %%.",
                        worst.approach(),
                        worst.bindingResource(),
                        worst.overheadPercent().get(worst.bindingResource())))
                .toString();
    }

    private static String hosts(int n) {
        return n + (n == 1 ? " host" : " hosts");
    }
}
