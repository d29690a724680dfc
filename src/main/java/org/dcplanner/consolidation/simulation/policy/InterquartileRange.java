package org.dcplanner.consolidation.simulation.policy;

import java.util.Arrays;

/** IQR: upper threshold 1 − s x interquartile range of the host's utilization history. */
public final class InterquartileRange extends AdaptiveThreshold {
    public InterquartileRange(double safety, OverloadDetection fallback) {
        super(safety, fallback);
    }

    /** Q3 − Q1 with the quartiles taken at ranks round(0.25 (n+1)) and round(0.75 (n+1)), as CloudSim's MathUtil.iqr. */
    @Override
    double spread(double[] history) {
        double[] x = history.clone();
        Arrays.sort(x);
        int n = x.length;
        int q1 = (int) Math.round(0.25 * (n + 1)) - 1;
        int q3 = (int) Math.round(0.75 * (n + 1)) - 1;
        return x[Math.min(n - 1, q3)] - x[Math.max(0, q1)];
    }
}
