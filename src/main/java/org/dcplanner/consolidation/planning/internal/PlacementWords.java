package org.dcplanner.consolidation.planning.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;

/**
 * A VM's placement in words, from the sized problem and the placement alone: its configured size and sized peak,
 * its share of its host's busiest step, the host's headroom then, the rules that bind it, and the nearest other
 * active host with why it was not chosen (which resource at which step, or which rule). Host loads are summed once,
 * O(V x R x T); the nearest host per VM scans active hosts step by step, O(H x R x T) per VM, over at most
 * {@link #MAX_CANDIDATES} hosts (those with the most peak headroom when there are more).
 */
final class PlacementWords {
    static final int MAX_CANDIDATES = 64;
    private final PlanningProblem p;
    private final List<WorkloadVm> vms;
    private final int[] vmSlot;
    private final long stepSeconds;
    /** [slot][r][t] summed host-side demand; null for hosts without VMs. */
    private final double[][][] load;

    private final int[] activeSlots;
    private final List<String> affinityNames;

    /**
     * @param share       this VM's share of its host's load at the host's busiest step (0..1)
     * @param headroom    usable capacity minus load at that step, in the binding resource's unit
     * @param nearestSlot the nearest other active host, or -1 when there is none
     */
    record Words(
            String text, double share, double headroom, String headroomUnit, int nearestSlot, String nearestWhyNot) {}

    PlacementWords(PlanningProblem p, List<WorkloadVm> vms, int[] vmSlot, long stepSeconds) {
        this(p, vms, vmSlot, stepSeconds, List.of());
    }

    /** @param affinityNames the affinity groups' names by id, for the rules that bind a VM */
    PlacementWords(
            PlanningProblem p, List<WorkloadVm> vms, int[] vmSlot, long stepSeconds, List<String> affinityNames) {
        this.affinityNames = affinityNames;
        this.p = p;
        this.vms = vms;
        this.vmSlot = vmSlot;
        this.stepSeconds = stepSeconds;
        int resources = p.rows();
        load = new double[p.slots().size()][][];
        for (int v = 0; v < vmSlot.length; v++) {
            int s = vmSlot[v];
            if (s < 0) continue;
            if (load[s] == null) load[s] = new double[resources][p.steps()];
            for (int r = 0; r < resources; r++) {
                float[] d = p.demand()[r][v];
                double[] l = load[s][r];
                for (int t = 0; t < l.length; t++) l[t] += d[t];
            }
        }
        activeSlots = java.util.stream.IntStream.range(0, load.length)
                .filter(s -> load[s] != null)
                .toArray();
    }

    /** The words for VM v; bindingResource/bindingStep as the solver's explanation found them on v's host. */
    Words explain(int v, String bindingResource, int bindingStep) {
        WorkloadVm vm = vms.get(v);
        int slot = vmSlot[v];
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "%s is configured with %d vCPU, %,.0f MHz and %,.0f MiB; sized for this plan "
                        + "(host-side, after percentile, headroom and virtualization overhead) it peaks at %s.",
                vm.name(),
                vm.cores(),
                vm.cpuMhz(),
                vm.memoryMib(),
                peaks(v)));
        if (slot < 0) {
            b.append(" It has no host in this plan.");
            return new Words(b.toString(), 0, 0, null, -1, null);
        }
        int r = Math.max(0, bindingResource == null ? 0 : indexOf(bindingResource));
        int t = Math.max(0, Math.min(p.steps() - 1, bindingStep));
        String m = p.rowName(r);
        String unit = p.rowUnit(r);
        double cap = p.slots().get(slot).capacity()[r];
        double hostLoad = load[slot][r][t];
        double mine = p.demand()[r][v][t];
        double share = hostLoad > 0 ? mine / hostLoad : 0;
        double headroom = cap - hostLoad;
        b.append(String.format(
                Locale.ROOT,
                " Its host #%d (%s) is busiest on %s at step %d (%s): %,.0f of %,.0f %s usable "
                        + "(%.1f %%), of which this VM is %,.0f %s (%.1f %% of the host's load). Headroom then: %,.0f %s (%.1f %% "
                        + "of usable capacity).",
                slot,
                p.slots().get(slot).modelId(),
                m,
                t,
                offset(t),
                hostLoad,
                cap,
                unit,
                pct(hostLoad, cap),
                mine,
                unit,
                100 * share,
                headroom,
                unit,
                pct(headroom, cap)));
        List<String> rules = rules(v, slot);
        b.append(
                rules.isEmpty()
                        ? " No rule binds it beyond capacity."
                        : " Rules that bind it: " + String.join("; ", rules) + ".");
        int[] nearest = new int[] {-1};
        String whyNot = nearestOther(v, slot, nearest);
        b.append(' ').append(whyNot);
        return new Words(b.toString(), share, headroom, unit, nearest[0], whyNot);
    }

    private String peaks(int v) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < p.resources().size(); r++) {
            float[] d = p.demand()[r][v];
            double peak = 0;
            for (float x : d) peak = Math.max(peak, x);
            out.add(String.format(
                    Locale.ROOT,
                    "%,.0f %s %s",
                    peak,
                    p.resources().get(r).unit(),
                    p.resources().get(r)));
        }
        return String.join(" and ", out);
    }

    private List<String> rules(int v, int slot) {
        List<String> rules = new ArrayList<>();
        if (p.pinnedSlot()[v] >= 0) rules.add("the plan request pins it to host #" + p.pinnedSlot()[v]);
        int group = p.antiAffinityGroup() == null ? -1 : p.antiAffinityGroup()[v];
        if (group >= 0) {
            List<String> others = new ArrayList<>();
            for (int u = 0; u < vmSlot.length; u++) {
                if (u != v && p.antiAffinityGroup()[u] == group && vmSlot[u] >= 0) others.add("#" + vmSlot[u]);
            }
            rules.add("anti-affinity group '" + vms.get(v).antiAffinityGroup() + "': it may not share a host with its "
                    + others.size() + " other member" + (others.size() == 1 ? "" : "s")
                    + (others.isEmpty()
                            ? ""
                            : " (on hosts " + String.join(", ", others.subList(0, Math.min(8, others.size())))
                                    + (others.size() > 8 ? ", …" : "") + ")"));
        }
        if (p.approach() == org.dcplanner.consolidation.virtualization.VirtualizationApproach.HARDWARE_ASSISTED) {
            rules.add("hardware-assisted virtualization: only hosts with hardware assist");
        }
        for (var limit : p.limitRows()) {
            int r = p.resources().size() + p.limitRows().indexOf(limit);
            rules.add(String.format(
                    Locale.ROOT,
                    "%s limit: %,.0f %s on this host's limit of %,.0f",
                    limit,
                    load[slot][r][0],
                    limit.unit(),
                    p.slots().get(slot).capacity()[r]));
        }
        rules.addAll(RulesReport.bindingRules(p, affinityNames, v, slot));
        if (p.haReserveHosts() > 0) {
            rules.add("HA reserve of " + p.haReserveHosts() + " host" + (p.haReserveHosts() == 1 ? "" : "s")
                    + ": the VMs of any failed host must fit on the others");
        }
        return rules;
    }

    /** The rule that keeps VM v off slot s, or null. */
    private String ruleAgainst(int v, int s) {
        if (p.pinnedSlot()[v] >= 0 && p.pinnedSlot()[v] != s) return "the VM is pinned to host #" + p.pinnedSlot()[v];
        if (p.approach() == org.dcplanner.consolidation.virtualization.VirtualizationApproach.HARDWARE_ASSISTED
                && !p.slots().get(s).hardwareAssist()) {
            return "host model " + p.slots().get(s).modelId() + " has no hardware assist";
        }
        for (var rule : p.rules().hostRules()) {
            if (rule.kind().hard()
                    && rule.brokenOn(s)
                    && Arrays.stream(rule.vms()).anyMatch(x -> x == v)) {
                return "host rule '" + rule.name() + "' ("
                        + rule.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + " its host group) rules it out";
            }
        }
        if (p.rules().affinityGroup(v) >= 0) {
            return "its affinity group keeps it with its other members (the whole group would have to move)";
        }
        int group = p.antiAffinityGroup() == null ? -1 : p.antiAffinityGroup()[v];
        if (group >= 0) {
            for (int u = 0; u < vmSlot.length; u++) {
                if (u != v && vmSlot[u] == s && p.antiAffinityGroup()[u] == group) {
                    return vms.get(u).name() + " of its anti-affinity group '"
                            + vms.get(v).antiAffinityGroup() + "' runs there";
                }
            }
        }
        return null;
    }

    private String nearestOther(int v, int own, int[] nearestOut) {
        int[] candidates = Arrays.stream(activeSlots).filter(s -> s != own).toArray();
        if (candidates.length == 0) return "No other host is on in this plan; another would mean one host more.";
        if (candidates.length > MAX_CANDIDATES) candidates = mostHeadroom(candidates);
        int best = -1, bestR = 0, bestT = 0;
        double bestRatio = Double.POSITIVE_INFINITY;
        int blocked = -1;
        String blockedRule = null;
        double blockedRatio = Double.POSITIVE_INFINITY;
        for (int s : candidates) {
            int[] at = new int[2];
            double ratio = worstRatio(v, s, at);
            String rule = ruleAgainst(v, s);
            if (rule != null) {
                if (ratio < blockedRatio) {
                    blockedRatio = ratio;
                    blocked = s;
                    blockedRule = rule;
                }
            } else if (ratio < bestRatio) {
                bestRatio = ratio;
                best = s;
                bestR = at[0];
                bestT = at[1];
            }
        }
        StringBuilder b = new StringBuilder();
        if (best >= 0) {
            nearestOut[0] = best;
            String m = p.rowName(bestR);
            String unit = p.rowUnit(bestR);
            double cap = p.slots().get(best).capacity()[bestR];
            double with = load[best][bestR][bestT] + p.demand()[bestR][v][bestT];
            if (bestRatio > 1) {
                b.append(String.format(
                        Locale.ROOT,
                        "The nearest other host, #%d (%s), has no room: with this VM its %s "
                                + "would reach %,.0f of %,.0f %s usable at step %d (%s), %,.0f %s over.",
                        best,
                        p.slots().get(best).modelId(),
                        m,
                        with,
                        cap,
                        unit,
                        bestT,
                        offset(bestT),
                        with - cap,
                        unit));
            } else {
                b.append(String.format(
                        Locale.ROOT,
                        "Host #%d (%s) could also take it (its busiest step would reach "
                                + "%.1f %% of usable %s at step %d); the host count is the same either way, and the planner's "
                                + "second objective, even peak headroom across the hosts, settled it here.",
                        best,
                        p.slots().get(best).modelId(),
                        100 * bestRatio,
                        m,
                        bestT));
            }
        }
        if (blocked >= 0 && blockedRatio < bestRatio) {
            if (best < 0) nearestOut[0] = blocked;
            b.append(b.length() > 0 ? " " : "")
                    .append(String.format(
                            Locale.ROOT,
                            "Host #%d (%s) %s, but %s.",
                            blocked,
                            p.slots().get(blocked).modelId(),
                            blockedRatio <= 1 ? "has room" : "is closer",
                            blockedRule));
        }
        return b.toString();
    }

    /** max over resources and steps of (load + VM demand) / usable capacity on slot s; at = {r, t} of that maximum. */
    private double worstRatio(int v, int s, int[] at) {
        double worst = 0;
        for (int r = 0; r < p.rows(); r++) {
            double cap = Math.max(1e-9, p.slots().get(s).capacity()[r]);
            double[] l = load[s][r];
            float[] d = p.demand()[r][v];
            for (int t = 0; t < l.length; t++) {
                double u = (l[t] + d[t]) / cap;
                if (u > worst) {
                    worst = u;
                    at[0] = r;
                    at[1] = t;
                }
            }
        }
        return worst;
    }

    /** The MAX_CANDIDATES hosts whose busiest step leaves the most usable capacity (as a share, any resource). */
    private int[] mostHeadroom(int[] slots) {
        double[] peak = new double[load.length];
        for (int s : slots) {
            double worst = 0;
            for (int r = 0; r < p.rows(); r++) {
                double cap = Math.max(1e-9, p.slots().get(s).capacity()[r]);
                for (double x : load[s][r]) worst = Math.max(worst, x / cap);
            }
            peak[s] = worst;
        }
        return Arrays.stream(slots)
                .boxed()
                .sorted((a, c) -> Double.compare(peak[a], peak[c]))
                .limit(MAX_CANDIDATES)
                .mapToInt(Integer::intValue)
                .toArray();
    }

    private int indexOf(String resource) {
        for (int r = 0; r < p.rows(); r++) if (p.rowName(r).equals(resource)) return r;
        return -1;
    }

    private String offset(int t) {
        long s = (long) t * stepSeconds;
        return String.format(Locale.ROOT, "+%dh%02dm", s / 3600, (s % 3600) / 60);
    }

    private static double pct(double x, double of) {
        return of > 0 ? 100 * x / of : 0;
    }
}
