package org.dcplanner.consolidation.planning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.problem.ApiException;
import org.dcplanner.consolidation.problem.Ranges;

/**
 * Body of POST /api/v1/plans. Missing optional fields get the defaults of {@link #withDefaults};
 * {@link #validated} rejects shape errors with 400 (what needs the workload or catalog is checked later).
 *
 * @param pinned VM name to slot index (0-based position in the expanded host pool)
 * @param from   optional: plan only the workload's steps starting at or after this instant
 * @param to     optional: plan only the steps starting before this instant (from < to)
 * @param rules  optional DRS-style placement rules: affinity groups, VM groups, host groups and VM-to-host rules
 * @param fromCurrentPlacement optional: start from where the VMs run today (RVTools estate) with a move budget
 * @param timeWindows optional: windows of the day, each with its own placement reached within a migration cap
 */
public record PlanRequest(
        UUID workloadId,
        String name,
        List<PoolEntry> hostPool,
        List<Metric> resources,
        Sizing sizing,
        VirtualizationChoice virtualization,
        Double targetUtilization,
        Integer haReserveHosts,
        Objective objective,
        Integer timeLimitSeconds,
        Map<String, Integer> pinned,
        Instant from,
        Instant to,
        Limits limits,
        Rules rules,
        FromCurrentPlacement fromCurrentPlacement,
        TimeWindows timeWindows) {

    /** This request planned on the workload's steps in [from, to) (null: from its start / to its end). */
    public PlanRequest withWindow(UUID workload, Instant windowFrom, Instant windowTo) {
        return copy(workload, name, hostPool, windowFrom, windowTo, fromCurrentPlacement);
    }

    /** This request under another name. */
    public PlanRequest named(String newName) {
        return copy(workloadId, newName, hostPool, from, to, fromCurrentPlacement);
    }

    /** This request with the pool it runs on (a plan from today's placement: today's hosts, in estate name order). */
    public PlanRequest withHostPool(List<PoolEntry> pool) {
        return copy(workloadId, name, pool, from, to, fromCurrentPlacement);
    }

    /** This request starting from today's placement with this budget (null: from an empty pool). */
    public PlanRequest fromToday(FromCurrentPlacement budget) {
        return copy(workloadId, name, hostPool, from, to, budget);
    }

    private PlanRequest copy(
            UUID workload,
            String newName,
            List<PoolEntry> pool,
            Instant windowFrom,
            Instant windowTo,
            FromCurrentPlacement budget) {
        return new PlanRequest(
                workload,
                newName,
                pool,
                resources,
                sizing,
                virtualization,
                targetUtilization,
                haReserveHosts,
                objective,
                timeLimitSeconds,
                pinned,
                windowFrom,
                windowTo,
                limits,
                rules,
                budget,
                timeWindows);
    }

    /**
     * Windows of the day (UTC), each with its own placement: window k runs from {@code startHours[k]} to the next
     * start (the last one to the first, past midnight). Each window's placement is reached from the previous one's
     * with at most {@code maxMigrationsPerTransition} migrations that empty hosts (moves off a host the next window
     * overloads are always made).
     *
     * @param startHours                 1..24 hours of the day, 0..23, increasing
     * @param maxMigrationsPerTransition 0..1,000,000 (absent: no cap)
     */
    public record TimeWindows(List<Integer> startHours, Integer maxMigrationsPerTransition) {
        TimeWindows validated() {
            if (startHours == null || startHours.isEmpty() || startHours.size() > 24) {
                throw invalid("timeWindows.startHours", "timeWindows.startHours needs 1 to 24 hours of the day");
            }
            for (int i = 0; i < startHours.size(); i++) {
                String field = "timeWindows.startHours[" + i + "]";
                if (startHours.get(i) == null) throw invalid(field, field + " is required");
                Ranges.check(field, startHours.get(i), 0, 23);
                if (i > 0 && startHours.get(i) <= startHours.get(i - 1)) {
                    throw invalid(field, "timeWindows.startHours must increase");
                }
            }
            Ranges.check("timeWindows.maxMigrationsPerTransition", maxMigrationsPerTransition, 0, MAX_MIGRATIONS);
            return new TimeWindows(List.copyOf(startHours), maxMigrationsPerTransition);
        }

        /** The cap in effect (no cap: the largest allowed). */
        public int migrationCap() {
            return maxMigrationsPerTransition == null ? MAX_MIGRATIONS : maxMigrationsPerTransition;
        }

        /** The window an instant falls in (by its UTC hour of the day). */
        public int windowAt(java.time.Instant at) {
            int hour = (int) ((at.getEpochSecond() % 86_400 + 86_400) % 86_400 / 3600);
            int w = startHours.size() - 1; // before the first start: the last window, from the day before
            for (int k = 0; k < startHours.size(); k++) if (startHours.get(k) <= hour) w = k;
            return w;
        }
    }

    /** Most migrations a move budget may allow. */
    public static final int MAX_MIGRATIONS = 1_000_000;
    /** Largest saving threshold in kW a move budget may ask for. */
    public static final double MAX_KW_SAVED = 1_000_000;

    /**
     * Start from where the VMs run today (the workload's RVTools estate) with a move budget: the pool is today's
     * hosts, the result keeps every VM where it is except the ones the budget lets move.
     *
     * @param hostModels    catalog model of today's hosts, keyed by vHost host name or by vHost model (a host name
     *                      wins); every host of the estate needs one
     * @param maxMigrations at most this many live migrations, 0..1,000,000 (absent: no cap)
     * @param minHostsSaved move nothing unless the moves empty at least this many hosts, 0..100,000 (absent: 1)
     * @param minKwSaved    move nothing unless the emptied hosts' idle power is at least this many kW, in
     *                      [0, 1,000,000] (absent: 0)
     */
    public record FromCurrentPlacement(
            Map<String, String> hostModels, Integer maxMigrations, Integer minHostsSaved, Double minKwSaved) {
        void validate() {
            Ranges.check("fromCurrentPlacement.maxMigrations", maxMigrations, 0, MAX_MIGRATIONS);
            Ranges.check("fromCurrentPlacement.minHostsSaved", minHostsSaved, 0, MAX_POOL_HOSTS);
            Ranges.check("fromCurrentPlacement.minKwSaved", minKwSaved, 0, MAX_KW_SAVED);
            if (hostModels == null || hostModels.isEmpty()) {
                throw invalid(
                        "fromCurrentPlacement.hostModels",
                        "fromCurrentPlacement.hostModels needs the catalog model of today's hosts,"
                                + " by vHost model or host name");
            }
            hostModels.forEach((key, model) -> {
                if (model == null || model.isBlank()) {
                    throw invalid(
                            "fromCurrentPlacement.hostModels." + key,
                            "fromCurrentPlacement.hostModels." + key + " needs a catalog model id");
                }
            });
        }

        /** The migration cap in effect (no cap: the largest allowed). */
        public int migrationCap() {
            return maxMigrations == null ? MAX_MIGRATIONS : maxMigrations;
        }

        public int hostsSavedAtLeast() {
            return minHostsSaved == null ? 1 : minHostsSaved;
        }

        public double kwSavedAtLeast() {
            return minKwSaved == null ? 0 : minKwSaved;
        }
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
            return new Limits(
                    vcpuPerCore != null ? vcpuPerCore : pool.vcpuPerCore,
                    memoryOvercommit != null ? memoryOvercommit : pool.memoryOvercommit,
                    maxVmsPerHost != null ? maxVmsPerHost : pool.maxVmsPerHost);
        }

        void validate(String field) {
            positiveUpTo(field + ".vcpuPerCore", vcpuPerCore, MAX_VCPU_PER_CORE);
            positiveUpTo(field + ".memoryOvercommit", memoryOvercommit, MAX_MEMORY_OVERCOMMIT);
            Ranges.check(field + ".maxVmsPerHost", maxVmsPerHost, 1, MAX_VMS_PER_HOST);
        }

        /** {@code 0 < value <= max}: the range checks' problem (with minimum and maximum), 0 itself excluded. */
        private static void positiveUpTo(String field, Double value, double max) {
            Ranges.check(field, value, 0, max);
            if (value != null && value == 0) {
                throw ApiException.badRequest(field + " must be above 0 and at most " + (int) max + ", got 0")
                        .at(null, null, field)
                        .with("exclusiveMinimum", 0)
                        .with("maximum", max);
            }
        }
    }

    static final int MAX_RULE_ITEMS = 1_000;

    /**
     * DRS-style rules. A host group is a set of the pool's hosts: whole pool entries ({@code poolEntries}, indexes
     * into hostPool) and/or single slots ({@code slots}, as in pinned). A host rule binds a VM group, an affinity group
     * or an inventory anti-affinity group by name. Names are checked against the workload and the pool when planning
     * (422 naming the unknown ones).
     *
     * @param affinityGroups VMs of each group must share one host (added to the inventory's affinity groups)
     * @param vmGroups       named sets of VMs for host rules
     * @param hostGroups     named sets of the pool's hosts
     * @param hostRules      "VMs of group X must / must not / should / should not run on host group H"
     */
    public record Rules(
            List<VmGroup> affinityGroups,
            List<VmGroup> vmGroups,
            List<HostGroup> hostGroups,
            List<HostRuleSpec> hostRules) {
        public List<VmGroup> affinityGroupsOrEmpty() {
            return affinityGroups == null ? List.of() : affinityGroups;
        }

        public List<VmGroup> vmGroupsOrEmpty() {
            return vmGroups == null ? List.of() : vmGroups;
        }

        public List<HostGroup> hostGroupsOrEmpty() {
            return hostGroups == null ? List.of() : hostGroups;
        }

        public List<HostRuleSpec> hostRulesOrEmpty() {
            return hostRules == null ? List.of() : hostRules;
        }

        void validate() {
            items("rules.affinityGroups", affinityGroups);
            items("rules.vmGroups", vmGroups);
            items("rules.hostGroups", hostGroups);
            items("rules.hostRules", hostRules);
            for (int i = 0; i < affinityGroupsOrEmpty().size(); i++)
                vmGroup("rules.affinityGroups[" + i + "]", affinityGroups.get(i));
            for (int i = 0; i < vmGroupsOrEmpty().size(); i++) vmGroup("rules.vmGroups[" + i + "]", vmGroups.get(i));
            for (int i = 0; i < hostGroupsOrEmpty().size(); i++) {
                String field = "rules.hostGroups[" + i + "]";
                HostGroup g = hostGroups.get(i);
                if (g == null) throw invalid(field, field + " must be an object");
                name(field + ".name", g.name());
                List<Integer> entries = g.poolEntries() == null ? List.of() : g.poolEntries();
                List<Integer> slots = g.slots() == null ? List.of() : g.slots();
                if (entries.isEmpty() && slots.isEmpty())
                    throw invalid(field, field + " needs poolEntries or slots (at least one host)");
                if (entries.size() > MAX_POOL_HOSTS || slots.size() > MAX_POOL_HOSTS)
                    throw invalid(field, field + " lists at most " + MAX_POOL_HOSTS + " pool entries and slots");
                for (int j = 0; j < entries.size(); j++)
                    Ranges.check(field + ".poolEntries[" + j + "]", entries.get(j), 0, MAX_POOL_HOSTS - 1);
                for (int j = 0; j < slots.size(); j++)
                    Ranges.check(field + ".slots[" + j + "]", slots.get(j), 0, MAX_POOL_HOSTS - 1);
            }
            for (int i = 0; i < hostRulesOrEmpty().size(); i++) {
                String field = "rules.hostRules[" + i + "]";
                HostRuleSpec r = hostRules.get(i);
                if (r == null) throw invalid(field, field + " must be an object");
                name(field + ".name", r.name());
                name(field + ".vmGroup", r.vmGroup());
                name(field + ".hostGroup", r.hostGroup());
                if (r.kind() == null)
                    throw invalid(
                            field + ".kind",
                            field
                                    + ".kind is required: MUST_RUN_ON, MUST_NOT_RUN_ON, SHOULD_RUN_ON or SHOULD_NOT_RUN_ON");
            }
        }

        private static void items(String field, List<?> list) {
            if (list != null && list.size() > MAX_RULE_ITEMS)
                throw invalid(field, field + " may hold at most " + MAX_RULE_ITEMS + " items, got " + list.size());
        }

        private static void vmGroup(String field, VmGroup g) {
            if (g == null) throw invalid(field, field + " must be an object");
            name(field + ".name", g.name());
            if (g.vms() == null || g.vms().isEmpty())
                throw invalid(field + ".vms", field + ".vms needs at least one VM");
            if (g.vms().size() > MAX_PINS)
                throw invalid(field + ".vms", field + ".vms may name at most " + MAX_PINS + " VMs");
            for (int j = 0; j < g.vms().size(); j++)
                name(field + ".vms[" + j + "]", g.vms().get(j));
        }

        private static void name(String field, String value) {
            if (value == null || value.isBlank()) throw invalid(field, field + " is required");
            if (value.length() > MAX_NAME_LENGTH)
                throw invalid(field, field + " must be at most " + MAX_NAME_LENGTH + " characters");
        }
    }

    /** A named set of VMs (by their names in the workload). */
    public record VmGroup(String name, List<String> vms) {}

    /** A named set of the pool's hosts: whole pool entries and/or single slots. */
    public record HostGroup(String name, List<Integer> poolEntries, List<Integer> slots) {}

    /** "VMs of vmGroup {kind} hostGroup", e.g. MUST_RUN_ON; MUST_* are hard, SHOULD_* soft. */
    public record HostRuleSpec(String name, String vmGroup, String hostGroup, HostRuleKind kind) {}

    public static final double DEFAULT_TARGET_UTILIZATION = 1.0;
    /** Hosts in the whole pool (a plan never uses more hosts than it has VMs; the solver keeps arrays per host). */
    static final int MAX_POOL_HOSTS = 100_000;

    static final int MAX_NAME_LENGTH = 200;
    /** Longest percentile window: one week of 5-minute steps (the sizer's cost grows with VMs x steps x window). */
    static final int MAX_WINDOW_STEPS = 2016;
    /** Most pins in one request (one per VM; workloads hold at most this many VMs in practice). */
    static final int MAX_PINS = 100_000;

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
     * @param windowSteps     when not folding: centered window of this many steps for the percentile (absent: one hour
     *                        of the workload's steps, resolved when sizing; 1 = the raw series, where the percentile has
     *                        no effect)
     * @param overheadInTrace the series were measured inside VMs and already include their hypervisor's overhead:
     *                        plan them as measured, adding no overhead of the plan's approach (the vCPU cap still
     *                        applies); the replay of the plan does the same (default false)
     * @param overloadRiskPercent the other sizing mode: the share (%) of host-steps allowed over capacity on unseen
     *                        days, in [0.001, 50]; the planner sizes hosts jointly ({@link OverloadRiskModel}) and
     *                        percentile and window do not apply (absent: percentile mode)
     */
    public record Sizing(
            Double percentile,
            Double headroomPercent,
            Boolean foldDays,
            Integer windowSteps,
            Boolean overheadInTrace,
            Double overloadRiskPercent) {
        public static final double MIN_OVERLOAD_RISK_PERCENT = 0.001;
        public static final double MAX_OVERLOAD_RISK_PERCENT = 50;

        /** Percentile mode. */
        public Sizing(
                Double percentile,
                Double headroomPercent,
                Boolean foldDays,
                Integer windowSteps,
                Boolean overheadInTrace) {
            this(percentile, headroomPercent, foldDays, windowSteps, overheadInTrace, null);
        }

        /** Whether this sizing targets an overload risk instead of a percentile. */
        public boolean riskTargeted() {
            return overloadRiskPercent != null;
        }
    }

    /** Fills defaults and checks shape; throws 400 problems naming the field. */
    public PlanRequest validated(int maxTimeLimitSeconds, int defaultTimeLimitSeconds) {
        if (workloadId == null) throw invalid("workloadId", "workloadId is required");
        if (fromCurrentPlacement != null) {
            fromCurrentPlacement.validate();
            if (hostPool != null && !hostPool.isEmpty()) {
                throw invalid("hostPool", "a plan from today's placement runs on today's hosts: leave hostPool out");
            }
            if (haReserveHosts != null && haReserveHosts > 0) {
                throw invalid(
                        "haReserveHosts",
                        "a plan from today's placement keeps today's hosts: haReserveHosts must be 0");
            }
            if (pinned != null && !pinned.isEmpty()) {
                throw invalid("pinned", "a plan from today's placement pins the VMs that stay: leave pinned out");
            }
            // the rest is checked as for any plan, on a stand-in pool (today's hosts are known once the estate loads)
            PlanRequest shape = fromToday(null)
                    .withHostPool(List.of(new PoolEntry(ESTATE_POOL_PLACEHOLDER, 1)))
                    .validated(maxTimeLimitSeconds, defaultTimeLimitSeconds);
            return shape.withHostPool(List.of()).fromToday(fromCurrentPlacement);
        }
        if (hostPool == null || hostPool.isEmpty())
            throw invalid("hostPool", "hostPool needs at least one {model, count}");
        if (name != null && name.strip().length() > MAX_NAME_LENGTH) {
            throw invalid("name", "name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        long poolHosts = 0;
        for (int i = 0; i < hostPool.size(); i++) {
            PoolEntry e = hostPool.get(i);
            if (e == null || e.model() == null || e.model().isBlank())
                throw invalid("hostPool[" + i + "].model", "hostPool[" + i + "].model is required");
            if (e.count() == null || e.count() < 1 || e.count() > MAX_POOL_HOSTS) {
                throw invalid(
                        "hostPool[" + i + "].count",
                        "hostPool[" + i + "].count must be between 1 and " + MAX_POOL_HOSTS);
            }
            poolHosts += e.count();
            if (e.limits() != null) e.limits().validate("hostPool[" + i + "].limits");
        }
        if (poolHosts > MAX_POOL_HOSTS) {
            throw invalid(
                    "hostPool", "the pool may hold at most " + MAX_POOL_HOSTS + " hosts in all, got " + poolHosts);
        }
        // absent: the default; an empty list is a mistake, not a request for the default
        if (resources != null && resources.isEmpty()) {
            throw invalid(
                    "resources",
                    "resources needs at least one of CPU, MEMORY, DISK, NETWORK (or leave it out for CPU, MEMORY)");
        }
        List<Metric> res = resources == null
                ? List.of(Metric.CPU, Metric.MEMORY)
                : new ArrayList<>(new LinkedHashSet<>(resources));
        if (res.stream().anyMatch(Objects::isNull))
            throw invalid("resources", "resources must be a subset of CPU, MEMORY, DISK, NETWORK");
        if (virtualization == null)
            throw invalid("virtualization", "virtualization is required: FULL, PARAVIRTUAL, HARDWARE_ASSISTED or AUTO");
        Sizing s = sizingWithDefaults();
        double target = targetUtilization == null ? DEFAULT_TARGET_UTILIZATION : targetUtilization;
        if (!(target > 0 && target <= 1)) throw invalid("targetUtilization", "targetUtilization must be in (0, 1]");
        int ha = haReserveHosts == null ? 0 : Ranges.check("haReserveHosts", haReserveHosts, 0, MAX_POOL_HOSTS - 1);
        checkPins();
        if (from != null && to != null && !from.isBefore(to)) throw invalid("to", "to must be after from");
        if (limits != null) limits.validate("limits");
        if (rules != null) rules.validate();
        int limit = timeLimitSeconds == null ? defaultTimeLimitSeconds : timeLimitSeconds;
        if (limit < 1 || limit > maxTimeLimitSeconds) {
            throw invalid("timeLimitSeconds", "timeLimitSeconds must be between 1 and " + maxTimeLimitSeconds);
        }
        return new PlanRequest(
                workloadId,
                name == null || name.isBlank() ? null : name.strip(),
                List.copyOf(hostPool),
                List.copyOf(res),
                s,
                virtualization,
                target,
                ha,
                objective == null ? Objective.HOSTS : objective,
                limit,
                pinned == null ? Map.of() : Map.copyOf(pinned),
                from,
                to,
                limits,
                rules,
                fromCurrentPlacement,
                timeWindows == null ? null : timeWindows.validated());
    }

    /** Stands for today's hosts while the rest of a from-today request is checked; never stored. */
    private static final String ESTATE_POOL_PLACEHOLDER = "todays-hosts";

    private void checkPins() {
        if (pinned == null) return;
        if (pinned.size() > MAX_PINS) {
            throw invalid("pinned", "pinned may name at most " + MAX_PINS + " VMs, got " + pinned.size());
        }
        for (Map.Entry<String, Integer> pin : pinned.entrySet()) {
            if (pin.getValue() == null)
                throw invalid("pinned." + pin.getKey(), "pinned." + pin.getKey() + " needs a slot number");
            Ranges.check("pinned." + pin.getKey(), pin.getValue(), 0, MAX_POOL_HOSTS - 1);
        }
    }

    private Sizing sizingWithDefaults() {
        Sizing s = sizing == null ? new Sizing(null, null, null, null, null) : sizing;
        if (s.riskTargeted()) return riskSizingWithDefaults(s);
        double p = s.percentile() == null ? 95 : s.percentile();
        if (!(p > 0 && p <= 100)) throw invalid("sizing.percentile", "sizing.percentile must be in (0, 100], got " + p);
        double h = s.headroomPercent() == null ? 0 : s.headroomPercent();
        if (!(h >= 0 && h <= 1000))
            throw invalid("sizing.headroomPercent", "sizing.headroomPercent must be in [0, 1000], got " + h);
        if (s.windowSteps() != null) Ranges.check("sizing.windowSteps", s.windowSteps(), 1, MAX_WINDOW_STEPS);
        // an absent window stays absent: one hour of the workload's steps, resolved when sizing (sizingApplied shows
        // it)
        return new Sizing(
                p, h, Boolean.TRUE.equals(s.foldDays()), s.windowSteps(), Boolean.TRUE.equals(s.overheadInTrace()));
    }

    /** Risk mode: the target and headroom apply; a percentile, window or fold would be ignored, so they are refused. */
    private static Sizing riskSizingWithDefaults(Sizing s) {
        double risk = s.overloadRiskPercent();
        if (!(risk >= Sizing.MIN_OVERLOAD_RISK_PERCENT && risk <= Sizing.MAX_OVERLOAD_RISK_PERCENT)) {
            throw invalid(
                    "sizing.overloadRiskPercent",
                    "sizing.overloadRiskPercent must be in [" + Sizing.MIN_OVERLOAD_RISK_PERCENT + ", "
                            + Sizing.MAX_OVERLOAD_RISK_PERCENT + "], got " + risk);
        }
        if (s.percentile() != null) {
            throw invalid("sizing.percentile", "give either sizing.percentile or sizing.overloadRiskPercent, not both");
        }
        if (s.windowSteps() != null || s.foldDays() != null) {
            throw invalid(
                    s.windowSteps() != null ? "sizing.windowSteps" : "sizing.foldDays",
                    "with sizing.overloadRiskPercent "
                            + "the planner chooses the scenario window itself (the hour around each step, folded over days when "
                            + "there are two or more); leave windowSteps and foldDays out");
        }
        double h = s.headroomPercent() == null ? 0 : s.headroomPercent();
        if (!(h >= 0 && h <= 1000))
            throw invalid("sizing.headroomPercent", "sizing.headroomPercent must be in [0, 1000], got " + h);
        return new Sizing(null, h, null, null, Boolean.TRUE.equals(s.overheadInTrace()), risk);
    }

    private static ApiException invalid(String field, String detail) {
        return ApiException.badRequest(detail).at(null, null, field);
    }
}
