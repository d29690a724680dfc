package org.dcplanner.consolidation.ingestion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.store.VmSort;
import org.dcplanner.consolidation.ingestion.store.WorkloadRepository;
import org.dcplanner.consolidation.web.ApiException;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** Read views of stored workloads for the API: lists, VM pages, one VM's series, the aggregate demand. */
@Service
public class WorkloadQueries {
    private final WorkloadRepository repository;
    private final WorkloadStore store;

    WorkloadQueries(WorkloadRepository repository, WorkloadStore store) {
        this.repository = repository;
        this.store = store;
    }

    public List<WorkloadView> list() {
        return repository.list();
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

    public VmSeriesView series(UUID id, int vmIndex) {
        WorkloadView w = get(id);
        VmView vm = repository.vm(id, vmIndex).orElseThrow(() -> ApiException.notFound("VM", vmIndex + " of workload " + id));
        Map<String, float[]> series = new LinkedHashMap<>();
        List<Metric> metrics = measured(w);
        repository.series(id, metrics, vmIndex, (m, i, s) -> series.put(m.field(), s));
        Map<String, float[]> ordered = new LinkedHashMap<>();
        for (Metric m : metrics) ordered.put(m.field(), series.get(m.field()));
        return new VmSeriesView(id, vm, w.stepSeconds(), timestamps(w.grid()), ordered);
    }

    public AggregateView aggregate(UUID id) {
        WorkloadView w = get(id);
        List<Metric> metrics = measured(w);
        LoadedWorkload loaded = store.load(id, metrics.isEmpty() ? Set.of() : EnumSet.copyOf(metrics));
        Map<String, AggregateView.MetricAggregate> out = new LinkedHashMap<>();
        for (Metric m : metrics) out.put(m.field(), aggregate(m, loaded.series(m), w.steps()));
        return new AggregateView(id, w.stepSeconds(), timestamps(w.grid()), out);
    }

    static AggregateView.MetricAggregate aggregate(Metric m, float[][] perVm, int steps) {
        double[] sum = new double[steps];
        double sumOfPeaks = 0;
        for (float[] s : perVm) {
            float peak = 0;
            for (int t = 0; t < steps; t++) {
                sum[t] += s[t];
                peak = Math.max(peak, s[t]);
            }
            sumOfPeaks += peak;
        }
        double peakOfSum = 0;
        for (double v : sum) peakOfSum = Math.max(peakOfSum, v);
        return new AggregateView.MetricAggregate(m.unit(), sum, sumOfPeaks, peakOfSum,
                sumOfPeaks > 0 ? peakOfSum / sumOfPeaks : 0);
    }

    private static List<Metric> measured(WorkloadView w) {
        List<Metric> list = new ArrayList<>();
        for (Metric m : Metric.values()) {
            if (w.metrics().contains(m.field())) list.add(m);
        }
        return list;
    }

    private static List<Instant> timestamps(TimeGrid grid) {
        List<Instant> list = new ArrayList<>(grid.steps());
        for (int i = 0; i < grid.steps(); i++) list.add(grid.at(i));
        return list;
    }
}
