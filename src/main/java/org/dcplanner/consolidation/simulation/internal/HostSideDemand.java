package org.dcplanner.consolidation.simulation.internal;

import org.dcplanner.consolidation.ingestion.Metric;

/** Per-VM host-side demand of a replay input under its approach, through {@link VirtualizationOverheadModel#hostDemand}. */
public final class HostSideDemand {
    private static final int R = Metric.values().length;

    private HostSideDemand() {}

    /** {@code [resource][vm][step]}, resources indexed by {@code Metric.ordinal()}. */
    public static float[][][] of(ReplayInput in) {
        float[][][] out = new float[R][in.vmCount()][];
        for (int v = 0; v < in.vmCount(); v++) {
            float[][] vm = ofVm(in, v);
            for (int r = 0; r < R; r++) out[r][v] = vm[r];
        }
        return out;
    }

    /** {@code [resource][step]} of one VM. */
    public static float[][] ofVm(ReplayInput in, int v) {
        float[][] out = new float[R][in.steps()];
        float[] one = new float[R];
        for (int t = 0; t < in.steps(); t++) {
            demand(in, v, t, one);
            for (int r = 0; r < R; r++) out[r][t] = one[r];
        }
        return out;
    }

    /** Σ over VMs and steps of the host-side demand per resource (no per-step storage). */
    public static double[] totals(ReplayInput in) {
        double[] sum = new double[R];
        float[] one = new float[R];
        for (int v = 0; v < in.vmCount(); v++) {
            for (int t = 0; t < in.steps(); t++) {
                demand(in, v, t, one);
                for (int r = 0; r < R; r++) sum[r] += one[r];
            }
        }
        return sum;
    }

    private static void demand(ReplayInput in, int v, int t, float[] out) {
        in.model()
                .hostDemand(
                        in.approachOf(v),
                        in.profiles()[v],
                        in.vcpus()[v],
                        in.configuredCpuMhz()[v],
                        in.configuredMemoryMib()[v],
                        in.cpuMhz()[v][t],
                        value(in.memoryMib(), v, t),
                        value(in.diskKBps(), v, t),
                        value(in.networkKBps(), v, t),
                        out);
    }

    private static float value(float[][] series, int v, int t) {
        return series == null ? Float.NaN : series[v][t];
    }
}
