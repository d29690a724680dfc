package org.dcplanner.consolidation.simulation.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.simulation.internal.SimEvent.EndOfTrace;
import org.dcplanner.consolidation.simulation.internal.SimEvent.MigrationEnd;
import org.dcplanner.consolidation.simulation.internal.SimEvent.MigrationStart;
import org.dcplanner.consolidation.simulation.internal.SimEvent.PlaceVms;
import org.dcplanner.consolidation.simulation.internal.SimEvent.Scheduled;
import org.dcplanner.consolidation.simulation.policy.ConsolidationState;
import org.dcplanner.consolidation.simulation.policy.DynamicConsolidation;
import org.dcplanner.consolidation.simulation.policy.Move;
import org.dcplanner.consolidation.simulation.policy.OverloadDetection;
import org.dcplanner.consolidation.simulation.policy.PowerAwareBestFit;
import org.dcplanner.consolidation.simulation.policy.VmPlacement;

/**
 * The execution engine: an event loop over (step, sequence). Between two events the placement is
 * fixed, so the grid steps in between are replayed host by host (steps innermost: flat float arrays,
 * no per-step objects). On each host and step the VMs' host-side demands (overhead model) are added;
 * when a resource is saturated every VM gets the same fraction capacity ÷ demand of what it needs
 * (proportional share, as a time-shared hypervisor scheduler gives), and a VM's delivered
 * performance is 1 ÷ (cpuTerm ÷ g_cpu + diskTerm ÷ g_disk + netTerm ÷ g_net) x g_mem
 * (memory overcommit slows everything by the missing share — a simple swapping rule [E]).
 * Steps in which a VM demands nothing do not count towards its performance. Power: an empty host is
 * off (0 W), an occupied host draws its SPECpower curve at its CPU utilization (idle power at 0 %);
 * energy = Σ watts x step length. Deterministic: no clock, no randomness, fixed iteration order.
 * Cost: O(VMs x steps + hosts x steps) time, O(hosts x steps x 4) memory when host series are recorded.
 * Live migrations ({@link Migration}) are MigrationStart/MigrationEnd events: while moving, a VM runs on
 * its source at 90 % and its destination reserves 10 % of its CPU; PDM = mean over VMs of the CPU lost
 * to migration ÷ the CPU requested (Beloglazov & Buyya 2012, as in CloudSim).
 * One instance per run.
 */
public final class Replay {
    private static final int R = Metric.values().length;
    private final ReplayInput in;
    private final VmCosts costs;
    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>();
    private final ReplayAccumulator acc;
    private long seq;
    private int[] vmHost;
    private final int[] migratingTo;

    private Replay(ReplayInput in) {
        this.in = in;
        this.costs = new VmCosts(in);
        this.acc = new ReplayAccumulator(in);
        this.migratingTo = new int[in.vmCount()];
        Arrays.fill(migratingTo, -1);
    }

    /**
     * Replays the input with an online policy deciding at the end of every step, from what it has seen up
     * to then, which VMs migrate; they run on their new host from the next step (a migration of a few seconds
     * to a minute is short next to a step; its L3 loss is charged for its share of that step). The input's
     * own migrations are not used.
     */
    public static ReplayResult run(ReplayInput in, OnlinePolicy policy) {
        return new Replay(in).online(policy);
    }

    /** Replays the input's placement over its whole grid. */
    public static ReplayResult run(ReplayInput in) {
        Replay r = new Replay(in);
        r.schedule(0, new PlaceVms(in.vmHost()));
        for (Migration m : in.migrations()) r.schedule(m.atStep(), new MigrationStart(m.vm(), m.toHost()));
        r.schedule(in.steps(), new EndOfTrace());
        return r.loop();
    }

    private void schedule(int atStep, SimEvent event) {
        queue.add(new Scheduled(atStep, seq++, event));
    }

    private ReplayResult loop() {
        int clock = 0;
        while (!queue.isEmpty()) {
            Scheduled next = queue.poll();
            if (vmHost != null && next.atStep() > clock) advance(clock, next.atStep());
            clock = next.atStep();
            SimEvent event = next.event();
            if (event instanceof PlaceVms p) {
                vmHost = p.vmHost().clone();
            } else if (event instanceof MigrationStart m) {
                startMigration(clock, m);
            } else if (event instanceof MigrationEnd m) {
                vmHost[m.vm()] = m.toHost();
                migratingTo[m.vm()] = -1;
            } else if (event instanceof EndOfTrace) {
                queue.clear();
            }
        }
        return acc.result(vmHost);
    }

    private ReplayResult online(OnlinePolicy p) {
        int n = in.vmCount(), hosts = in.hosts().size(), steps = in.steps();
        OverloadDetection detection = p.spec().detector();
        VmPlacement placement = new PowerAwareBestFit(detection, p.chargeSwitchOn());
        DynamicConsolidation policy =
                new DynamicConsolidation(detection, p.spec().selector(), placement, p.consolidatable());
        ConsolidationState state = new ConsolidationState(
                in.hosts().toArray(new HostModel[0]),
                in.vcpus(),
                in.configuredMemoryMib(),
                in.stepSeconds(),
                p.checkMemory());
        float[] cpu = new float[n], mem = new float[n];
        demand(0, cpu, mem);
        state.observe(cpu, mem);
        if (p.startPabfd()) {
            startBestFitDecreasing(state, placement);
        } else {
            for (int v = 0; v < n; v++) if (in.vmHost()[v] >= 0) state.attach(v, in.vmHost()[v]);
        }
        vmHost = state.placement();
        double[] migrating = new double[n];
        int[] active = new int[steps], moved = new int[steps];
        int[] count = new int[hosts];
        for (int t = 0; t < steps; t++) {
            advance(t, t + 1, migrating);
            Arrays.fill(migrating, 0);
            Arrays.fill(count, 0);
            for (int h : vmHost) if (h >= 0) count[h]++;
            for (int c : count) if (c > 0) active[t]++;
            if (t + 1 == steps) break;
            if (t > 0) {
                demand(t, cpu, mem);
                state.observe(cpu, mem);
            }
            for (Move m : policy.decide(state)) {
                vmHost[m.vm()] = m.toHost();
                double seconds = state.migrationSeconds(m.vm(), m.toHost());
                migrating[m.vm()] = Math.min(1, seconds / in.stepSeconds());
                acc.migrationStarted();
                moved[t]++;
            }
            int[] after = new int[hosts];
            for (int h : vmHost) if (h >= 0) after[h]++;
            int off = 0;
            for (int h = 0; h < hosts; h++) if (count[h] > 0 && after[h] == 0) off++;
            acc.hostsShutDown(off);
        }
        acc.timeline(new ReplayResult.Timeline(active, moved));
        return acc.result(vmHost);
    }

    /** PABFD start: every VM, busiest first on the first sample, onto the placement's host. */
    private void startBestFitDecreasing(ConsolidationState state, VmPlacement placement) {
        Integer[] order = new Integer[in.vmCount()];
        for (int v = 0; v < order.length; v++) order[v] = v;
        Arrays.sort(order, (a, b) -> Double.compare(state.demandMhz(b), state.demandMhz(a)));
        for (int v : order) {
            int h = placement.hostFor(state, v, null);
            if (h < 0) {
                throw new IllegalArgumentException(
                        "the host pool is too small to start: VM " + v + " fits no host at the first step");
            }
            state.attach(v, h);
        }
    }

    /** Host-side CPU MHz and memory MiB of every VM at step t (the overhead model's demand, as replayed). */
    private void demand(int t, float[] cpuOut, float[] memOut) {
        float[][] disk = in.diskKBps(), net = in.networkKBps(), mem = in.memoryMib();
        for (int v = 0; v < cpuOut.length; v++) {
            float c = in.cpuMhz()[v][t];
            float d = disk == null ? 0f : disk[v][t], nw = net == null ? 0f : net[v][t];
            cpuOut[v] = costs.hostCpu(v, c, d, nw);
            memOut[v] = mem == null ? costs.memConst[v] : mem[v][t] * costs.memKept[v] + costs.memConst[v];
        }
    }

    /** A VM not placed, already moving or already on the target does not start a migration. */
    private void startMigration(int clock, MigrationStart m) {
        int v = m.vm();
        if (vmHost[v] < 0 || vmHost[v] == m.toHost() || migratingTo[v] >= 0) return;
        migratingTo[v] = m.toHost();
        acc.migrationStarted();
        int steps = Migration.durationSteps(
                in.configuredMemoryMib()[v], in.hosts().get(m.toHost()).networkKBps(), in.stepSeconds());
        schedule(clock + steps, new MigrationEnd(v, m.toHost()));
    }

    /** Replays steps [from, to) with the current placement and the scheduled migrations. */
    private void advance(int from, int to) {
        advance(from, to, null);
    }

    /**
     * Replays steps [from, to) with the current placement; {@code migratingShare} (null: the scheduled
     * migrations' whole steps) gives per VM the share of each step it spends migrating.
     */
    private void advance(int from, int to, double[] migratingShare) {
        int len = to - from;
        int[][] members = byHost(vmHost);
        int[][] inbound = byHost(migratingTo);
        float[][] sums = new float[R][len];
        float[][] grant = new float[R][len];
        for (int h = 0; h < members.length; h++) {
            if (members[h].length == 0 && inbound[h].length == 0) continue;
            for (float[] s : sums) Arrays.fill(s, 0f);
            for (int v : members[h]) addHostDemand(v, from, len, sums);
            for (int v : inbound[h]) reserveInbound(v, from, len, sums[Metric.CPU.ordinal()]);
            acc.hostSteps(h, from, len, sums, grant);
            for (int v : members[h]) {
                double share = migratingShare != null ? migratingShare[v] : migratingTo[v] >= 0 ? 1 : 0;
                acc.vmSteps(v, from, len, costs, grant, in.cpuMhz()[v], in.diskKBps(), in.networkKBps(), share);
            }
        }
    }

    /** Per host, the VMs whose entry in {@code hostOfVm} is that host. */
    private int[][] byHost(int[] hostOfVm) {
        int hosts = in.hosts().size();
        int[] count = new int[hosts];
        for (int h : hostOfVm) if (h >= 0) count[h]++;
        int[][] members = new int[hosts][];
        for (int h = 0; h < hosts; h++) members[h] = new int[count[h]];
        Arrays.fill(count, 0);
        for (int v = 0; v < hostOfVm.length; v++) {
            int h = hostOfVm[v];
            if (h >= 0) members[h][count[h]++] = v;
        }
        return members;
    }

    /** L4: the destination reserves a share of the inbound VM's host-side CPU. */
    private void reserveInbound(int v, int from, int len, float[] cpuSum) {
        float[] cpu = in.cpuMhz()[v];
        float[] disk = in.diskKBps() == null ? null : in.diskKBps()[v];
        float[] net = in.networkKBps() == null ? null : in.networkKBps()[v];
        float share = (float) Migration.DESTINATION_RESERVE;
        for (int i = 0; i < len; i++) {
            int t = from + i;
            float hc = costs.hostCpu(v, cpu[t], disk == null ? 0f : disk[t], net == null ? 0f : net[t]);
            cpuSum[i] += share * hc;
        }
    }

    /** Adds VM v's host-side demand for steps [from, from+len) to the host sums; tracks the VM's CPU peak. */
    private void addHostDemand(int v, int from, int len, float[][] sums) {
        float[] cpu = in.cpuMhz()[v];
        float[] disk = in.diskKBps() == null ? null : in.diskKBps()[v];
        float[] net = in.networkKBps() == null ? null : in.networkKBps()[v];
        float[] mem = in.memoryMib() == null ? null : in.memoryMib()[v];
        float dpc = costs.diskPerCpu[v], npc = costs.netPerCpu[v], keep = costs.memKept[v], memC = costs.memConst[v];
        float[] sc = sums[Metric.CPU.ordinal()], sm = sums[Metric.MEMORY.ordinal()];
        float[] sd = sums[Metric.DISK.ordinal()], sn = sums[Metric.NETWORK.ordinal()];
        float peak = 0f;
        for (int i = 0; i < len; i++) {
            int t = from + i;
            float c = cpu[t];
            float d = disk == null ? c * dpc : disk[t];
            float nw = net == null ? c * npc : net[t];
            float hc = costs.hostCpu(v, c, disk == null ? 0f : d, net == null ? 0f : nw);
            sc[i] += hc;
            sm[i] += mem == null ? memC : mem[t] * keep + memC;
            sd[i] += d;
            sn[i] += nw;
            if (hc > peak) peak = hc;
        }
        acc.vmPeak(v, peak);
    }

    /** Capacity per resource of a host model, indexed by {@code Metric.ordinal()}. */
    static double[] capacity(HostModel m) {
        double[] c = new double[R];
        c[Metric.CPU.ordinal()] = m.cpuMhz();
        c[Metric.MEMORY.ordinal()] = m.memoryMib();
        c[Metric.DISK.ordinal()] = m.diskKBps();
        c[Metric.NETWORK.ordinal()] = m.networkKBps();
        return c;
    }

    static List<double[]> capacities(List<HostModel> hosts) {
        List<double[]> out = new ArrayList<>(hosts.size());
        for (HostModel m : hosts) out.add(capacity(m));
        return out;
    }
}
