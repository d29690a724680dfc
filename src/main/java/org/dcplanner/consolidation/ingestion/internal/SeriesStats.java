package org.dcplanner.consolidation.ingestion.internal;

import java.util.Arrays;

/**
 * Mean, 95th percentile and peak of one aligned series, over all grid steps (zero-demand steps included).
 * The percentile interpolates linearly between order statistics (the common "linear" definition).
 */
public record SeriesStats(double mean, double p95, double peak) {
    public static SeriesStats of(float[] series) {
        if (series.length == 0) return new SeriesStats(0, 0, 0);
        float[] sorted = series.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (float v : series) sum += v;
        return new SeriesStats(sum / series.length, percentile(sorted, 0.95), sorted[sorted.length - 1]);
    }

    static double percentile(float[] sorted, double q) {
        double rank = q * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }
}
