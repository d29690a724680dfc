package org.dcplanner.consolidation.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.planning.PlanRequest.FromCurrentPlacement;
import org.dcplanner.consolidation.planning.internal.ActionPlan.Action;
import org.dcplanner.consolidation.planning.internal.ActionPlan.Kind;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem.HostSlotSpec;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.junit.jupiter.api.Test;

/**
 * The action plan's order and the move budget, checked by replaying the actions on loads recomputed here: no host
 * over capacity after any step, every VM ends on its planned host, power steps where hosts empty and fill.
 */
class ActionPlanBuilderTest {
    private static final double CAPACITY = 100;

    /** One CPU row, {@code steps} steps, demand[vm][step]; every host the same capacity. */
    private static PlanningProblem problem(float[][] demand, int hosts) {
        List<HostSlotSpec> slots = new ArrayList<>();
        for (int s = 0; s < hosts; s++)
            slots.add(new HostSlotSpec("m", new double[] {CAPACITY}, 100 + s, 200, 1000, true));
        List<String> names = new ArrayList<>();
        for (int v = 0; v < demand.length; v++) names.add("vm" + v);
        return new PlanningProblem(
                List.of(Metric.CPU),
                demand[0].length,
                new float[][][] {demand},
                names,
                slots,
                filled(demand.length, -1),
                filled(demand.length, -1),
                new boolean[demand.length],
                VirtualizationApproach.HARDWARE_ASSISTED,
                0,
                org.dcplanner.consolidation.planning.Objective.HOSTS);
    }

    private static int[] filled(int n, int value) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, value);
        return a;
    }

    private static List<String> hostNames(int n) {
        List<String> names = new ArrayList<>();
        for (int s = 0; s < n; s++) names.add("esx" + s);
        return names;
    }

    private static ActionPlan build(PlanningProblem p, int[] from, int[] to) {
        double[] memory = new double[p.vmCount()];
        java.util.Arrays.fill(memory, 4096);
        double[] network = new double[p.slots().size()];
        java.util.Arrays.fill(network, 125_000); // 1 Gbit/s in KB/s
        return new ActionPlanBuilder(p, hostNames(p.slots().size()), memory, network).build(from, to);
    }

    /** Replays the actions; asserts capacity after each step and returns where each VM ends. */
    private static Map<String, String> replay(PlanningProblem p, int[] from, ActionPlan plan) {
        Map<String, String> at = new HashMap<>();
        Map<String, double[]> load = new HashMap<>();
        java.util.Set<String> on = new java.util.HashSet<>();
        for (int v = 0; v < from.length; v++) {
            if (from[v] < 0) continue;
            at.put("vm" + v, "esx" + from[v]);
            add(load, "esx" + from[v], p.demand()[0][v], 1, p.steps());
            on.add("esx" + from[v]);
        }
        for (Action a : plan.actions()) {
            switch (a.kind()) {
                case POWER_ON ->
                    assertThat(on.add(a.fromHost()))
                            .as("powered on twice: " + a)
                            .isTrue();
                case POWER_OFF -> {
                    assertThat(at.containsValue(a.fromHost()))
                            .as("powered off with VMs: " + a)
                            .isFalse();
                    on.remove(a.fromHost());
                }
                case MIGRATE, PLACE -> {
                    assertThat(on).as("destination off: " + a).contains(a.toHost());
                    int v = Integer.parseInt(a.vm().substring(2));
                    if (a.kind() == Kind.MIGRATE) {
                        assertThat(at.get(a.vm())).isEqualTo(a.fromHost());
                        add(load, a.fromHost(), p.demand()[0][v], -1, p.steps());
                    }
                    add(load, a.toHost(), p.demand()[0][v], 1, p.steps());
                    at.put(a.vm(), a.toHost());
                    if (!a.overCapacity()) {
                        for (double l : load.get(a.toHost()))
                            assertThat(l).as("over capacity after " + a).isLessThanOrEqualTo(CAPACITY + 1e-6);
                    }
                }
            }
        }
        return at;
    }

    private static void add(Map<String, double[]> load, String host, float[] demand, int sign, int steps) {
        double[] l = load.computeIfAbsent(host, h -> new double[steps]);
        for (int t = 0; t < steps; t++) l[t] += sign * demand[t];
    }

    @Test
    void aSwapOfTwoFullHostsTakesADetourThroughAThirdHost() {
        // two hosts at 90 %: swapping their 60-VMs needs one of them parked elsewhere first
        float[][] demand = {{60}, {30}, {60}, {30}};
        PlanningProblem p = problem(demand, 3);
        int[] from = {0, 0, 1, 1};
        int[] to = {1, 0, 0, 1};
        ActionPlan plan = build(p, from, to);
        Map<String, String> end = replay(p, from, plan);
        assertThat(end).containsEntry("vm0", "esx1").containsEntry("vm2", "esx0");
        assertThat(plan.actions()).anyMatch(Action::staging).noneMatch(Action::overCapacity);
        assertThat(plan.totals().migrations()).isEqualTo(3);
        // the parking host is switched on for the detour and off once it is empty again
        assertThat(plan.totals().powerOns()).isEqualTo(1);
        assertThat(plan.totals().powerOffs()).isEqualTo(1);
        // CloudSim's L1: 4096 MiB x 1024 / (0.5 x 125,000 KB/s) = 67.1 s per migration, one after another
        assertThat(plan.totals().durationSeconds()).isCloseTo(3 * 4096 * 1024 / 62_500.0, within(1e-6));
        assertThat(plan.totals().memoryGib()).isCloseTo(12, within(1e-9));
    }

    @Test
    void movesAreOrderedSoTheFirstHostIsEmptiedBeforeItIsRefilled() {
        // host 0 must hand its VM to host 1 before it can take host 2's big one
        float[][] demand = {{50, 70}, {40, 10}, {90, 90}};
        PlanningProblem p = problem(demand, 3);
        int[] from = {0, 1, 2};
        int[] to = {1, 1, 0};
        ActionPlan plan = build(p, from, to);
        Map<String, String> end = replay(p, from, plan);
        assertThat(end).containsEntry("vm0", "esx1").containsEntry("vm2", "esx0");
        assertThat(plan.actions()).noneMatch(Action::staging).noneMatch(Action::overCapacity);
        assertThat(plan.actions().stream().map(Action::kind).toList())
                .containsExactly(Kind.MIGRATE, Kind.MIGRATE, Kind.POWER_OFF);
        assertThat(plan.actions().get(0).vm()).isEqualTo("vm0");
        assertThat(plan.actions().get(2).fromHost()).isEqualTo("esx2");
    }

    @Test
    void theMoveBudgetCapsMigrationsAndStillEmptiesHosts() {
        Random random = new Random(16);
        for (int round = 0; round < 40; round++) {
            int hosts = 6 + random.nextInt(6);
            int vms = hosts * 3;
            float[][] demand = new float[vms][12];
            int[] today = new int[vms];
            for (int v = 0; v < vms; v++) {
                today[v] = v % hosts;
                for (int t = 0; t < 12; t++) demand[v][t] = 3 + random.nextInt(15);
            }
            PlanningProblem p = problem(demand, hosts);
            int cap = random.nextInt(8);
            MoveBudget budget = MoveBudget.plan(p, today, new FromCurrentPlacement(Map.of("x", "m"), cap, 1, null));
            assertThat(budget.migrations()).isLessThanOrEqualTo(cap);
            assertThat(MoveBudget.migrationsFrom(today, budget.placement())).isEqualTo(budget.migrations());
            // VMs that may still move in the solver: exactly the emptied hosts' VMs, within the cap too
            long free = java.util.stream.IntStream.range(0, vms)
                    .filter(v -> budget.pinned()[v] < 0)
                    .count();
            assertThat(free).isLessThanOrEqualTo(cap);
            // light VMs, three per host: every cap of 3 or more empties at least one host
            if (cap >= 3) assertThat(budget.emptied()).isNotEmpty();
            ActionPlan plan = build(p, today, budget.placement());
            replay(p, today, plan);
            assertThat(plan.totals().migrations()).isEqualTo(budget.migrations());
            assertThat(plan.totals().powerOffs()).isEqualTo(budget.emptied().size());
        }
    }

    @Test
    void aMinimumSavingTheBudgetCannotReachMovesNothing() {
        float[][] demand = {{10}, {10}, {10}, {10}};
        PlanningProblem p = problem(demand, 4);
        int[] today = {0, 1, 2, 3};
        MoveBudget enough = MoveBudget.plan(p, today, new FromCurrentPlacement(Map.of("x", "m"), 3, 3, null));
        assertThat(enough.emptied()).hasSize(3);
        assertThat(enough.migrations()).isEqualTo(3);
        MoveBudget shortOf = MoveBudget.plan(p, today, new FromCurrentPlacement(Map.of("x", "m"), 2, 3, null));
        assertThat(shortOf.moved()).isFalse();
        assertThat(shortOf.placement()).containsExactly(today);
        // idle power of three emptied hosts: 0.1 + 0.101 + 0.102 ... kW, short of 1 kW
        MoveBudget shortOfKw = MoveBudget.plan(p, today, new FromCurrentPlacement(Map.of("x", "m"), 3, 1, 1.0));
        assertThat(shortOfKw.migrations()).isZero();
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }
}
