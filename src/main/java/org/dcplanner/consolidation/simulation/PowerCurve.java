package org.dcplanner.consolidation.simulation;

/**
 * Host power from an 11-point SPECpower curve (watts at 0 %, 10 %, ..., 100 % CPU load) by linear
 * interpolation between the points, as CloudSim's {@code PowerModelSpecPower} (docs/overheads-and-power.md §4 row P1).
 */
public final class PowerCurve {
    /** Facility power = IT power x PUE; Uptime Institute 2023 average (docs/overheads-and-power.md §4 row P4). */
    public static final double DEFAULT_PUE = 1.58;

    private PowerCurve() {}

    /** Watts at a CPU utilization; values outside [0, 1] are clamped (a saturated host draws its 100 % power). */
    public static double watts(double[] curve, double cpuUtilization) {
        double u = cpuUtilization <= 0 ? 0 : Math.min(1.0, cpuUtilization);
        double x = u * 10;
        int i = (int) x;
        if (i >= 10) return curve[10];
        return curve[i] + (curve[i + 1] - curve[i]) * (x - i);
    }
}
