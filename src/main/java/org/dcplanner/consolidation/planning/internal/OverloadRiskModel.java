package org.dcplanner.consolidation.planning.internal;

import java.util.List;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.TimeGrid;
import org.dcplanner.consolidation.virtualization.OverheadModel;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;

/**
 * The statistical model behind risk-targeted sizing ({@code sizing.overloadRiskPercent}) and every plan's
 * out-of-sample risk estimate. Per resource, VM and step it holds the mean and standard deviation of the VM's
 * host-side demand over its <em>scenario samples</em> — the samples that stand for that step on an unseen day:
 * with two or more days of history, every day's samples within the hour around the same time of day (the plan is
 * then one typical day); with less, the samples of the hour around the step. Per resource it holds one
 * correlation: the average pairwise correlation of the VMs' deviations from their scenario means.
 * <p>
 * On top of that, a <em>level shift</em>: an unseen day may run every VM at another level than the history (PlanetLab
 * 20110303 carries 6 % more load than 20110306). Per VM its standard deviation σL is the spread of the VM's mean over
 * the history's blocks — whole days with two or more days of history (that spread is then taken out of the scenario
 * deviations, which already hold it), else blocks of six hours (the hour-window scenarios cannot see it at all) — and
 * per resource one correlation ρL of the VMs' block means, from which most of a host's shift comes.
 * <p>
 * A host's load at a step is modelled with mean M = Σμ and variance (1 − ρ)Σσ² + ρ(Σσ)² + (1 − ρL)ΣσL² + ρL(ΣσL)²
 * (equal pairwise correlations) and a heavy tail: P(over) = P(T > (C − M) / sd), T a unit-variance Student t with 5 degrees of
 * freedom. {@link #packingDemand} turns the joint condition M + z·sd ≤ C into the solver's additive per-step ledger
 * (see there); {@link #estimatePercent} evaluates a placement with the exact joint formula.
 */
public final class OverloadRiskModel {
    static final int SECONDS_PER_DAY = 86_400;
    static final int SECONDS_PER_HOUR = 3_600;
    /** Level-shift blocks under two days of history: a quarter of a day, well past the hour-window scenarios. */
    static final int LEVEL_BLOCK_SECONDS = 6 * SECONDS_PER_HOUR;
    /**
     * Tail of the standardized host load: Student t with 5 degrees of freedom (default, calibrated on PlanetLab
     * 20110303 -> 20110306); {@code -Drisk.tail=normal} or {@code t3} for calibration runs only.
     */
    static final String TAIL = System.getProperty("risk.tail", "t5");

    /** [r][vm][k] host-side mean and standard deviation per scenario step. */
    private final float[][][] mean;

    private final float[][][] std;
    private final double[] correlation;
    /** [r][vm][k] host-side standard deviation of the VM's level shift. */
    private final float[][][] levelStd;

    private final double[] levelCorrelation;
    private final int steps;
    private final boolean folded;
    private final int windowSteps;
    private final int days;

    private OverloadRiskModel(
            float[][][] mean,
            float[][][] std,
            double[] correlation,
            float[][][] levelStd,
            double[] levelCorrelation,
            int steps,
            boolean folded,
            int windowSteps,
            int days) {
        this.mean = mean;
        this.std = std;
        this.correlation = correlation;
        this.levelStd = levelStd;
        this.levelCorrelation = levelCorrelation;
        this.steps = steps;
        this.folded = folded;
        this.windowSteps = windowSteps;
        this.days = days;
    }

    /** One hour of the grid's steps (at least 1). */
    static int hourSteps(int stepSeconds) {
        return Math.max(1, (int) Math.round(SECONDS_PER_HOUR / (double) stepSeconds));
    }

    /** Whether the grid can be folded into days and has at least two of them. */
    static boolean foldsIntoDays(TimeGrid grid) {
        return SECONDS_PER_DAY % grid.stepSeconds() == 0
                && (long) grid.steps() * grid.stepSeconds() >= 2L * SECONDS_PER_DAY;
    }

    /** Builds the model from the workload's stored series, every VM under one approach. */
    public static OverloadRiskModel of(
            LoadedWorkload workload,
            List<Metric> resources,
            double headroomPercent,
            VirtualizationApproach approach,
            OverheadModel overhead) {
        return of(workload, resources, headroomPercent, DemandSizer.everyVm(workload, approach), overhead);
    }

    /** Builds the model from the workload's stored series; {@code headroomPercent} scales means and deviations. */
    public static OverloadRiskModel of(
            LoadedWorkload workload,
            List<Metric> resources,
            double headroomPercent,
            VirtualizationApproach[] approach,
            OverheadModel overhead) {
        TimeGrid grid = workload.grid();
        boolean fold = foldsIntoDays(grid);
        int window = hourSteps(grid.stepSeconds());
        int outSteps = fold ? SECONDS_PER_DAY / grid.stepSeconds() : grid.steps();
        int[] stepOf = stepMap(grid, fold);
        Metric[] metrics = Metric.values();
        float[][][] vmMean = new float[metrics.length][][];
        float[][][] vmUpper = new float[metrics.length][][];
        float[][][] vmLevelUpper = new float[metrics.length][][];
        double[] corrByMetric = new double[metrics.length];
        double[] levelCorrByMetric = new double[metrics.length];
        int blockSteps = Math.max(1, (fold ? SECONDS_PER_DAY : LEVEL_BLOCK_SECONDS) / grid.stepSeconds());
        double factor = 1 + headroomPercent / 100;
        for (Metric m : metrics) {
            float[][] series = workload.series().get(m);
            if (series == null) continue;
            float[][] mu = new float[series.length][outSteps];
            float[][] sd = new float[series.length][outSteps];
            for (int vm = 0; vm < series.length; vm++) {
                scenarioStats(series[vm], stepOf, outSteps, fold, window, mu[vm], sd[vm]);
            }
            corrByMetric[m.ordinal()] = deviationCorrelation(series, stepOf, mu);
            float[][] blocks = blockMeans(series, blockSteps);
            double[] level = new double[series.length];
            for (int vm = 0; vm < series.length; vm++) level[vm] = populationStd(blocks[vm]);
            levelCorrByMetric[m.ordinal()] = blocks.length == 0 || blocks[0].length < 2
                    ? 0
                    : deviationCorrelation(blocks, new int[blocks[0].length], new float[series.length][1]);
            float[][] upper = new float[series.length][outSteps];
            float[][] levelUpper = new float[series.length][outSteps];
            for (int vm = 0; vm < series.length; vm++) {
                for (int k = 0; k < outSteps; k++) {
                    // folded: the day-to-day level spread is part of the scenario spread; keep only the rest
                    double fast = fold
                            ? Math.sqrt(Math.max(0, (double) sd[vm][k] * sd[vm][k] - level[vm] * level[vm]))
                            : sd[vm][k];
                    mu[vm][k] = (float) (mu[vm][k] * factor);
                    upper[vm][k] = (float) (mu[vm][k] + fast * factor);
                    levelUpper[vm][k] = (float) (mu[vm][k] + level[vm] * factor);
                }
            }
            vmMean[m.ordinal()] = mu;
            vmUpper[m.ordinal()] = upper;
            vmLevelUpper[m.ordinal()] = levelUpper;
        }
        float[][][] hostMean = DemandSizer.hostSide(workload.vms(), vmMean, resources, outSteps, approach, overhead);
        float[][][] hostStd = DemandSizer.hostSide(workload.vms(), vmUpper, resources, outSteps, approach, overhead);
        float[][][] hostLevel =
                DemandSizer.hostSide(workload.vms(), vmLevelUpper, resources, outSteps, approach, overhead);
        double[] corr = new double[resources.size()];
        double[] levelCorr = new double[resources.size()];
        for (int r = 0; r < resources.size(); r++) {
            corr[r] = corrByMetric[resources.get(r).ordinal()];
            levelCorr[r] = levelCorrByMetric[resources.get(r).ordinal()];
            for (int vm = 0; vm < hostStd[r].length; vm++) {
                for (int k = 0; k < outSteps; k++) {
                    hostStd[r][vm][k] = Math.max(0, hostStd[r][vm][k] - hostMean[r][vm][k]);
                    hostLevel[r][vm][k] = Math.max(0, hostLevel[r][vm][k] - hostMean[r][vm][k]);
                }
            }
        }
        int days = (int) ((long) grid.steps() * grid.stepSeconds() / SECONDS_PER_DAY);
        return new OverloadRiskModel(hostMean, hostStd, corr, hostLevel, levelCorr, outSteps, fold, window, days);
    }

    /** Each VM's mean over consecutive whole blocks of {@code blockSteps} grid steps (a partial last block dropped). */
    static float[][] blockMeans(float[][] series, int blockSteps) {
        float[][] out = new float[series.length][];
        for (int vm = 0; vm < series.length; vm++) {
            int blocks = series[vm].length / blockSteps;
            out[vm] = new float[blocks];
            for (int b = 0; b < blocks; b++) {
                double sum = 0;
                for (int t = b * blockSteps; t < (b + 1) * blockSteps; t++) sum += series[vm][t];
                out[vm][b] = (float) (sum / blockSteps);
            }
        }
        return out;
    }

    private static double populationStd(float[] v) {
        if (v.length < 2) return 0;
        double a = 0;
        double b = 0;
        for (float x : v) {
            a += x;
            b += (double) x * x;
        }
        double m = a / v.length;
        return Math.sqrt(Math.max(0, b / v.length - m * m));
    }

    /** For each grid step, the model step it belongs to (its time-of-day slot when folded). */
    private static int[] stepMap(TimeGrid grid, boolean fold) {
        int[] stepOf = new int[grid.steps()];
        long startOfDay = Math.floorMod(grid.start().getEpochSecond(), SECONDS_PER_DAY);
        for (int t = 0; t < stepOf.length; t++) {
            stepOf[t] = fold
                    ? (int) (((startOfDay + (long) t * grid.stepSeconds()) % SECONDS_PER_DAY) / grid.stepSeconds())
                    : t;
        }
        return stepOf;
    }

    /**
     * Mean and (population) standard deviation over the scenario samples of each model step: the centered window of
     * {@code window} steps around it — around the time-of-day slot on every day (circular) when folded, else on the
     * grid (clipped at the ends).
     */
    static void scenarioStats(float[] s, int[] stepOf, int outSteps, boolean fold, int window, float[] mu, float[] sd) {
        double[] sum = new double[outSteps];
        double[] sumSq = new double[outSteps];
        int[] count = new int[outSteps];
        for (int t = 0; t < s.length; t++) {
            sum[stepOf[t]] += s[t];
            sumSq[stepOf[t]] += (double) s[t] * s[t];
            count[stepOf[t]]++;
        }
        int before = (window - 1) / 2;
        int after = window / 2;
        for (int k = 0; k < outSteps; k++) {
            double a = 0;
            double b = 0;
            long n = 0;
            for (int j = k - before; j <= k + after; j++) {
                int at = fold ? Math.floorMod(j, outSteps) : j;
                if (at < 0 || at >= outSteps) continue;
                a += sum[at];
                b += sumSq[at];
                n += count[at];
            }
            double m = n == 0 ? 0 : a / n;
            mu[k] = (float) m;
            sd[k] = (float) Math.sqrt(Math.max(0, n == 0 ? 0 : b / n - m * m));
        }
    }

    /**
     * Average pairwise correlation of the VMs' deviations from their scenario means, from the variance of the summed
     * deviation: (Var Σd − Σ Var d) / ((Σ sd)² − Σ Var d), clipped to [0, 1].
     */
    static double deviationCorrelation(float[][] series, int[] stepOf, float[][] mu) {
        int t0 = series.length == 0 ? 0 : series[0].length;
        double[] total = new double[t0];
        double sumVar = 0;
        double sumSd = 0;
        for (int vm = 0; vm < series.length; vm++) {
            double a = 0;
            double b = 0;
            for (int t = 0; t < t0; t++) {
                double d = series[vm][t] - mu[vm][stepOf[t]];
                total[t] += d;
                a += d;
                b += d * d;
            }
            double var = Math.max(0, b / t0 - (a / t0) * (a / t0));
            sumVar += var;
            sumSd += Math.sqrt(var);
        }
        double a = 0;
        double b = 0;
        for (double d : total) {
            a += d;
            b += d * d;
        }
        double varTotal = t0 == 0 ? 0 : Math.max(0, b / t0 - (a / t0) * (a / t0));
        double denominator = sumSd * sumSd - sumVar;
        if (!(denominator > 0)) return 0;
        return Math.min(1, Math.max(0, (varTotal - sumVar) / denominator));
    }

    /**
     * The additive form of the joint condition M + z·sd ≤ C the solver packs against. With equal pairwise correlation,
     * sd ≤ √(1−ρ)·√(Σσ²) + √ρ·Σσ, and √S ≤ s0/2 + S/(2·s0) for any s0 > 0 (the tangent of the square root at s0²),
     * so Σ [μ + z(√(1−ρ)·σ²/(2·s0) + √ρ·σ)] ≤ C − z·√(1−ρ)·s0/2 implies the joint condition: each VM gets an
     * <em>effective demand</em> per step, each host loses a fixed <em>derating</em>. s0 is the deviation of a host
     * holding a largest capacity's worth of average demand, where the tangent is exact. The level shift adds its own
     * two terms the same way (√(A + B) ≤ √A + √B).
     *
     * @param largestCapacity per resource, the largest usable slot capacity (host-side units)
     */
    Packing packingDemand(double z, double[] largestCapacity) {
        int resources = mean.length;
        float[][][] demand = new float[resources][][];
        double[] derating = new double[resources];
        for (int r = 0; r < resources; r++) {
            double sumMean = 0;
            double sumVar = 0;
            double sumLevelVar = 0;
            int vms = mean[r].length;
            for (int vm = 0; vm < vms; vm++) {
                for (int k = 0; k < steps; k++) {
                    sumMean += mean[r][vm][k];
                    sumVar += (double) std[r][vm][k] * std[r][vm][k];
                    sumLevelVar += (double) levelStd[r][vm][k] * levelStd[r][vm][k];
                }
            }
            double s0 = sumMean > 0 && sumVar > 0 ? Math.sqrt(largestCapacity[r] * sumVar / sumMean) : 0;
            double s0Level = sumMean > 0 && sumLevelVar > 0 ? Math.sqrt(largestCapacity[r] * sumLevelVar / sumMean) : 0;
            double a = Math.sqrt(1 - correlation[r]);
            double b = Math.sqrt(correlation[r]);
            double aLevel = Math.sqrt(1 - levelCorrelation[r]);
            double bLevel = Math.sqrt(levelCorrelation[r]);
            demand[r] = new float[vms][steps];
            for (int vm = 0; vm < vms; vm++) {
                for (int k = 0; k < steps; k++) {
                    double sd = std[r][vm][k];
                    double independent = s0 > 0 ? a * sd * sd / (2 * s0) : 0;
                    double level = levelStd[r][vm][k];
                    double independentLevel = s0Level > 0 ? aLevel * level * level / (2 * s0Level) : 0;
                    demand[r][vm][k] =
                            (float) (mean[r][vm][k] + z * (independent + b * sd + independentLevel + bLevel * level));
                }
            }
            derating[r] = z * (a * s0 + aLevel * s0Level) / 2;
        }
        return new Packing(demand, derating);
    }

    /** Effective demand [r][vm][k] and the capacity each host loses per resource. */
    record Packing(float[][][] demand, double[] derating) {}

    /**
     * Estimated share (%) of the active hosts' steps over capacity on an unseen day: per host and step the probability
     * that any planned resource is over, 1 − Π(1 − P_r), averaged over active hosts and model steps.
     *
     * @param vmSlot   slot per VM (−1: unplaced, ignored)
     * @param capacity [r][slot] physical capacity in host-side units
     */
    double estimatePercent(int[] vmSlot, double[][] capacity) {
        int resources = mean.length;
        int slots = capacity[0].length;
        double[][] m = new double[slots][steps * resources];
        double[][] s1 = new double[slots][steps * resources];
        double[][] s2 = new double[slots][steps * resources];
        double[][] l1 = new double[slots][steps * resources];
        double[][] l2 = new double[slots][steps * resources];
        boolean[] active = new boolean[slots];
        for (int vm = 0; vm < vmSlot.length; vm++) {
            int slot = vmSlot[vm];
            if (slot < 0) continue;
            active[slot] = true;
            for (int r = 0; r < resources; r++) {
                for (int k = 0; k < steps; k++) {
                    double sd = std[r][vm][k];
                    m[slot][k * resources + r] += mean[r][vm][k];
                    s1[slot][k * resources + r] += sd;
                    s2[slot][k * resources + r] += sd * sd;
                    double level = levelStd[r][vm][k];
                    l1[slot][k * resources + r] += level;
                    l2[slot][k * resources + r] += level * level;
                }
            }
        }
        double sum = 0;
        long hostSteps = 0;
        for (int slot = 0; slot < slots; slot++) {
            if (!active[slot]) continue;
            for (int k = 0; k < steps; k++) {
                double fine = 1;
                for (int r = 0; r < resources; r++) {
                    int i = k * resources + r;
                    double sd = Math.sqrt(hostVariance(r, s1[slot][i], s2[slot][i], l1[slot][i], l2[slot][i]));
                    fine *= 1 - overProbability(m[slot][i], sd, capacity[r][slot]);
                }
                sum += 1 - fine;
                hostSteps++;
            }
        }
        return hostSteps == 0 ? 0 : 100 * sum / hostSteps;
    }

    /**
     * Variance of a host's load of resource r from the sums of its VMs' deviations (s1), variances (s2), level
     * deviations (l1) and level variances (l2).
     */
    double hostVariance(int r, double s1, double s2, double l1, double l2) {
        double rho = correlation[r];
        double rhoLevel = levelCorrelation[r];
        return Math.max(0, (1 - rho) * s2 + rho * s1 * s1 + (1 - rhoLevel) * l2 + rhoLevel * l1 * l1);
    }

    /** P(load > capacity) for a load with this mean, deviation and the model's tail (a step function when sd is 0). */
    static double overProbability(double mean, double sd, double capacity) {
        if (!(sd > 0)) return mean > capacity ? 1 : 0;
        double x = (capacity - mean) / sd;
        return switch (TAIL) {
            case "normal" -> NormalDistribution.upperTail(x);
            case "t3" -> NormalDistribution.upperTailT3(x);
            default -> NormalDistribution.upperTailT5(x);
        };
    }

    /** Host-side scenario means [r][vm][k] (shared, not copied). */
    float[][][] meanDemand() {
        return mean;
    }

    /** Host-side scenario deviation of resource r, VM and model step. */
    double std(int r, int vm, int k) {
        return std[r][vm][k];
    }

    /** Host-side level-shift deviation of resource r, VM and model step. */
    double levelStd(int r, int vm, int k) {
        return levelStd[r][vm][k];
    }

    public double levelCorrelation(int r) {
        return levelCorrelation[r];
    }

    public int steps() {
        return steps;
    }

    public boolean folded() {
        return folded;
    }

    public int windowSteps() {
        return windowSteps;
    }

    public int days() {
        return days;
    }

    public double correlation(int r) {
        return correlation[r];
    }
}
