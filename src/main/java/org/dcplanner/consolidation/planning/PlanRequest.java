package org.dcplanner.consolidation.planning;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem.Objective;
import org.dcplanner.consolidation.problem.ApiException;

/**
 * Body of POST /api/v1/plans. Missing optional fields get the defaults of {@link #withDefaults};
 * {@link #validated} rejects shape errors with 400 (what needs the workload or catalog is checked later).
 *
 * @param pinned VM name to slot index (0-based position in the expanded host pool)
 */
public record PlanRequest(UUID workloadId, String name, List<PoolEntry> hostPool, List<Metric> resources,
                          Sizing sizing, VirtualizationChoice virtualization, Double targetUtilization,
                          Integer haReserveHosts, Objective objective, Integer timeLimitSeconds,
                          Map<String, Integer> pinned, Limits limits) {

    /** Without density limits. */
    public PlanRequest(UUID workloadId, String name, List<PoolEntry> hostPool, List<Metric> resources, Sizing sizing,
                       VirtualizationChoice virtualization, Double targetUtilization, Integer haReserveHosts,
                       Objective objective, Integer timeLimitSeconds, Map<String, Integer> pinned) {
        this(workloadId, name, hostPool, resources, sizing, virtualization, targetUtilization, haReserveHosts, objective,
                timeLimitSeconds, pinned, null);
    }

    static final double MAX_VCPU_PER_CORE = 64;
    static final double MAX_MEMORY_OVERCOMMIT = 4;
    static final int MAX_VMS_PER_HOST = 10_000;

    /**
     * Overcommit and density limits, for the whole pool ({@code limits}) or one pool entry (its {@code limits}, each
     * value set there wins over the pool's). Null = no limit.
     *
     * @param vcpuPerCore      configured vCPUs per physical core on a host, in (0, 64]
     * @param memoryOvercommit a host's usable memory = memory x targetUtilization x this, in (0, 4]; above 1 lets
     *                         the planned memory demand exceed the physical memory (overcommit)
     * @param maxVmsPerHost    VMs one host may run, 1..10,000
     */
    public record Limits(Double vcpuPerCore, Double memoryOvercommit, Integer maxVmsPerHost) {
        /** This entry's limits, each value not set here taken from {@code pool}. */
        Limits over(Limits pool) {
            if (pool == null) return this;
            return new Limits(vcpuPerCore != null ? vcpuPerCore : pool.vcpuPerCore,
                    memoryOvercommit != null ? memoryOvercommit : pool.memoryOvercommit,
                    maxVmsPerHost != null ? maxVmsPerHost : pool.maxVmsPerHost);
        }

        void validate(String field) {
            if (vcpuPerCore != null && !(vcpuPerCore > 0 && vcpuPerCore <= MAX_VCPU_PER_CORE)) {
                throw invalid(field + ".vcpuPerCore", field + ".vcpuPerCore must be in (0, " + (int) MAX_VCPU_PER_CORE + "]");
            }
            if (memoryOvercommit != null && !(memoryOvercommit > 0 && memoryOvercommit <= MAX_MEMORY_OVERCOMMIT)) {
                throw invalid(field + ".memoryOvercommit", field + ".memoryOvercommit must be in (0, "
                        + (int) MAX_MEMORY_OVERCOMMIT + "]");
            }
            if (maxVmsPerHost != null && (maxVmsPerHost < 1 || maxVmsPerHost > MAX_VMS_PER_HOST)) {
                throw invalid(field + ".maxVmsPerHost", field + ".maxVmsPerHost must be between 1 and " + MAX_VMS_PER_HOST);
            }
        }
    }

    public static final double DEFAULT_TARGET_UTILIZATION = 1.0;
    /** Hosts in the whole pool (a plan never uses more hosts than it has VMs; the solver keeps arrays per host). */
    static final int MAX_POOL_HOSTS = 100_000;
    static final int MAX_NAME_LENGTH = 200;

    /** {@code count} hosts of catalog model {@code model}, with optional limits of their own. */
    public record PoolEntry(String model, Integer count, Limits limits) {
        public PoolEntry(String model, Integer count) {
            this(model, count, null);
        }

        /** The limits in effect on this entry's hosts (its own over the pool's); never null. */
        public Limits limitsOver(Limits pool) {
            Limits own = limits == null ? new Limits(null, null, null) : limits;
            return own.over(pool);
        }
    }

    /**
     * How a VM's series becomes planned demand.
     *
     * @param percentile      0 < p <= 100, taken per VM within each window (default 95)
     * @param headroomPercent added on top of the percentile, >= 0 (default 0)
     * @param foldDays        fold a multi-day trace into one typical day by per-time-of-day percentile
     * @param windowSteps     when not folding: centered window of this many steps for the percentile (default 1 = raw series)
     * @param overheadInTrace the series were measured inside VMs and already include their hypervisor's overhead:
     *                        plan them as measured, adding no overhead of the plan's approach (the vCPU cap still
     *                        applies); the replay of the plan does the same (default false)
     */
    public record Sizing(Double percentile, Double headroomPercent, Boolean foldDays, Integer windowSteps,
                         Boolean overheadInTrace) {
    }

    /** Fills defaults and checks shape; throws 400 problems naming the field. */
    public PlanRequest validated(int maxTimeLimitSeconds, int defaultTimeLimitSeconds) {
        if (workloadId == null) throw invalid("workloadId", "workloadId is required");
        if (hostPool == null || hostPool.isEmpty()) throw invalid("hostPool", "hostPool needs at least one {model, count}");
        if (name != null && name.strip().length() > MAX_NAME_LENGTH) {
            throw invalid("name", "name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        long poolHosts = 0;
        for (int i = 0; i < hostPool.size(); i++) {
            PoolEntry e = hostPool.get(i);
            if (e == null || e.model() == null || e.model().isBlank()) throw invalid("hostPool[" + i + "].model", "hostPool[" + i + "].model is required");
            if (e.count() == null || e.count() < 1 || e.count() > MAX_POOL_HOSTS) {
                throw invalid("hostPool[" + i + "].count", "hostPool[" + i + "].count must be between 1 and " + MAX_POOL_HOSTS);
            }
            poolHosts += e.count();
            if (e.limits() != null) e.limits().validate("hostPool[" + i + "].limits");
        }
        if (poolHosts > MAX_POOL_HOSTS) {
            throw invalid("hostPool", "the pool may hold at most " + MAX_POOL_HOSTS + " hosts in all, got " + poolHosts);
        }
        // absent: the default; an empty list is a mistake, not a request for the default
        if (resources != null && resources.isEmpty()) {
            throw invalid("resources", "resources needs at least one of CPU, MEMORY, DISK, NETWORK (or leave it out for CPU, MEMORY)");
        }
        List<Metric> res = resources == null ? List.of(Metric.CPU, Metric.MEMORY) : new ArrayList<>(new LinkedHashSet<>(resources));
        if (res.stream().anyMatch(Objects::isNull)) throw invalid("resources", "resources must be a subset of CPU, MEMORY, DISK, NETWORK");
        if (virtualization == null) throw invalid("virtualization", "virtualization is required: FULL, PARAVIRTUAL, HARDWARE_ASSISTED or AUTO");
        Sizing s = sizingWithDefaults();
        double target = targetUtilization == null ? DEFAULT_TARGET_UTILIZATION : targetUtilization;
        if (!(target > 0 && target <= 1)) throw invalid("targetUtilization", "targetUtilization must be in (0, 1]");
        int ha = haReserveHosts == null ? 0 : haReserveHosts;
        if (ha < 0) throw invalid("haReserveHosts", "haReserveHosts must be >= 0");
        if (limits != null) limits.validate("limits");
        int limit = timeLimitSeconds == null ? defaultTimeLimitSeconds : timeLimitSeconds;
        if (limit < 1 || limit > maxTimeLimitSeconds) {
            throw invalid("timeLimitSeconds", "timeLimitSeconds must be between 1 and " + maxTimeLimitSeconds);
        }
        return new PlanRequest(workloadId, name == null || name.isBlank() ? null : name.strip(), List.copyOf(hostPool),
                List.copyOf(res), s, virtualization,
                target, ha, objective == null ? Objective.HOSTS : objective, limit, pinned == null ? Map.of() : Map.copyOf(pinned), limits);
    }

    private Sizing sizingWithDefaults() {
        Sizing s = sizing == null ? new Sizing(null, null, null, null, null) : sizing;
        double p = s.percentile() == null ? 95 : s.percentile();
        if (!(p > 0 && p <= 100)) throw invalid("sizing.percentile", "sizing.percentile must be in (0, 100], got " + p);
        double h = s.headroomPercent() == null ? 0 : s.headroomPercent();
        if (!(h >= 0 && h <= 1000)) throw invalid("sizing.headroomPercent", "sizing.headroomPercent must be in [0, 1000], got " + h);
        int w = s.windowSteps() == null ? 1 : s.windowSteps();
        if (w < 1) throw invalid("sizing.windowSteps", "sizing.windowSteps must be >= 1");
        return new Sizing(p, h, Boolean.TRUE.equals(s.foldDays()), w, Boolean.TRUE.equals(s.overheadInTrace()));
    }

    private static ApiException invalid(String field, String detail) {
        return ApiException.badRequest(detail).at(null, null, field);
    }
}
