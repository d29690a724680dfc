package org.dcplanner.consolidation.simulation;

import org.dcplanner.consolidation.ingestion.Metric;

/** Per-VM host-side demand series of a replay input under its approach, through {@link VirtualizationOverheadModel#hostDemand}. */
public final class HostSideDemand {
    private HostSideDemand() {}

    /** {@code [resource][vm][step]}, resources indexed by {@code Metric.ordinal()}. */
    public static float[][][] of(ReplayInput in) {
        int n = in.vmCount();
        int steps = in.steps();
        float[][][] out = new float[Metric.values().length][n][steps];
        float[] one = new float[Metric.values().length];
        for (int v = 0; v < n; v++) {
            for (int t = 0; t < steps; t++) {
                in.model().hostDemand(in.approach(), in.profiles()[v], in.vcpus()[v], in.configuredMemoryMib()[v],
                        in.cpuMhz()[v][t], value(in.memoryMib(), v, t), value(in.diskKBps(), v, t),
                        value(in.networkKBps(), v, t), one);
                for (int r = 0; r < one.length; r++) out[r][v][t] = one[r];
            }
        }
        return out;
    }

    private static float value(float[][] series, int v, int t) {
        return series == null ? Float.NaN : series[v][t];
    }
}
