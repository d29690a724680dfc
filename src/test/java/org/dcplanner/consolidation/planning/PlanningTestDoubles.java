package org.dcplanner.consolidation.planning;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadStore;
import org.dcplanner.consolidation.planning.solver.ConsolidationSolver;
import org.dcplanner.consolidation.problem.ApiException;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Stand-ins for beans other features provide, used by the planning ITs until those features are in
 * main: an in-memory workload store and {@link FfdTestSolver}. The overhead model is the real one.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PlanningTestDoubles {

    @Bean
    @Primary
    InMemoryWorkloads inMemoryWorkloads(org.springframework.context.ApplicationContext context) {
        return new InMemoryWorkloads(context);
    }

    @Bean
    @Primary
    ConsolidationSolver ffdTestSolver() {
        return new FfdTestSolver();
    }

    @Bean
    CompletedPlans completedPlans() {
        return new CompletedPlans();
    }

    /** Records every {@link PlanCompleted} event. */
    public static class CompletedPlans {
        final Set<UUID> ids = ConcurrentHashMap.newKeySet();

        @org.springframework.context.event.EventListener
        void on(PlanCompleted event) {
            ids.add(event.planId());
        }
    }

    /**
     * Workloads put by tests, shared by every test context of the JVM (each context's job engine may
     * pick up a plan another context queued). {@link #exists} knows only these, so a context with
     * these doubles never claims a plan of a real-stack context (the planner claims only plans whose
     * workload its store sees); {@link #load} of any other id goes to the application's own store,
     * so replays queued elsewhere still load.
     */
    public static class InMemoryWorkloads implements WorkloadStore {
        private static final Map<UUID, LoadedWorkload> byId = new ConcurrentHashMap<>();
        private final org.springframework.context.ApplicationContext context;

        InMemoryWorkloads(org.springframework.context.ApplicationContext context) {
            this.context = context;
        }

        private java.util.Optional<WorkloadStore> real() {
            return context.getBeansOfType(WorkloadStore.class).values().stream()
                    .filter(s -> s != this)
                    .findFirst();
        }

        public UUID put(LoadedWorkload workload) {
            byId.put(workload.id(), workload);
            return workload.id();
        }

        @Override
        public boolean exists(UUID workloadId) {
            return byId.containsKey(workloadId);
        }

        @Override
        public LoadedWorkload load(UUID workloadId, Set<Metric> metrics) {
            LoadedWorkload w = byId.get(workloadId);
            if (w == null) {
                return real().orElseThrow(() -> ApiException.notFound("workload", workloadId))
                        .load(workloadId, metrics);
            }
            Map<Metric, float[][]> series = new EnumMap<>(Metric.class);
            w.series().forEach((m, s) -> {
                if (metrics.contains(m)) series.put(m, s);
            });
            return new LoadedWorkload(w.id(), w.name(), w.grid(), List.copyOf(w.vms()), series);
        }

        /** Workloads put here have no RVTools estate; any other goes to the application's own store. */
        @Override
        public org.dcplanner.consolidation.ingestion.CurrentEstate estate(UUID workloadId) {
            if (byId.containsKey(workloadId)) return org.dcplanner.consolidation.ingestion.CurrentEstate.none();
            return real().orElseThrow(() -> ApiException.notFound("workload", workloadId))
                    .estate(workloadId);
        }
    }
}
