package org.dcplanner.consolidation.simulation.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.simulation.PowerCurve;
import org.dcplanner.consolidation.simulation.internal.ReplayResult.HostOutcome;
import org.dcplanner.consolidation.simulation.internal.ReplayResult.Summary;
import org.dcplanner.consolidation.simulation.internal.ReplayResult.VmOutcome;
import org.dcplanner.consolidation.virtualization.VirtualizationOverheadModel;

/**
 * Collects the replay's measurements in flat arrays: per host power, overload and utilization; per VM
 * a performance histogram (200 bins of 0.5 %, so p5 is exact to half a percent and exact when a VM's
 * performance never varies), min, mean and throttled steps.
 */
final class ReplayAccumulator {
    private static final int R = Metric.values().length;
    private static final int CPU = Metric.CPU.ordinal();
    private static final int BINS = 200;
    /** CloudSim's SLATAH counts time at 100 % CPU (a saturated host), tolerance for float sums. */
    private static final double SATURATED = 1 - 1e-6;
    /** An overload is demand above capacity, so that VMs get less than they ask; a plan may fill a host exactly. */
    private static final double OVER_CAPACITY = 1 + 1e-6;
    /** A VM delivering less than this share of what its approach allows was squeezed (tolerance for float sums). */
    private static final double SQUEEZED = 1 - 1e-6;

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
    private final int[] cpuSaturatedSteps;
    private final int[][] overloadStepsBy;
    private final double[] peakSumCpu;
    private final double[][] peakUtil;
    private final float[] vmPeakCpu;
    private final double[] vmMin;
    private final double[] vmMax;
    private final double[] vmSum;
    private final double[] vmApproachSum;
    private final double[][] vmLoss;
    private final int[] vmCount;
    private final int[] vmThrottled;
    private final int[] vmHist;
    private final float[][] vmPerf;
    private final double[] vmRequestedCpu;
    private final double[] vmLostCpu;
    private int migrations;
    private int hostShutdowns;
    private ReplayResult.Timeline timeline;

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
        cpuSaturatedSteps = new int[hosts];
        overloadStepsBy = new int[hosts][R];
        peakSumCpu = new double[hosts];
        peakUtil = new double[hosts][R];
        vmPeakCpu = new float[vms];
        vmMin = new double[vms];
        vmMax = new double[vms];
        java.util.Arrays.fill(vmMin, 1.0);
        vmSum = new double[vms];
        vmApproachSum = new double[vms];
        vmLoss = new double[LossCause.values().length][vms];
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

    void hostsShutDown(int count) {
        hostShutdowns += count;
    }

    void timeline(ReplayResult.Timeline t) {
        timeline = t;
    }

    void vmPeak(int v, float hostCpuPeak) {
        if (hostCpuPeak > vmPeakCpu[v]) vmPeakCpu[v] = hostCpuPeak;
    }

    /** Host h at steps [from, from+len): utilization, power, overload; fills grant[r][i] = share of demand served. */
    void hostSteps(int h, int from, int len, float[][] sums, float[][] grant) {
        double[] cap = capacity.get(h);
        int steps = in.steps();
        for (int i = 0; i < len; i++) {
            boolean overloaded = false;
            for (int r = 0; r < R; r++) {
                double u = cap[r] > 0 ? sums[r][i] / cap[r] : 0;
                if (hostUtil != null) hostUtil[r][h * steps + from + i] = (float) u;
                grant[r][i] = u > 1 ? (float) (1 / u) : 1f;
                if (u > peakUtil[h][r]) peakUtil[h][r] = u;
                if (u > OVER_CAPACITY) {
                    overloadStepsBy[h][r]++;
                    overloaded = true;
                }
            }
            if (overloaded) overloadSteps[h]++;
            double cpuU = cap[CPU] > 0 ? sums[CPU][i] / cap[CPU] : 0;
            double w = PowerCurve.watts(curves[h], cpuU);
            hostWh[h] += w * stepHours;
            itWatts[from + i] += (float) w;
            if (w > hostPeakWatts[h]) hostPeakWatts[h] = w;
            activeSteps[h]++;
            if (cpuU >= SATURATED) cpuSaturatedSteps[h]++;
            if (sums[CPU][i] > peakSumCpu[h]) peakSumCpu[h] = sums[CPU][i];
        }
    }

    /**
     * VM v at steps [from, from+len): delivered ÷ demanded performance under the host's grants, x 0.9
     * while it migrates (L3; {@code migratingShare} = the share of each step it migrates); the loss counts
     * towards PDM. The loss 1 − performance is attributed
     * in a fixed order: the approach's slowdown on an idle host, then CPU grant, disk/network grants,
     * memory grant, migration — each cause gets the drop its factor adds.
     */
    void vmSteps(
            int v,
            int from,
            int len,
            VmCosts k,
            float[][] grant,
            float[] cpu,
            float[][] disk,
            float[][] net,
            double migratingShare) {
        float a = k.cpuTerm[v], b = k.diskTerm[v], c = k.netTerm[v];
        double factor = 1 - (1 - Migration.DELIVERED_WHILE_MIGRATING) * migratingShare;
        double requested = 0;
        float[] d = disk == null ? null : disk[v];
        float[] n = net == null ? null : net[v];
        float[] gc = grant[CPU], gm = grant[Metric.MEMORY.ordinal()];
        float[] gd = grant[Metric.DISK.ordinal()], gn = grant[Metric.NETWORK.ordinal()];
        double min = vmMin[v], max = vmMax[v], sum = 0, approachSum = 0;
        double lossOverhead = 0, lossCpu = 0, lossIo = 0, lossMem = 0, lossMigration = 0;
        int count = 0, throttled = 0, hist = v * BINS;
        for (int i = 0; i < len; i++) {
            int t = from + i;
            if (cpu[t] <= 0f && (d == null || d[t] <= 0f) && (n == null || n[t] <= 0f)) continue;
            requested += cpu[t];
            double cpuTerm = a * VirtualizationOverheadModel.vcpuStretch(cpu[t], k.cpuCap[v]);
            double approach = 1 / (cpuTerm + b + c);
            double afterCpu = 1 / (cpuTerm / gc[i] + b + c);
            double afterIo = 1 / (cpuTerm / gc[i] + b / gd[i] + c / gn[i]);
            double afterMem = gm[i] * afterIo;
            double perf = factor * afterMem;
            lossOverhead += 1 - approach;
            lossCpu += approach - afterCpu;
            lossIo += afterCpu - afterIo;
            lossMem += afterIo - afterMem;
            lossMigration += afterMem - perf;
            approachSum += approach;
            if (vmPerf != null) vmPerf[v][t] = (float) perf;
            if (perf < min) min = perf;
            if (perf > max) max = perf;
            sum += perf;
            count++;
            if (afterMem < approach * SQUEEZED) throttled++;
            int bin = (int) (perf * BINS);
            vmHist[hist + (bin >= BINS ? BINS - 1 : bin)]++;
        }
        vmMin[v] = min;
        vmMax[v] = max;
        vmSum[v] += sum;
        vmApproachSum[v] += approachSum;
        vmLoss[LossCause.VIRTUALIZATION_OVERHEAD.ordinal()][v] += lossOverhead;
        vmLoss[LossCause.CPU_CAPACITY.ordinal()][v] += lossCpu;
        vmLoss[LossCause.IO_THROUGHPUT.ordinal()][v] += lossIo;
        vmLoss[LossCause.MEMORY_OVERCOMMIT.ordinal()][v] += lossMem;
        vmLoss[LossCause.MIGRATION.ordinal()][v] += lossMigration;
        vmCount[v] += count;
        vmThrottled[v] += throttled;
        vmRequestedCpu[v] += requested;
        if (migratingShare > 0) vmLostCpu[v] += (1 - factor) * requested;
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
        int[] overloadedBy = new int[R];
        double[] peakBy = new double[R];
        for (int h = 0; h < hosts; h++) {
            energyWh += hostWh[h];
            if (activeSteps[h] > 0) {
                active++;
                slatahSum += (double) cpuSaturatedSteps[h] / activeSteps[h];
            }
            if (overloadSteps[h] > 0) overloaded++;
            int most = 0;
            for (int r = 1; r < R; r++) if (peakUtil[h][r] > peakUtil[h][most]) most = r;
            Map<Metric, Integer> byResource = new EnumMap<>(Metric.class);
            for (int r = 0; r < R; r++) {
                byResource.put(Metric.values()[r], overloadStepsBy[h][r]);
                if (overloadStepsBy[h][r] > 0) overloadedBy[r]++;
                peakBy[r] = Math.max(peakBy[r], peakUtil[h][r]);
            }
            hostOut.add(new HostOutcome(
                    h,
                    in.hosts().get(h).id(),
                    vmsOnHost[h],
                    activeSteps[h],
                    overloadSteps[h],
                    byResource,
                    overloadSteps[h] * in.stepSeconds() / 60.0,
                    hostWh[h] / 1000,
                    activeSteps[h] > 0 ? hostWh[h] / (activeSteps[h] * stepHours) : 0,
                    hostPeakWatts[h],
                    peakUtil[h][CPU],
                    sumOfPeaks[h],
                    peakSumCpu[h],
                    Metric.values()[most]));
        }
        List<VmOutcome> vmOut = new ArrayList<>(vmHost.length);
        int throttledVms = 0, measured = 0;
        double perfSum = 0, approachSum = 0, minPerf = 1;
        double[] lossSum = new double[LossCause.values().length];
        for (int v = 0; v < vmHost.length; v++) {
            boolean any = vmCount[v] > 0;
            double mean = any ? vmSum[v] / vmCount[v] : 1;
            double approach = any ? vmApproachSum[v] / vmCount[v] : 1;
            double min = any ? vmMin[v] : 1;
            if (any) {
                measured++;
                perfSum += mean;
                approachSum += approach;
                minPerf = Math.min(minPerf, min);
                for (int cause = 0; cause < lossSum.length; cause++) lossSum[cause] += vmLoss[cause][v] / vmCount[v];
            }
            if (vmThrottled[v] > 0) throttledVms++;
            vmOut.add(new VmOutcome(
                    v,
                    vmHost[v],
                    min,
                    any ? p5(v, min, vmMax[v]) : 1,
                    mean,
                    approach,
                    vmCount[v],
                    vmThrottled[v],
                    vmPeakCpu[v]));
        }
        Map<LossCause, Double> loss = new EnumMap<>(LossCause.class);
        for (LossCause cause : LossCause.values())
            loss.put(cause, measured > 0 ? lossSum[cause.ordinal()] / measured : 0);
        Map<Metric, Integer> overloadedHostsBy = new EnumMap<>(Metric.class);
        Map<Metric, Double> peakUtilBy = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            overloadedHostsBy.put(m, overloadedBy[m.ordinal()]);
            peakUtilBy.put(m, peakBy[m.ordinal()]);
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
        // CloudSim's printed forms (Helper.printResults): time-weighted over all hosts, CPU-weighted over all VMs
        long saturated = 0, activeTime = 0;
        for (int h = 0; h < hosts; h++) {
            saturated += cpuSaturatedSteps[h];
            activeTime += activeSteps[h];
        }
        double lost = 0, requested = 0;
        for (int v = 0; v < vmHost.length; v++) {
            lost += vmLostCpu[v];
            requested += vmRequestedCpu[v];
        }
        Summary s = new Summary(
                energyWh / 1000,
                avgW / itWatts.length,
                peakW,
                slatah,
                pdm,
                slatah * pdm,
                throttledVms,
                measured > 0 ? perfSum / measured : 1,
                measured > 0 ? approachSum / measured : 1,
                minPerf,
                loss,
                active,
                overloaded,
                overloadedHostsBy,
                peakUtilBy,
                List.of(),
                migrations,
                hostShutdowns,
                activeTime > 0 ? (double) saturated / activeTime : 0,
                requested > 0 ? lost / requested : 0);
        return new ReplayResult(
                in.approach(), in.stepSeconds(), in.steps(), s, hostOut, vmOut, hostUtil, itWatts, vmPerf, timeline);
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
