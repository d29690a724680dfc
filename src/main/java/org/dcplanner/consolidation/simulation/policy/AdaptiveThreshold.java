package org.dcplanner.consolidation.simulation.policy;

/**
 * IQR and MAD: the upper threshold is 1 − safety x spread of the host's CPU utilization history; with
 * fewer than {@link #MIN_HISTORY} steps of history the fallback static threshold decides.
 */
abstract class AdaptiveThreshold implements OverloadDetection {
    /** Steps of history before the spread is trusted (Beloglazov & Buyya 2012; CloudSim: 12). */
    static final int MIN_HISTORY = 12;

    private final double safety;
    private final OverloadDetection fallback;

    AdaptiveThreshold(double safety, OverloadDetection fallback) {
        this.safety = safety;
        this.fallback = fallback;
    }

    /** The spread statistic of a history (newest first). */
    abstract double spread(double[] history);

    @Override
    public boolean overloaded(ConsolidationState s, int h, int extra) {
        double[] history = s.hostHistory(h, extra);
        if (history.length < MIN_HISTORY) return fallback.overloaded(s, h, extra);
        return s.utilization(h, extra) > 1 - safety * spread(history);
    }
}
