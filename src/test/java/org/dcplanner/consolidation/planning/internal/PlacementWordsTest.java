package org.dcplanner.consolidation.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadClass;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.planning.Objective;
import org.dcplanner.consolidation.planning.solver.domain.PlacementRules;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem.HostSlotSpec;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.junit.jupiter.api.Test;

class PlacementWordsTest {
    private static final HostSlotSpec HOST = new HostSlotSpec("m", new double[] {1000}, 50, 100, 1, true);

    private static WorkloadVm vm(int i, String group) {
        return new WorkloadVm(i, "vm" + i, 2, 2000, 4096, "linux", true, WorkloadClass.COMPUTE, group, null);
    }

    /** 3 VMs, CPU only, 2 steps: vm0 + vm1 on host 0, vm2 on host 1. */
    private static PlanningProblem problem(int[] groups) {
        float[][][] demand = {{{600, 100}, {300, 300}, {500, 200}}};
        return new PlanningProblem(
                List.of(Metric.CPU),
                2,
                demand,
                List.of("vm0", "vm1", "vm2"),
                List.of(HOST, HOST),
                new int[] {-1, -1, -1},
                groups,
                new boolean[] {true, true, true},
                VirtualizationApproach.FULL,
                0,
                Objective.HOSTS);
    }

    /** CPU only, full virtualization, nothing pinned, no HA reserve: one VM per demand row, named vm0, vm1, … */
    private static PlanningProblem cpuOnly(float[][][] demand, int hosts, int[] antiAffinityGroups) {
        int vms = demand[0].length;
        int[] unpinned = new int[vms];
        java.util.Arrays.fill(unpinned, -1);
        return new PlanningProblem(
                List.of(Metric.CPU),
                demand[0][0].length,
                demand,
                java.util.stream.IntStream.range(0, vms).mapToObj(v -> "vm" + v).toList(),
                java.util.Collections.nCopies(hosts, HOST),
                unpinned,
                antiAffinityGroups,
                null,
                VirtualizationApproach.FULL,
                0,
                Objective.HOSTS);
    }

    @Test
    void statesSizeShareHeadroomAndWhyNotTheNearestHostByCapacity() {
        int[] slots = {0, 0, 1};
        PlacementWords words = new PlacementWords(
                problem(new int[] {-1, -1, -1}), List.of(vm(0, null), vm(1, null), vm(2, null)), slots, 300);
        PlacementWords.Words w = words.explain(0, "CPU", 0);
        // host 0 at step 0: 600 + 300 = 900 of 1000; vm0 is 600 of it
        assertThat(w.share()).isCloseTo(600.0 / 900, within(1e-9));
        assertThat(w.headroom()).isCloseTo(100, within(1e-9));
        assertThat(w.text())
                .contains("2 vCPU")
                .contains("peaks at 600 MHz CPU")
                .contains("66.7 % of the host's load")
                .contains("Headroom then: 100 MHz");
        // on host 1 it would reach 500 + 600 = 1100 of 1000 at step 0
        assertThat(w.nearestSlot()).isEqualTo(1);
        assertThat(w.nearestWhyNot())
                .contains("#1")
                .contains("no room")
                .contains("1,100 of 1,000 MHz")
                .contains("step 0")
                .contains("100 MHz over");
    }

    @Test
    void namesTheRuleThatKeepsItOffAHostWithRoom() {
        // vm1 (300, 300) would fit beside vm2 (500, 200) on host 1, but they share an anti-affinity group
        int[] slots = {0, 0, 1};
        PlacementWords words = new PlacementWords(
                problem(new int[] {-1, 0, 0}), List.of(vm(0, null), vm(1, "db"), vm(2, "db")), slots, 300);
        PlacementWords.Words w = words.explain(1, "CPU", 0);
        assertThat(w.text()).contains("anti-affinity group 'db'").contains("(on hosts #1)");
        assertThat(w.nearestWhyNot())
                .contains("Host #1 (m) has room, but vm2 of its anti-affinity group 'db' runs there");
    }

    @Test
    void saysWhenAnotherHostCouldTakeItToo() {
        float[][][] demand = {{{100, 100}, {100, 100}, {100, 100}}};
        PlanningProblem p = cpuOnly(demand, 2, new int[] {-1, -1, -1});
        PlacementWords words =
                new PlacementWords(p, List.of(vm(0, null), vm(1, null), vm(2, null)), new int[] {0, 0, 1}, 300);
        assertThat(words.explain(0, "CPU", 0).nearestWhyNot())
                .contains("Host #1 (m) could also take it")
                .contains("20.0 %");
    }

    @Test
    void aVmWithoutAHostAndAVmAloneOnTheOnlyActiveHostHaveNoNearestHost() {
        PlacementWords words = new PlacementWords(
                problem(new int[] {-1, -1, -1}),
                List.of(vm(0, null), vm(1, null), vm(2, null)),
                new int[] {0, -1, 0},
                300);
        PlacementWords.Words unplaced = words.explain(1, "CPU", 0);
        assertThat(unplaced.text()).endsWith("It has no host in this plan.");
        assertThat(unplaced.nearestSlot()).isEqualTo(-1);

        PlacementWords.Words alone = words.explain(0, null, 5);
        assertThat(alone.nearestSlot()).isEqualTo(-1);
        assertThat(alone.nearestWhyNot()).startsWith("No other host is on in this plan");
        // no binding resource: the first row; a step past the end: the last step (+5 min at 300 s steps)
        assertThat(alone.text()).contains("busiest on CPU at step 1 (+0h05m)").contains("No rule binds it");
    }

    @Test
    void namesPinsHardwareAssistDensityLimitsAndTheHaReserve() {
        // rows: CPU, then the VMs-per-host limit (1 per VM); host 1 has no hardware assist
        HostSlotSpec assisted = new HostSlotSpec("hw", new double[] {1000, 4}, 50, 100, 1, true);
        HostSlotSpec plain = new HostSlotSpec("old", new double[] {1000, 4}, 50, 100, 1, false);
        float[][][] demand = {{{100}, {100}, {100}}, {{1}, {1}, {1}}};
        PlanningProblem p = new PlanningProblem(
                List.of(Metric.CPU),
                1,
                demand,
                List.of("vm0", "vm1", "vm2"),
                List.of(assisted, plain),
                new int[] {0, -1, -1},
                new int[] {-1, -1, -1},
                new boolean[] {true, true, true},
                VirtualizationApproach.HARDWARE_ASSISTED,
                1,
                Objective.HOSTS,
                List.of(PlanningProblem.LimitRow.VMS),
                null);
        PlacementWords words =
                new PlacementWords(p, List.of(vm(0, null), vm(1, null), vm(2, null)), new int[] {0, 0, 1}, 300);

        PlacementWords.Words pinned = words.explain(0, "CPU", 0);
        assertThat(pinned.text())
                .contains("the plan request pins it to host #0")
                .contains("hardware-assisted virtualization: only hosts with hardware assist")
                .contains("VMS limit: 2 VMs on this host's limit of 4")
                .contains("HA reserve of 1 host: the VMs of any failed host must fit on the others");
        // host 1 would hold it (2 of 4 VMs, 200 of 1000 MHz) but the pin keeps it off
        assertThat(pinned.nearestSlot()).isEqualTo(1);
        assertThat(pinned.nearestWhyNot()).isEqualTo("Host #1 (old) has room, but the VM is pinned to host #0.");

        PlacementWords.Words byLimit = words.explain(1, "VMS", 0);
        assertThat(byLimit.headroomUnit()).isEqualTo("VMs");
        assertThat(byLimit.headroom()).isCloseTo(2, within(1e-9));
        assertThat(byLimit.text()).contains("busiest on VMS at step 0").doesNotContain("pins it");
        assertThat(byLimit.nearestWhyNot())
                .isEqualTo("Host #1 (old) has room, but host model old has no hardware assist.");
    }

    @Test
    void namesAffinityGroupsAndHardHostRules() {
        // vm0 and vm1 share the affinity group 'web'; vm2 must not run on host 0
        PlacementRules rules = new PlacementRules(
                new int[] {0, 0, -1},
                List.of(new PlacementRules.HostRule(
                        "not-rack-a", PlacementRules.Kind.MUST_NOT_RUN_ON, new int[] {2}, new boolean[] {true, false
                        })));
        float[][][] demand = {{{100}, {100}, {100}}};
        PlanningProblem p = cpuOnly(demand, 2, null).withRules(rules);
        PlacementWords words = new PlacementWords(
                p, List.of(vm(0, null), vm(1, null), vm(2, null)), new int[] {0, 0, 1}, 300, List.of("web"));

        PlacementWords.Words grouped = words.explain(0, "CPU", 0);
        assertThat(grouped.text()).contains("affinity group 'web': it runs on one host with its 1 other member");
        assertThat(grouped.nearestWhyNot())
                .endsWith(
                        "but its affinity group keeps it with its other members (the whole group would have to move).");

        PlacementWords.Words ruled = words.explain(2, "CPU", 0);
        assertThat(ruled.text()).contains("host rule 'not-rack-a' (must not run on its host group): kept");
        assertThat(ruled.nearestWhyNot())
                .isEqualTo(
                        "Host #0 (m) has room, but host rule 'not-rack-a' (must not run on its host group) rules it out.");
    }

    @Test
    void aRuledOutHostCloserThanTheNearestFreeOneIsNamedToo() {
        // vm0 on host 0; host 1 (no rule) would reach 1,300 MHz, host 2 (its anti-affinity partner) 1,100
        float[][][] demand = {{{200}, {1100}, {900}}};
        PlanningProblem p = cpuOnly(demand, 3, new int[] {0, -1, 0});
        PlacementWords words =
                new PlacementWords(p, List.of(vm(0, "db"), vm(1, null), vm(2, "db")), new int[] {0, 1, 2}, 300);
        PlacementWords.Words w = words.explain(0, "CPU", 0);
        assertThat(w.nearestSlot()).isEqualTo(1);
        assertThat(w.nearestWhyNot())
                .startsWith("The nearest other host, #1 (m), has no room")
                .endsWith("Host #2 (m) is closer, but vm2 of its anti-affinity group 'db' runs there.");
    }

    @Test
    void withManyActiveHostsOnlyThoseWithTheMostHeadroomAreCandidates() {
        int hosts = PlacementWords.MAX_CANDIDATES + 6;
        int quiet = 37;
        float[][][] demand = new float[1][hosts][1];
        List<WorkloadVm> vms = new java.util.ArrayList<>();
        int[] vmSlot = new int[hosts];
        for (int v = 0; v < hosts; v++) {
            demand[0][v][0] = v == 0 ? 50 : v == quiet ? 100 : 900;
            vms.add(vm(v, null));
            vmSlot[v] = v;
        }
        PlanningProblem p = cpuOnly(demand, hosts, null);
        PlacementWords.Words w = new PlacementWords(p, vms, vmSlot, 300).explain(0, "CPU", 0);
        assertThat(w.nearestSlot()).isEqualTo(quiet);
        assertThat(w.nearestWhyNot())
                .startsWith("Host #37 (m) could also take it")
                .contains("15.0 %");
    }
}
