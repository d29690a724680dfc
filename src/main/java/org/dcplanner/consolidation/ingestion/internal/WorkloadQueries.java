package org.dcplanner.consolidation.ingestion.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.TimeGrid;
import org.dcplanner.consolidation.ingestion.store.VmSort;
import org.dcplanner.consolidation.ingestion.store.WorkloadRepository;
import org.dcplanner.consolidation.problem.ApiException;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** Read views of stored workloads for the API: lists, VM pages, one VM's series, the aggregate demand. */
@Service
public class WorkloadQueries {
    private final WorkloadRepository repository;
    private final PostgresWorkloadStore store;

    WorkloadQueries(WorkloadRepository repository, PostgresWorkloadStore store) {
        this.repository = repository;
        this.store = store;
    }

    public List<WorkloadView> list(int limit, long offset) {
        return repository.list(limit, offset);
    }

    public long count() {
        return repository.count();
    }

    public WorkloadView get(UUID id) {
        return repository.find(id).orElseThrow(() -> ApiException.notFound("Workload", id));
    }

    public VmPage vms(UUID id, Pageable page) {
        WorkloadView w = get(id);
        String orderBy = VmSort.orderBy(page.getSort());
        List<VmView> content = repository.vms(id, orderBy, page.getPageSize(), page.getOffset());
        int totalPages = (w.vmCount() + page.getPageSize() - 1) / page.getPageSize();
        return new VmPage(content, w.vmCount(), totalPages, page.getPageNumber(), page.getPageSize());
    }

    /** One VM's series; {@code vm} is the VM's name, or its index when no VM has that name. */
    public VmSeriesView series(UUID id, String vm) {
        WorkloadView w = get(id);
        VmView view = repository
                .vmNamed(id, vm)
                .or(() -> vm.matches("\\d{1,9}") ? repository.vm(id, Integer.parseInt(vm)) : java.util.Optional.empty())
                .orElseThrow(() -> ApiException.notFound("VM", "'" + vm + "' of workload " + id));
        Map<Metric, float[]> series = new EnumMap<>(Metric.class);
        repository.series(id, w.metrics(), view.index(), (m, i, s) -> series.put(m, s));
        return new VmSeriesView(id, view.name(), view, w.stepSeconds(), w.start(), timestamps(w.grid()), series);
    }

    public AggregateView aggregate(UUID id) {
        WorkloadView w = get(id);
        var metrics = w.metrics().isEmpty() ? EnumSet.noneOf(Metric.class) : EnumSet.copyOf(w.metrics());
        LoadedWorkload loaded = store.load(id, metrics);
        Map<Metric, String> units = new EnumMap<>(Metric.class);
        Map<Metric, double[]> demand = new EnumMap<>(Metric.class);
        Map<Metric, Double> sumOfPeaks = new EnumMap<>(Metric.class);
        Map<Metric, Double> peakOfSum = new EnumMap<>(Metric.class);
        for (Metric m : metrics) {
            float[][] perVm = loaded.series(m);
            double[] sum = new double[w.steps()];
            double peaks = 0;
            for (float[] s : perVm) {
                float peak = 0;
                for (int t = 0; t < sum.length; t++) {
                    sum[t] += s[t];
                    peak = Math.max(peak, s[t]);
                }
                peaks += peak;
            }
            double max = 0;
            for (double v : sum) max = Math.max(max, v);
            units.put(m, m.unit());
            demand.put(m, sum);
            sumOfPeaks.put(m, peaks);
            peakOfSum.put(m, max);
        }
        return new AggregateView(
                id, w.stepSeconds(), w.start(), w.steps(), timestamps(w.grid()), units, demand, sumOfPeaks, peakOfSum);
    }

    private static List<Instant> timestamps(TimeGrid grid) {
        List<Instant> list = new ArrayList<>(grid.steps());
        for (int i = 0; i < grid.steps(); i++) list.add(grid.at(i));
        return list;
    }
}
