package org.dcplanner.consolidation.simulation.policy;

import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * MC: the VM whose CPU history is best explained by the other VMs' on the host (highest R² of a
 * multiple linear regression on them), since correlated VMs peak together. When the history is too
 * short for the regression (not more observations than regressors) or it is singular, MMT decides.
 */
public final class MaximumCorrelation implements VmSelection {
    private final VmSelection fallback = new MinimumMigrationTime();

    @Override
    public int select(ConsolidationState s, int h) {
        int[] vms = s.members(h);
        if (vms.length < 2) return fallback.select(s, h);
        int m = s.historySize();
        if (m <= vms.length) return fallback.select(s, h);
        double[][] series = new double[vms.length][];
        for (int i = 0; i < vms.length; i++) series[i] = s.vmHistory(vms[i]);
        int best = -1;
        double bestR2 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < vms.length; i++) {
            double[][] x = new double[m][vms.length - 1];
            for (int t = 0; t < m; t++) {
                int k = 0;
                for (int j = 0; j < vms.length; j++) if (j != i) x[t][k++] = series[j][t];
            }
            double r2;
            try {
                OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
                ols.newSampleData(series[i], x);
                r2 = ols.calculateRSquared();
            } catch (RuntimeException singular) {
                return fallback.select(s, h);
            }
            if (Double.isNaN(r2)) continue;
            if (r2 > bestR2) {
                bestR2 = r2;
                best = vms[i];
            }
        }
        return best >= 0 ? best : fallback.select(s, h);
    }
}
