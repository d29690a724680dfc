package org.dcplanner.consolidation.ingestion;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stored workload loaded for computation (planning, replay).
 *
 * @param series per metric, {@code [vmIndex][step]} in the metric's canonical unit; gaps already
 *               filled by the ingestion rule, so no NaN. Only the metrics asked for are present.
 */
public record LoadedWorkload(UUID id, String name, TimeGrid grid, List<WorkloadVm> vms, Map<Metric, float[][]> series) {
    public LoadedWorkload {
        vms = List.copyOf(vms);
        series = Map.copyOf(series);
    }

    /**
     * This workload cut to the steps whose start lies in [from, to) (null = unbounded), every series sliced alike.
     *
     * @throws IllegalArgumentException when no step starts in the window
     */
    public LoadedWorkload window(Instant from, Instant to) {
        int first = from == null
                ? 0
                : (int) Math.max(
                        0,
                        Math.min(
                                grid.steps(),
                                -Math.floorDiv(
                                        -java.time.Duration.between(grid.start(), from)
                                                .getSeconds(),
                                        (long) grid.stepSeconds())));
        int end = to == null
                ? grid.steps()
                : (int) Math.max(
                        0,
                        Math.min(
                                grid.steps(),
                                -Math.floorDiv(
                                        -java.time.Duration.between(grid.start(), to)
                                                .getSeconds(),
                                        (long) grid.stepSeconds())));
        if (end <= first) {
            throw new IllegalArgumentException("no step of workload '" + name + "' (" + grid.start() + " to "
                    + grid.end() + ", " + grid.stepSeconds() + " s steps) starts in [" + from + ", " + to + ")");
        }
        if (first == 0 && end == grid.steps()) return this;
        Map<Metric, float[][]> cut = new java.util.EnumMap<>(Metric.class);
        for (Map.Entry<Metric, float[][]> e : series.entrySet()) {
            float[][] rows = new float[e.getValue().length][];
            for (int v = 0; v < rows.length; v++) rows[v] = java.util.Arrays.copyOfRange(e.getValue()[v], first, end);
            cut.put(e.getKey(), rows);
        }
        return new LoadedWorkload(id, name, new TimeGrid(grid.at(first), grid.stepSeconds(), end - first), vms, cut);
    }

    public float[][] series(Metric metric) {
        float[][] s = series.get(metric);
        if (s == null) throw new IllegalArgumentException("metric " + metric + " was not loaded");
        return s;
    }
}
