package org.dcplanner.consolidation.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadClass;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.planning.Objective;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem.HostSlotSpec;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.junit.jupiter.api.Test;

class PlacementWordsTest {
    private static final HostSlotSpec HOST = new HostSlotSpec("m", new double[] {1000}, 50, 100, 1, true);

    private static WorkloadVm vm(int i, String group) {
        return new WorkloadVm(i, "vm" + i, 2, 2000, 4096, "linux", true, WorkloadClass.COMPUTE, group);
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
        PlanningProblem p = new PlanningProblem(
                List.of(Metric.CPU),
                2,
                demand,
                List.of("vm0", "vm1", "vm2"),
                List.of(HOST, HOST),
                new int[] {-1, -1, -1},
                new int[] {-1, -1, -1},
                null,
                VirtualizationApproach.FULL,
                0,
                Objective.HOSTS);
        PlacementWords words =
                new PlacementWords(p, List.of(vm(0, null), vm(1, null), vm(2, null)), new int[] {0, 0, 1}, 300);
        assertThat(words.explain(0, "CPU", 0).nearestWhyNot())
                .contains("Host #1 (m) could also take it")
                .contains("20.0 %");
    }
}
