package org.dcplanner.consolidation.ingestion.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.ObjIntConsumer;
import java.util.function.UnaryOperator;
import org.dcplanner.consolidation.ingestion.CurrentEstate;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.TimeGrid;
import org.dcplanner.consolidation.ingestion.WorkloadStore;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.ingestion.store.EstateRepository;
import org.dcplanner.consolidation.ingestion.store.WorkloadRepository;
import org.dcplanner.consolidation.problem.ApiException;
import org.springframework.stereotype.Service;

/**
 * {@link WorkloadStore} on PostgreSQL: one query for the VMs and one for all requested series (a bytea
 * per VM and metric). Metrics the trace did not measure (disk, network of CPU-only traces) load as zeros.
 */
@Service
class PostgresWorkloadStore implements WorkloadStore {
    private final WorkloadRepository repository;
    private final EstateRepository estates;

    PostgresWorkloadStore(WorkloadRepository repository, EstateRepository estates) {
        this.repository = repository;
        this.estates = estates;
    }

    @Override
    public CurrentEstate estate(UUID workloadId) {
        List<CurrentEstate.Host> hosts = estates.hosts(workloadId).stream()
                .map(h -> new CurrentEstate.Host(h.name(), h.model(), h.cores(), h.coreMhz(), h.memoryMib()))
                .toList();
        Map<Integer, String> vmHost = new java.util.HashMap<>();
        for (EstateRepository.PlacedVm p : estates.placements(workloadId)) {
            if (p.currentHost() != null) vmHost.put(p.index(), p.currentHost());
        }
        return new CurrentEstate(hosts, vmHost);
    }

    @Override
    public boolean exists(UUID workloadId) {
        return repository.exists(workloadId);
    }

    @Override
    public long storedCells(UUID workloadId) {
        WorkloadView w = repository.find(workloadId).orElseThrow(() -> ApiException.notFound("Workload", workloadId));
        return (long) w.vmCount() * w.steps() * w.metrics().size();
    }

    @Override
    public LoadedWorkload load(UUID workloadId, Set<Metric> metrics) {
        return load(workloadId, metrics, null, UnaryOperator.identity());
    }

    @Override
    public LoadedWorkload load(
            UUID workloadId, Set<Metric> metrics, TimeGrid reducedGrid, UnaryOperator<float[]> reduce) {
        WorkloadView w = repository.find(workloadId).orElseThrow(() -> ApiException.notFound("Workload", workloadId));
        List<WorkloadVm> vms = repository.vms(workloadId, "vm_index", Integer.MAX_VALUE, 0).stream()
                .map(PostgresWorkloadStore::toVm)
                .toList();
        Map<Metric, float[][]> series = new EnumMap<>(Metric.class);
        List<Metric> stored = new ArrayList<>();
        for (Metric m : metrics) {
            series.put(m, new float[vms.size()][]);
            if (w.metrics().contains(m)) stored.add(m);
        }
        if (!stored.isEmpty()) {
            repository.series(workloadId, stored, null, (m, vm, s) -> series.get(m)[vm] = reduce.apply(s));
        }
        // a metric the trace lacks reads as zeros: one shared array, not one per VM (a month of 50,000 VMs would
        // otherwise hold 1.7 GB of zeros per missing metric); readers never write into loaded series
        float[] zeros = null;
        for (float[][] perVm : series.values()) {
            for (int i = 0; i < perVm.length; i++) {
                if (perVm[i] != null) continue;
                if (zeros == null) zeros = reduce.apply(new float[w.steps()]);
                perVm[i] = zeros;
            }
        }
        return new LoadedWorkload(w.id(), w.name(), reducedGrid == null ? w.grid() : reducedGrid, vms, series);
    }

    @Override
    public void forEachSeries(UUID workloadId, Metric metric, ObjIntConsumer<float[]> each) {
        WorkloadView w = repository.find(workloadId).orElseThrow(() -> ApiException.notFound("Workload", workloadId));
        if (!w.metrics().contains(metric)) return;
        repository.series(workloadId, List.of(metric), null, (m, vm, s) -> each.accept(s, vm));
    }

    static WorkloadVm toVm(VmView v) {
        return new WorkloadVm(
                v.index(),
                v.name(),
                v.cores(),
                v.cpuMhz(),
                v.memoryMib(),
                v.guestOs(),
                v.paravirtCapable(),
                v.workloadClass(),
                v.antiAffinityGroup(),
                v.affinityGroup());
    }
}
