package org.dcplanner.consolidation.ingestion;

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

    public float[][] series(Metric metric) {
        float[][] s = series.get(metric);
        if (s == null) throw new IllegalArgumentException("metric " + metric + " was not loaded");
        return s;
    }
}
