package org.dcplanner.consolidation.simulation.policy;

/**
 * LRR: local regression made robust to outliers by one bisquare re-weighting (Cleveland 1979, as in
 * Beloglazov & Buyya 2012): residuals r_i of the least-squares line, s = 6 x median |r|, weights
 * (1 − (r_i / s)^2)^2 (0 beyond s), then a weighted fit; the plain fit when all residuals are 0.
 */
public final class RobustLocalRegression extends LocalRegression {
    public RobustLocalRegression(double safety, OverloadDetection fallback) {
        super(safety, fallback);
    }

    @Override
    double[] fit(double[] x, double[] y) {
        double[] plain = super.fit(x, y);
        if (plain == null) return null;
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) r[i] = Math.abs(y[i] - (plain[0] + plain[1] * x[i]));
        double s = 6 * Stats.median(r);
        if (!(s > 0)) return plain;
        double[] w = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double u = r[i] / s;
            w[i] = u >= 1 ? 0 : (1 - u * u) * (1 - u * u);
        }
        double[] robust = Stats.line(x, y, w);
        return robust != null ? robust : plain;
    }
}
