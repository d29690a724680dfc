package org.dcplanner.consolidation.simulation.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dcplanner.consolidation.export.Table;
import org.dcplanner.consolidation.ingestion.Metric;

/**
 * One row per host of a completed replay: model, VMs, peak utilization per resource (% of capacity at the busiest
 * step, host-side demand as the heatmap shows it), overload time and average power.
 */
record HostSummary(
        int host,
        String modelId,
        int vmCount,
        Double peakCpuPercent,
        Double peakMemoryPercent,
        Double peakDiskPercent,
        Double peakNetworkPercent,
        double overloadMinutes,
        double averageWatts) {

    static List<HostSummary> of(StoredRun run, float[][] series) {
        List<ReplayResult.HostOutcome> hosts = run.hosts();
        int steps = series == null || hosts.isEmpty() ? 0 : series[0].length / hosts.size();
        List<HostSummary> rows = new ArrayList<>(hosts.size());
        for (ReplayResult.HostOutcome h : hosts) {
            rows.add(new HostSummary(
                    h.host(),
                    h.modelId(),
                    h.vmCount(),
                    peak(series, Metric.CPU, h.host(), steps),
                    peak(series, Metric.MEMORY, h.host(), steps),
                    peak(series, Metric.DISK, h.host(), steps),
                    peak(series, Metric.NETWORK, h.host(), steps),
                    h.overloadMinutes(),
                    h.averageWatts()));
        }
        return rows;
    }

    /** Highest utilization of the host's series in %, rounded to 0.1; null when the replay has no such series. */
    private static Double peak(float[][] series, Metric metric, int host, int steps) {
        if (series == null || steps == 0 || metric.ordinal() >= series.length) return null;
        float[] s = series[metric.ordinal()];
        float max = 0;
        boolean any = false;
        for (int t = host * steps; t < (host + 1) * steps; t++) {
            if (!Float.isNaN(s[t])) {
                max = Math.max(max, s[t]);
                any = true;
            }
        }
        return any ? Math.round(max * 1000) / 10.0 : null;
    }

    static Table table(List<HostSummary> rows) {
        List<List<Object>> cells = new ArrayList<>(rows.size());
        for (HostSummary r : rows) {
            cells.add(Arrays.asList(
                    r.host(),
                    r.modelId(),
                    r.vmCount(),
                    r.peakCpuPercent(),
                    r.peakMemoryPercent(),
                    r.peakDiskPercent(),
                    r.peakNetworkPercent(),
                    r.overloadMinutes(),
                    r.averageWatts()));
        }
        return new Table(
                "Hosts",
                List.of(
                        "host",
                        "model",
                        "vms",
                        "peakCpuPercent",
                        "peakMemoryPercent",
                        "peakDiskPercent",
                        "peakNetworkPercent",
                        "overloadMinutes",
                        "averageWatts"),
                cells);
    }
}
