package org.dcplanner.consolidation.simulation.policy;

import java.util.Arrays;

/** Small statistics the detectors share. */
final class Stats {
    private Stats() {}

    static double median(double[] values) {
        double[] x = values.clone();
        Arrays.sort(x);
        int n = x.length;
        if (n == 0) return 0;
        return n % 2 == 1 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
    }

    /**
     * Weighted least-squares line through (x_i, y_i): {intercept, slope}; null when the x values do not
     * spread (singular).
     */
    static double[] line(double[] x, double[] y, double[] w) {
        double sw = 0, sx = 0, sy = 0;
        for (int i = 0; i < x.length; i++) {
            sw += w[i];
            sx += w[i] * x[i];
            sy += w[i] * y[i];
        }
        if (!(sw > 0)) return null;
        double mx = sx / sw, my = sy / sw, sxx = 0, sxy = 0;
        for (int i = 0; i < x.length; i++) {
            sxx += w[i] * (x[i] - mx) * (x[i] - mx);
            sxy += w[i] * (x[i] - mx) * (y[i] - my);
        }
        if (!(sxx > 0)) return null;
        double slope = sxy / sxx;
        return new double[] {my - slope * mx, slope};
    }
}
