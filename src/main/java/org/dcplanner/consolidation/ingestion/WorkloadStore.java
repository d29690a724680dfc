package org.dcplanner.consolidation.ingestion;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.ObjIntConsumer;
import java.util.function.UnaryOperator;

/** The ingestion feature's read API for other features (planning, simulation, savings). */
public interface WorkloadStore {
    boolean exists(UUID workloadId);

    /**
     * Values a whole load of the workload holds: VMs x steps x stored metrics (what a caller checks against its heap
     * before loading the trace whole); 0 when unknown. Throws ApiException 404 when unknown.
     */
    default long storedCells(UUID workloadId) {
        return 0;
    }

    /** Loads the VMs and the requested metrics' aligned series; throws ApiException 404 when unknown. */
    LoadedWorkload load(UUID workloadId, Set<Metric> metrics);

    /**
     * The same with each VM's series passed through {@code reduce} as it is read, on {@code reducedGrid} (what
     * {@code reduce} returns): a month of 50,000 VMs folded into a day never holds the month in heap. A series
     * the trace lacks is reduced once from zeros and shared. {@code reduce} runs on one thread.
     */
    default LoadedWorkload load(
            UUID workloadId, Set<Metric> metrics, TimeGrid reducedGrid, UnaryOperator<float[]> reduce) {
        LoadedWorkload whole = load(workloadId, metrics);
        Map<Metric, float[][]> reduced = new EnumMap<>(Metric.class);
        whole.series().forEach((m, perVm) -> {
            float[][] out = new float[perVm.length][];
            for (int vm = 0; vm < perVm.length; vm++) out[vm] = reduce.apply(perVm[vm]);
            reduced.put(m, out);
        });
        return new LoadedWorkload(whole.id(), whole.name(), reducedGrid, whole.vms(), reduced);
    }

    /**
     * Each VM's stored series of {@code metric} with its VM index, one at a time (never all in heap); VMs without
     * one are not visited. The consumer runs on the calling thread.
     */
    default void forEachSeries(UUID workloadId, Metric metric, ObjIntConsumer<float[]> each) {
        LoadedWorkload w = load(workloadId, Set.of(metric));
        float[][] perVm = w.series().get(metric);
        for (int vm = 0; vm < perVm.length; vm++) each.accept(perVm[vm], vm);
    }

    /** Today's hosts and each VM's current host (empty when the upload had no RVTools inventory). */
    CurrentEstate estate(UUID workloadId);
}
