package org.dcplanner.consolidation.planning.internal;

/** Standard normal tail and quantile, as the risk model needs them. */
final class NormalDistribution {
    private NormalDistribution() {}

    /** P(Z > x) for a standard normal Z, via erfc (Chebyshev-fitted form, relative error below 1.2e-7). */
    static double upperTail(double x) {
        return 0.5 * erfc(x / Math.sqrt(2));
    }

    /**
     * P(X > x) for X a Student t with 3 degrees of freedom scaled to unit variance (T / √3): a heavy-tailed
     * alternative (closed form of the t3 distribution function).
     */
    static double upperTailT3(double x) {
        double u = x; // T = √3·x, and T / √3 = u
        double cdf = 0.5 + (u / (1 + u * u) + Math.atan(u)) / Math.PI;
        return Math.max(0, 1 - cdf);
    }

    /**
     * P(X > x) for X a Student t with 5 degrees of freedom scaled to unit variance (T·√(3/5)): closed form
     * F(t) = 1/2 + (θ + sinθ cosθ (1 + 2/3 cos²θ)) / π with θ = atan(t/√5) = atan(x/√3).
     */
    static double upperTailT5(double x) {
        double theta = Math.atan(x / Math.sqrt(3));
        double c = Math.cos(theta);
        double cdf = 0.5 + (theta + Math.sin(theta) * c * (1 + 2.0 / 3 * c * c)) / Math.PI;
        return Math.max(0, 1 - cdf);
    }

    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t
                * Math.exp(
                        -z * z
                                - 1.26551223
                                + t
                                        * (1.00002368
                                                + t
                                                        * (0.37409196
                                                                + t
                                                                        * (0.09678418
                                                                                + t
                                                                                        * (-0.18628806
                                                                                                + t
                                                                                                        * (0.27886807
                                                                                                                + t
                                                                                                                        * (-1.13520398
                                                                                                                                + t
                                                                                                                                        * (1.48851587
                                                                                                                                                + t
                                                                                                                                                        * (-0.82215223
                                                                                                                                                                + t
                                                                                                                                                                        * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    /** The z with P(Z > z) = p, 0 < p < 1, by bisection on {@link #upperTail} (to 1e-9). */
    static double upperQuantile(double p) {
        double lo = -40;
        double hi = 40;
        for (int i = 0; i < 100 && hi - lo > 1e-9; i++) {
            double mid = (lo + hi) / 2;
            if (upperTail(mid) > p) lo = mid;
            else hi = mid;
        }
        return (lo + hi) / 2;
    }
}
