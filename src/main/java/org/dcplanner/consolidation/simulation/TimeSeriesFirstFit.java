package org.dcplanner.consolidation.simulation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.dcplanner.consolidation.ingestion.Metric;

/**
 * First-fit decreasing on time series: VMs sorted by their largest peak share of a host (over all
 * resources), each put on the first open host where, at every step and for every resource, the
 * summed host-side demand stays within capacity; otherwise a new host is opened. A quick stand-in
 * for re-planning when only the host count per approach is wanted.
 * Cost: O(VMs x hosts x steps x resources) worst case; a host whose summed peaks plus the VM's peak
 * fit is accepted without scanning the steps.
 */
public final class TimeSeriesFirstFit {
    private TimeSeriesFirstFit() {}

    /**
     * @param vmHost          per VM, the host index it was put on
     * @param hosts           hosts opened
     * @param bindingResource resource with the highest mean peak utilization over the opened hosts
     * @param peakUtilization per resource ({@code Metric.ordinal()}), mean over hosts of peak demand ÷ capacity
     */
    public record Packing(int[] vmHost, int hosts, Metric bindingResource, double[] peakUtilization) {
    }

    /**
     * @param demand   {@code [resource][vm][step]} host-side demand, resources indexed by {@code Metric.ordinal()}
     * @param capacity per resource, usable capacity of one host (already x target utilization)
     */
    public static Packing pack(float[][][] demand, double[] capacity, int steps) {
        int resources = demand.length;
        int vms = demand[0].length;
        double[][] peak = new double[resources][vms];
        double[] key = new double[vms];
        for (int r = 0; r < resources; r++) {
            for (int v = 0; v < vms; v++) {
                float m = 0;
                for (int t = 0; t < steps; t++) m = Math.max(m, demand[r][v][t]);
                peak[r][v] = m;
                if (capacity[r] > 0) key[v] = Math.max(key[v], m / capacity[r]);
            }
        }
        Integer[] order = IntStream.range(0, vms).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer v) -> -key[v]).thenComparingInt(v -> v));
        int[] vmHost = new int[vms];
        Arrays.fill(vmHost, -1);
        HostLoads loads = new HostLoads(resources, steps);
        for (int v : order) {
            int placed = -1;
            for (int h = 0; h < loads.count && placed < 0; h++) {
                if (loads.fits(h, v, demand, peak, capacity)) placed = h;
            }
            if (placed < 0) placed = loads.open();
            loads.add(placed, v, demand, peak);
            vmHost[v] = placed;
        }
        return loads.packing(vmHost, capacity);
    }

    /** Summed demand per opened host, grown as hosts open. */
    private static final class HostLoads {
        private final int resources;
        private final int steps;
        private float[][][] sum = new float[0][][];
        private double[][] sumOfPeaks = new double[0][];
        private int count;

        HostLoads(int resources, int steps) {
            this.resources = resources;
            this.steps = steps;
        }

        int open() {
            if (count == sum.length) {
                int n = Math.max(8, count * 2);
                sum = Arrays.copyOf(sum, n);
                sumOfPeaks = Arrays.copyOf(sumOfPeaks, n);
            }
            sum[count] = new float[resources][steps];
            sumOfPeaks[count] = new double[resources];
            return count++;
        }

        boolean fits(int h, int v, float[][][] demand, double[][] peak, double[] cap) {
            boolean quick = true;
            for (int r = 0; r < resources; r++) {
                if (sumOfPeaks[h][r] + peak[r][v] > cap[r]) quick = false;
            }
            if (quick) return true;
            for (int r = 0; r < resources; r++) {
                float[] s = sum[h][r];
                float[] d = demand[r][v];
                for (int t = 0; t < steps; t++) if (s[t] + d[t] > cap[r]) return false;
            }
            return true;
        }

        void add(int h, int v, float[][][] demand, double[][] peak) {
            for (int r = 0; r < resources; r++) {
                float[] s = sum[h][r];
                float[] d = demand[r][v];
                for (int t = 0; t < steps; t++) s[t] += d[t];
                sumOfPeaks[h][r] += peak[r][v];
            }
        }

        Packing packing(int[] vmHost, double[] cap) {
            double[] util = new double[resources];
            for (int h = 0; h < count; h++) {
                for (int r = 0; r < resources; r++) {
                    float m = 0;
                    for (float x : sum[h][r]) m = Math.max(m, x);
                    if (cap[r] > 0) util[r] += m / cap[r] / count;
                }
            }
            int binding = 0;
            for (int r = 1; r < resources; r++) if (util[r] > util[binding]) binding = r;
            return new Packing(vmHost, count, Metric.values()[binding], util);
        }
    }
}
