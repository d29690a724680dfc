package org.dcplanner.consolidation.simulation;

import java.util.ArrayList;
import java.util.List;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.simulation.ReplayResult.HostOutcome;
import org.dcplanner.consolidation.simulation.ReplayResult.Summary;
import org.dcplanner.consolidation.simulation.ReplayResult.VmOutcome;

/**
 * Collects the replay's measurements in flat arrays: per host power, overload and utilization; per VM
 * a performance histogram (200 bins of 0.5 %, so p5 is exact to half a percent and exact when a VM's
 * performance never varies), min, mean and throttled steps.
 */
final class ReplayAccumulator {
    private static final int R = Metric.values().length;
    private static final int CPU = Metric.CPU.ordinal();
    private static final int BINS = 200;
    private static final double OVERLOAD = 1 - 1e-6;

    private final ReplayInput in;
    private final List<double[]> capacity;
    private final double[][] curves;
    private final double stepHours;
    private final float[][] hostUtil;
    private final float[] itWatts;
    private final double[] hostWh;
    private final double[] hostPeakWatts;
    private final int[] activeSteps;
    private final int[] overloadSteps;
    private final double[] peakSumCpu;
    private final double[][] peakUtil;
    private final float[] vmPeakCpu;
    private final double[] vmMin;
    private final double[] vmMax;
    private final double[] vmSum;
    private final int[] vmCount;
    private final int[] vmThrottled;
    private final int[] vmHist;
    private final float[][] vmPerf;
    private final double[] vmRequestedCpu;
    private final double[] vmLostCpu;
    private int migrations;

    ReplayAccumulator(ReplayInput in) {
        this.in = in;
        int hosts = in.hosts().size();
        int vms = in.vmCount();
        capacity = Replay.capacities(in.hosts());
        curves = new double[hosts][];
        for (int h = 0; h < hosts; h++) curves[h] = in.hosts().get(h).powerWatts();
        stepHours = in.stepSeconds() / 3600.0;
        hostUtil = in.recordHostSeries() ? new float[R][hosts * in.steps()] : null;
        itWatts = new float[in.steps()];
        hostWh = new double[hosts];
        hostPeakWatts = new double[hosts];
        activeSteps = new int[hosts];
        overloadSteps = new int[hosts];
        peakSumCpu = new double[hosts];
        peakUtil = new double[hosts][R];
        vmPeakCpu = new float[vms];
        vmMin = new double[vms];
        vmMax = new double[vms];
        java.util.Arrays.fill(vmMin, 1.0);
        vmSum = new double[vms];
        vmCount = new int[vms];
        vmThrottled = new int[vms];
        vmHist = new int[vms * BINS];
        vmRequestedCpu = new double[vms];
        vmLostCpu = new double[vms];
        vmPerf = in.recordVmSeries() ? new float[vms][in.steps()] : null;
        if (vmPerf != null) for (float[] row : vmPerf) java.util.Arrays.fill(row, Float.NaN);
    }

    void migrationStarted() {
        migrations++;
    }

    void vmPeak(int v, float hostCpuPeak) {
        if (hostCpuPeak > vmPeakCpu[v]) vmPeakCpu[v] = hostCpuPeak;
    }

    /** Host h at steps [from, from+len): utilization, power, overload; fills grant[r][i] = share of demand served. */
    void hostSteps(int h, int from, int len, float[][] sums, float[][] grant) {
        double[] cap = capacity.get(h);
        int steps = in.steps();
        for (int i = 0; i < len; i++) {
            for (int r = 0; r < R; r++) {
                double u = cap[r] > 0 ? sums[r][i] / cap[r] : 0;
                if (hostUtil != null) hostUtil[r][h * steps + from + i] = (float) u;
                grant[r][i] = u > 1 ? (float) (1 / u) : 1f;
                if (u > peakUtil[h][r]) peakUtil[h][r] = u;
            }
            double cpuU = cap[CPU] > 0 ? sums[CPU][i] / cap[CPU] : 0;
            double w = PowerCurve.watts(curves[h], cpuU);
            hostWh[h] += w * stepHours;
            itWatts[from + i] += (float) w;
            if (w > hostPeakWatts[h]) hostPeakWatts[h] = w;
            activeSteps[h]++;
            if (cpuU >= OVERLOAD) overloadSteps[h]++;
            if (sums[CPU][i] > peakSumCpu[h]) peakSumCpu[h] = sums[CPU][i];
        }
    }

    /**
     * VM v at steps [from, from+len): delivered ÷ demanded performance under the host's grants, x 0.9
     * while it migrates (L3); the 10 % lost counts towards PDM.
     */
    void vmSteps(int v, int from, int len, VmCosts k, float[][] grant, float[] cpu, float[][] disk, float[][] net,
                 boolean migrating) {
        float a = k.cpuTerm[v], b = k.diskTerm[v], c = k.netTerm[v];
        double factor = migrating ? Migration.DELIVERED_WHILE_MIGRATING : 1.0;
        double requested = 0;
        float[] d = disk == null ? null : disk[v];
        float[] n = net == null ? null : net[v];
        float[] gc = grant[CPU], gm = grant[Metric.MEMORY.ordinal()];
        float[] gd = grant[Metric.DISK.ordinal()], gn = grant[Metric.NETWORK.ordinal()];
        double min = vmMin[v], max = vmMax[v], sum = 0;
        int count = 0, throttled = 0, hist = v * BINS;
        for (int i = 0; i < len; i++) {
            int t = from + i;
            if (cpu[t] <= 0f && (d == null || d[t] <= 0f) && (n == null || n[t] <= 0f)) continue;
            requested += cpu[t];
            double stretch = VirtualizationOverheadModel.vcpuStretch(cpu[t], k.cpuCap[v]);
            double perf = factor * gm[i] / (a * stretch / gc[i] + b / gd[i] + c / gn[i]);
            if (vmPerf != null) vmPerf[v][t] = (float) perf;
            if (perf < min) min = perf;
            if (perf > max) max = perf;
            sum += perf;
            count++;
            if (perf < factor / (a * stretch + b + c) * OVERLOAD) throttled++;
            int bin = (int) (perf * BINS);
            vmHist[hist + (bin >= BINS ? BINS - 1 : bin)]++;
        }
        vmMin[v] = min;
        vmMax[v] = max;
        vmSum[v] += sum;
        vmCount[v] += count;
        vmThrottled[v] += throttled;
        vmRequestedCpu[v] += requested;
        if (migrating) vmLostCpu[v] += (1 - factor) * requested;
    }

    ReplayResult result(int[] vmHost) {
        int hosts = in.hosts().size();
        int[] vmsOnHost = new int[hosts];
        double[] sumOfPeaks = new double[hosts];
        for (int v = 0; v < vmHost.length; v++) {
            if (vmHost[v] < 0) continue;
            vmsOnHost[vmHost[v]]++;
            sumOfPeaks[vmHost[v]] += vmPeakCpu[v];
        }
        List<HostOutcome> hostOut = new ArrayList<>(hosts);
        double energyWh = 0, slatahSum = 0;
        int active = 0, overloaded = 0;
        for (int h = 0; h < hosts; h++) {
            energyWh += hostWh[h];
            if (activeSteps[h] > 0) {
                active++;
                slatahSum += (double) overloadSteps[h] / activeSteps[h];
            }
            if (overloadSteps[h] > 0) overloaded++;
            int most = 0;
            for (int r = 1; r < R; r++) if (peakUtil[h][r] > peakUtil[h][most]) most = r;
            hostOut.add(new HostOutcome(h, in.hosts().get(h).id(), vmsOnHost[h], activeSteps[h], overloadSteps[h],
                    overloadSteps[h] * in.stepSeconds() / 60.0, hostWh[h] / 1000,
                    activeSteps[h] > 0 ? hostWh[h] / (activeSteps[h] * stepHours) : 0, hostPeakWatts[h],
                    peakUtil[h][CPU], sumOfPeaks[h], peakSumCpu[h], Metric.values()[most]));
        }
        List<VmOutcome> vmOut = new ArrayList<>(vmHost.length);
        int throttledVms = 0, belowFull = 0, measured = 0;
        double perfSum = 0, minPerf = 1;
        for (int v = 0; v < vmHost.length; v++) {
            boolean any = vmCount[v] > 0;
            double mean = any ? vmSum[v] / vmCount[v] : 1;
            double min = any ? vmMin[v] : 1;
            if (any) {
                measured++;
                perfSum += mean;
                minPerf = Math.min(minPerf, min);
            }
            if (vmThrottled[v] > 0) throttledVms++;
            if (min < OVERLOAD) belowFull++;
            vmOut.add(new VmOutcome(v, vmHost[v], min, any ? p5(v, min, vmMax[v]) : 1, mean, vmCount[v],
                    vmThrottled[v], vmPeakCpu[v]));
        }
        double avgW = 0, peakW = 0;
        for (float w : itWatts) {
            avgW += w;
            peakW = Math.max(peakW, w);
        }
        double slatah = active > 0 ? slatahSum / active : 0;
        double pdmSum = 0;
        int requesting = 0;
        for (int v = 0; v < vmHost.length; v++) {
            if (vmRequestedCpu[v] <= 0) continue;
            requesting++;
            pdmSum += vmLostCpu[v] / vmRequestedCpu[v];
        }
        double pdm = requesting > 0 ? pdmSum / requesting : 0;
        Summary s = new Summary(energyWh / 1000, avgW / itWatts.length, peakW, slatah, pdm, slatah * pdm,
                throttledVms, belowFull, measured > 0 ? perfSum / measured : 1, minPerf, active, overloaded, migrations);
        return new ReplayResult(in.approach(), in.stepSeconds(), in.steps(), s, hostOut, vmOut, hostUtil, itWatts, vmPerf);
    }

    /** 5th percentile from the VM's histogram: the bin's midpoint, clamped to the observed [min, max]. */
    private double p5(int v, double min, double max) {
        int rank = (int) Math.ceil(0.05 * vmCount[v]);
        int cum = 0;
        for (int b = 0; b < BINS; b++) {
            cum += vmHist[v * BINS + b];
            if (cum >= rank) return Math.max(min, Math.min(max, (b + 0.5) / BINS));
        }
        return max;
    }
}
