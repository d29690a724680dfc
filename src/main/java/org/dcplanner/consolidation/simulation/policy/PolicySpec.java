package org.dcplanner.consolidation.simulation.policy;

import java.util.Locale;

/**
 * An online policy as a request names it: overload detection with its parameter (THR: the threshold;
 * IQR, MAD, LR, LRR: the safety parameter) and VM selection; RS draws from {@code seed}.
 */
public record PolicySpec(Detection detection, Double parameter, Selection selection, Long seed) {

    public enum Detection {
        /** Static threshold on CPU utilization; parameter in [0.1, 1], default 0.8. */
        THR(0.1, 1.0, 0.8),
        /** Interquartile range; safety in [0, 5], default 1.5. */
        IQR(0, 5, 1.5),
        /** Median absolute deviation; safety in [0, 5], default 2.5. */
        MAD(0, 5, 2.5),
        /** Local regression; safety in [0.5, 5], default 1.2. */
        LR(0.5, 5, 1.2),
        /** Robust local regression; safety in [0.5, 5], default 1.2. */
        LRR(0.5, 5, 1.2);

        public final double min;
        public final double max;
        public final double defaultParameter;

        Detection(double min, double max, double defaultParameter) {
            this.min = min;
            this.max = max;
            this.defaultParameter = defaultParameter;
        }
    }

    public enum Selection {
        MMT,
        MC,
        RS
    }

    /** The parameter, or the detection's default. */
    public double parameterOrDefault() {
        return parameter != null ? parameter : detection.defaultParameter;
    }

    /** Null when valid, else what is wrong (field name first). */
    public String problem() {
        if (detection == null) return "policy.detection is required: THR, IQR, MAD, LR or LRR";
        if (selection == null) return "policy.selection is required: MMT, MC or RS";
        double p = parameterOrDefault();
        if (!(p >= detection.min && p <= detection.max)) {
            return String.format(
                    Locale.ROOT,
                    "policy.parameter of %s must be in [%s, %s], got %s",
                    detection,
                    detection.min,
                    detection.max,
                    p);
        }
        return null;
    }

    /** "LR 1.2 + MMT". */
    public String label() {
        return detection + " " + parameterOrDefault() + " + " + selection;
    }

    public OverloadDetection detector() {
        OverloadDetection fallback = new StaticThreshold(StaticThreshold.FALLBACK);
        double p = parameterOrDefault();
        return switch (detection) {
            case THR -> new StaticThreshold(p);
            case IQR -> new InterquartileRange(p, fallback);
            case MAD -> new MedianAbsoluteDeviation(p, fallback);
            case LR -> new LocalRegression(p, fallback);
            case LRR -> new RobustLocalRegression(p, fallback);
        };
    }

    public VmSelection selector() {
        return switch (selection) {
            case MMT -> new MinimumMigrationTime();
            case MC -> new MaximumCorrelation();
            case RS -> new RandomSelection(seed == null ? 1L : seed);
        };
    }
}
