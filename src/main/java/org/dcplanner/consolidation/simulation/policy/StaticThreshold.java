package org.dcplanner.consolidation.simulation.policy;

/** THR: a host is overloaded when its CPU demand ÷ capacity is above a fixed threshold. */
public final class StaticThreshold implements OverloadDetection {
    /** The adaptive detectors' fallback while history is short (CloudSim's examples: 0.7). */
    public static final double FALLBACK = 0.7;

    private final double threshold;

    public StaticThreshold(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public boolean overloaded(ConsolidationState s, int h, int extra) {
        return s.utilization(h, extra) > threshold;
    }
}
