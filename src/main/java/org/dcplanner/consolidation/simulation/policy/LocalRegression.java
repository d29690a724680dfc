package org.dcplanner.consolidation.simulation.policy;

import java.util.Arrays;

/**
 * LR: fits a line to the host's last {@link #WINDOW} utilization values and predicts the utilization
 * after the longest migration off the host (rounded up to whole steps); overloaded when safety x
 * prediction >= 1. With fewer values the fallback decides. The fit is ordinary least squares: the
 * paper's LOESS weights are not applied by CloudSim 4.0 either (its weighted regression only uses the
 * weights when 40 % of them are zero, which the tricube weights never are), so this reproduces CloudSim.
 * {@link RobustLocalRegression} re-weights by the residuals.
 */
public class LocalRegression implements OverloadDetection {
    /** Values the regression uses (CloudSim: 10, "responsive enough to latest values"). */
    static final int WINDOW = 10;

    private final double safety;
    private final OverloadDetection fallback;

    public LocalRegression(double safety, OverloadDetection fallback) {
        this.safety = safety;
        this.fallback = fallback;
    }

    @Override
    public final boolean overloaded(ConsolidationState s, int h, int extra) {
        double[] newestFirst = s.hostHistory(h, extra, WINDOW);
        if (newestFirst.length < WINDOW) return fallback.overloaded(s, h, extra);
        double[] x = new double[WINDOW], y = new double[WINDOW];
        for (int i = 0; i < WINDOW; i++) {
            x[i] = i + 1;
            y[i] = newestFirst[WINDOW - 1 - i];
        }
        double[] line = fit(x, y);
        if (line == null) return fallback.overloaded(s, h, extra);
        double predicted = line[0] + line[1] * (WINDOW + s.maxMigrationSteps(h, extra));
        return safety * predicted >= 1;
    }

    /** {intercept, slope} of the fit, or null. */
    double[] fit(double[] x, double[] y) {
        double[] w = new double[x.length];
        Arrays.fill(w, 1);
        return Stats.line(x, y, w);
    }
}
