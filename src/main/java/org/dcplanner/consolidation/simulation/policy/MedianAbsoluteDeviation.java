package org.dcplanner.consolidation.simulation.policy;

/** MAD: upper threshold 1 − s x median absolute deviation of the host's utilization history. */
public final class MedianAbsoluteDeviation extends AdaptiveThreshold {
    public MedianAbsoluteDeviation(double safety, OverloadDetection fallback) {
        super(safety, fallback);
    }

    @Override
    double spread(double[] history) {
        double median = Stats.median(history);
        double[] deviation = new double[history.length];
        for (int i = 0; i < history.length; i++) deviation[i] = Math.abs(history[i] - median);
        return Stats.median(deviation);
    }
}
