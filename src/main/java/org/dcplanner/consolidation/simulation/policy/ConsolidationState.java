package org.dcplanner.consolidation.simulation.policy;

import java.util.Arrays;
import org.dcplanner.consolidation.inventory.HostModel;

/**
 * What an online policy sees at a decision step, and its scratch placement: per host the CPU (and
 * memory) load of the VMs on it, per VM its current host-side demand and a history of its CPU
 * demand (the last {@link #HISTORY} steps, newest first, as CloudSim's {@code PowerVm}). Moves are
 * tentative: the policy attaches and detaches VMs while it decides; the final state is the new placement.
 */
public final class ConsolidationState {
    /** Steps of VM CPU history kept (CloudSim PowerVm.HISTORY_LENGTH). */
    public static final int HISTORY = 30;

    private final HostModel[] models;
    private final double[] capacityMhz;
    private final double[] coreMhz;
    private final double[] memoryCapacityMib;
    private final int[] modelGroup;
    private final int modelGroups;
    private final double[][] curves;
    private final int stepSeconds;
    private final boolean checkMemory;
    private final int[] vcpus;
    private final double[] configuredMemoryMib;
    private final int[] vmHost;
    private final double[] demandMhz;
    private final double[] memoryMib;
    private final double[] hostMhz;
    private final double[] hostMemoryMib;
    private final int[][] members;
    private final int[] memberCount;
    private final float[] history;
    private int historySize;
    private int head;

    /**
     * @param hosts               one model per host slot
     * @param vcpus               per VM, virtual CPUs (a vCPU runs on at most one core)
     * @param configuredMemoryMib per VM, the memory a live migration copies
     * @param checkMemory         whether placement must keep host memory within capacity
     */
    public ConsolidationState(
            HostModel[] hosts, int[] vcpus, double[] configuredMemoryMib, int stepSeconds, boolean checkMemory) {
        int h = hosts.length, n = vcpus.length;
        this.models = hosts.clone();
        this.capacityMhz = new double[h];
        this.coreMhz = new double[h];
        this.memoryCapacityMib = new double[h];
        this.modelGroup = new int[h];
        this.curves = new double[h][];
        java.util.Map<HostModel, Integer> groups = new java.util.HashMap<>();
        for (int i = 0; i < h; i++) {
            curves[i] = hosts[i].powerWatts();
            capacityMhz[i] = hosts[i].cpuMhz();
            coreMhz[i] = hosts[i].coreMhz();
            memoryCapacityMib[i] = hosts[i].memoryMib();
            modelGroup[i] = groups.computeIfAbsent(hosts[i], k -> groups.size());
        }
        this.modelGroups = groups.size();
        this.stepSeconds = stepSeconds;
        this.checkMemory = checkMemory;
        this.vcpus = vcpus.clone();
        this.configuredMemoryMib = configuredMemoryMib.clone();
        this.vmHost = new int[n];
        Arrays.fill(vmHost, -1);
        this.demandMhz = new double[n];
        this.memoryMib = new double[n];
        this.hostMhz = new double[h];
        this.hostMemoryMib = new double[h];
        this.members = new int[h][4];
        this.memberCount = new int[h];
        this.history = new float[n * HISTORY];
    }

    /** Records step's demand (host-side CPU MHz, memory MiB per VM) and recomputes the host loads. */
    public void observe(float[] cpuMhz, float[] memMib) {
        head = (head + HISTORY - 1) % HISTORY;
        for (int v = 0; v < demandMhz.length; v++) {
            demandMhz[v] = cpuMhz[v];
            memoryMib[v] = memMib[v];
            history[v * HISTORY + head] = cpuMhz[v];
        }
        historySize = Math.min(HISTORY, historySize + 1);
        Arrays.fill(hostMhz, 0);
        Arrays.fill(hostMemoryMib, 0);
        for (int v = 0; v < vmHost.length; v++) {
            int h = vmHost[v];
            if (h < 0) continue;
            hostMhz[h] += demandMhz[v];
            hostMemoryMib[h] += memoryMib[v];
        }
    }

    /**
     * Reorders host h's VMs: those of {@code earlier} still on h first, in that order, then the others in
     * their arrival order — tentative detaches and re-attaches of a round leave the order as it was (as
     * CloudSim restores its allocation after deciding), which matters to selections that take the first of equals.
     */
    public void keepOrder(int h, int[] earlier) {
        int[] m = members[h];
        int n = memberCount[h];
        int[] out = new int[m.length];
        int k = 0;
        for (int v : earlier) if (vmHost[v] == h) out[k++] = v;
        for (int i = 0; i < n; i++) {
            int v = m[i];
            boolean seen = false;
            for (int j = 0; j < earlier.length && !seen; j++) seen = earlier[j] == v;
            if (!seen) out[k++] = v;
        }
        members[h] = out;
    }

    /** Puts VM v on host h (v must be detached). */
    public void attach(int v, int h) {
        vmHost[v] = h;
        hostMhz[h] += demandMhz[v];
        hostMemoryMib[h] += memoryMib[v];
        if (memberCount[h] == members[h].length) members[h] = Arrays.copyOf(members[h], members[h].length * 2);
        members[h][memberCount[h]++] = v;
    }

    /** Takes VM v off its host; returns that host (-1 when it had none). */
    public int detach(int v) {
        int h = vmHost[v];
        if (h < 0) return -1;
        vmHost[v] = -1;
        hostMhz[h] -= demandMhz[v];
        hostMemoryMib[h] -= memoryMib[v];
        if (memberCount[h] == 1) {
            hostMhz[h] = 0;
            hostMemoryMib[h] = 0;
        }
        int[] m = members[h];
        for (int i = 0; i < memberCount[h]; i++) {
            if (m[i] == v) {
                System.arraycopy(m, i + 1, m, i, memberCount[h] - i - 1);
                memberCount[h]--;
                break;
            }
        }
        return h;
    }

    /** Whether VM v fits on host h now: CPU (all and per vCPU) and, when checked, memory. */
    public boolean fits(int v, int h) {
        double d = demandMhz[v];
        if (hostMhz[h] + d > capacityMhz[h] * (1 + 1e-9)) return false;
        if (d / Math.max(1, vcpus[v]) > coreMhz[h] * (1 + 1e-9)) return false;
        return !checkMemory || hostMemoryMib[h] + memoryMib[v] <= memoryCapacityMib[h] * (1 + 1e-9);
    }

    /** Host h's CPU demand ÷ capacity, with VM {@code extra} added (-1: none). */
    public double utilization(int h, int extra) {
        return (hostMhz[h] + (extra >= 0 ? demandMhz[extra] : 0)) / capacityMhz[h];
    }

    /**
     * Host h's CPU utilization history, newest first, as the sum of its VMs' histories ÷ capacity (with VM
     * {@code extra} added, -1: none): a VM's history moves with it, as in CloudSim.
     */
    public double[] hostHistory(int h, int extra) {
        return hostHistory(h, extra, HISTORY);
    }

    /** The newest {@code maxLength} values of {@link #hostHistory(int, int)}. */
    public double[] hostHistory(int h, int extra, int maxLength) {
        double[] out = new double[Math.min(historySize, maxLength)];
        for (int i = 0; i < memberCount[h]; i++) addHistory(members[h][i], out);
        if (extra >= 0) addHistory(extra, out);
        for (int k = 0; k < out.length; k++) out[k] /= capacityMhz[h];
        return out;
    }

    private void addHistory(int v, double[] out) {
        int base = v * HISTORY;
        for (int k = 0; k < out.length; k++) out[k] += history[base + (head + k) % HISTORY];
    }

    /** VM v's CPU demand history in MHz, newest first. */
    public double[] vmHistory(int v) {
        double[] out = new double[historySize];
        addHistory(v, out);
        return out;
    }

    /** Seconds a live migration of VM v to host h lasts: configured RAM ÷ half the host's network (L1, CloudSim). */
    public double migrationSeconds(int v, int h) {
        double kbps = models[h].networkKBps();
        return kbps > 0 ? configuredMemoryMib[v] * 1024 / (0.5 * kbps) : 0;
    }

    /** The longest migration off host h (with VM {@code extra}, -1: none), in decision steps, rounded up. */
    public int maxMigrationSteps(int h, int extra) {
        double most = extra >= 0 ? migrationSeconds(extra, h) : 0;
        for (int i = 0; i < memberCount[h]; i++) most = Math.max(most, migrationSeconds(members[h][i], h));
        return (int) Math.ceil(most / stepSeconds);
    }

    /** Watts of host h at CPU utilization u (SPECpower curve, linear between the 10 % points). */
    public double watts(int h, double u) {
        double[] curve = curves[h];
        double x = Math.max(0, Math.min(1, u)) * 10;
        int i = (int) x;
        return i >= 10 ? curve[10] : curve[i] + (curve[i + 1] - curve[i]) * (x - i);
    }

    public int hostCount() {
        return capacityMhz.length;
    }

    public int vmCount() {
        return vmHost.length;
    }

    public int hostOf(int v) {
        return vmHost[v];
    }

    public int memberCount(int h) {
        return memberCount[h];
    }

    /** The VMs on host h, in the order they arrived. */
    public int[] members(int h) {
        return Arrays.copyOf(members[h], memberCount[h]);
    }

    public double demandMhz(int v) {
        return demandMhz[v];
    }

    public double configuredMemoryMib(int v) {
        return configuredMemoryMib[v];
    }

    /** Hosts with the same group number have the same model: empty ones are interchangeable. */
    public int modelGroup(int h) {
        return modelGroup[h];
    }

    public int modelGroups() {
        return modelGroups;
    }

    /** Steps of history recorded so far (at most {@link #HISTORY}). */
    public int historySize() {
        return historySize;
    }

    public int stepSeconds() {
        return stepSeconds;
    }

    /** The current (tentative) placement, per VM its host or -1. */
    public int[] placement() {
        return vmHost.clone();
    }
}
