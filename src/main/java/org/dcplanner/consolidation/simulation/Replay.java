package org.dcplanner.consolidation.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.simulation.SimEvent.EndOfTrace;
import org.dcplanner.consolidation.simulation.SimEvent.MigrationEnd;
import org.dcplanner.consolidation.simulation.SimEvent.MigrationStart;
import org.dcplanner.consolidation.simulation.SimEvent.PlaceVms;
import org.dcplanner.consolidation.simulation.SimEvent.Scheduled;

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

    /** A VM not placed, already moving or already on the target does not start a migration. */
    private void startMigration(int clock, MigrationStart m) {
        int v = m.vm();
        if (vmHost[v] < 0 || vmHost[v] == m.toHost() || migratingTo[v] >= 0) return;
        migratingTo[v] = m.toHost();
        acc.migrationStarted();
        int steps = Migration.durationSteps(in.configuredMemoryMib()[v], in.hosts().get(m.toHost()).networkKBps(),
                in.stepSeconds());
        schedule(clock + steps, new MigrationEnd(v, m.toHost()));
    }

    /** Replays steps [from, to) with the current placement. */
    private void advance(int from, int to) {
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
                acc.vmSteps(v, from, len, costs, grant, in.cpuMhz()[v], in.diskKBps(), in.networkKBps(),
                        migratingTo[v] >= 0);
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
