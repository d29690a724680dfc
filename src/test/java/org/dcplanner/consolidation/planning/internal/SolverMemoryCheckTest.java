package org.dcplanner.consolidation.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.planning.Objective;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem.HostSlotSpec;
import org.dcplanner.consolidation.problem.ApiException;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.junit.jupiter.api.Test;

class SolverMemoryCheckTest {
    private static final long MIB = 1L << 20;

    /** 30 VMs x 8,640 steps x CPU + memory on {@code hosts} identical slots. */
    private static PlanningProblem problem(int hosts) {
        HostSlotSpec slot = new HostSlotSpec("m", new double[] {64000, 524288}, 100, 400, 7000, true);
        return new PlanningProblem(
                List.of(Metric.CPU, Metric.MEMORY),
                8640,
                new float[2][30][8640],
                Collections.nCopies(30, "vm"),
                Collections.nCopies(hosts, slot),
                new int[30],
                new int[30],
                new boolean[30],
                VirtualizationApproach.HARDWARE_ASSISTED,
                0,
                Objective.HOSTS);
    }

    /** The same, with no pins and no anti-affinity groups: 30 units to partition. */
    private static PlanningProblem unpinned(int hosts) {
        PlanningProblem p = problem(hosts);
        int[] none = new int[30];
        java.util.Arrays.fill(none, -1);
        return new PlanningProblem(
                p.resources(),
                p.steps(),
                p.demand(),
                p.vmNames(),
                p.slots(),
                none,
                none.clone(),
                p.paravirtCapable(),
                p.approach(),
                0,
                p.objective());
    }

    @Test
    void acceptsAPoolWhoseArraysFitTheBudget() {
        // 1,000 hosts x 8,640 steps x 2 resources x 16 B = 264 MiB, plus 4 MiB of VM demand
        assertThatCode(() -> SolverMemoryCheck.check(problem(1000), 300 * MIB)).doesNotThrowAnyException();
    }

    @Test
    void refusesAnExplanationWhoseArraysWouldNotFitTheBudget() {
        assertThatCode(() -> SolverMemoryCheck.checkExplanation(problem(1000), 300 * MIB))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> SolverMemoryCheck.checkExplanation(problem(100_000), 300 * MIB))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.problem().getStatus()).isEqualTo(422);
                    assertThat(e.problem().getType().toString()).endsWith("explanation-too-large");
                    assertThat(e.problem().getDetail())
                            .contains("30 VMs and 100,000 hosts in the pool x 8,640 steps x 2 resources");
                });
    }

    @Test
    void rejectsAPoolTooLargeForTheHeapAndSaysHowManyHostsFit() {
        assertThatThrownBy(() -> SolverMemoryCheck.check(problem(100_000), 300 * MIB))
                // (300 MiB - 4 MiB of VM demand) / (8,640 x 2 x 16 B) = 1,122 hosts
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.problem().getStatus()).isEqualTo(422);
                    assertThat(e.problem().getType().toString()).endsWith("pool-too-large");
                    assertThat(e.problem().getDetail())
                            .contains("100,000 hosts in the pool x 8,640 steps x 2 resources")
                            .contains("at most 1,122 hosts fit (and a plan never uses more hosts than it has VMs, 30)");
                    assertThat(e.problem().getProperties()).containsEntry("maxPoolHosts", 1122L);
                });
    }

    @Test
    void saysToFoldOrDropResourcesWhenTheVmsAloneExceedTheBudget() {
        assertThatThrownBy(() -> SolverMemoryCheck.check(problem(10), MIB))
                .hasMessageContaining("fold the days into one or plan fewer resources");
    }

    @Test
    void aPoolTooLargeForOneSolveIsCutIntoPartitionsWhoseSlicesFitInsteadOfRefused() {
        // 100,000 hosts: refused whole above; (300 MiB - 4 MiB) / 270 KiB = 1,122 hosts fit, slices of at most 90 %
        assertThat(SolverMemoryCheck.fits(problem(100_000), 300 * MIB)).isFalse();
        assertThat(SolverMemoryCheck.partitionsNeeded(problem(100_000), 300 * MIB))
                .isEqualTo((int) Math.ceil(100_000 / (1122 * 0.9)));
        assertThat(SolverMemoryCheck.partitionsNeeded(problem(1000), 300 * MIB)).isEqualTo(1);
        // 30 VMs are at most 30 partitions (one unit each): a plan that was refused now runs in 30 parts
        assertThat(PartitionCount.of(unpinned(100_000), 5_000, 300 * MIB)).isEqualTo(30);
    }

    @Test
    void aPlanIsSplitByVmCountAboveTheThreshold() {
        assertThat(PartitionCount.of(unpinned(100), 5_000, 300 * MIB)).isEqualTo(1);
        assertThat(PartitionCount.of(unpinned(100), 10, 300 * MIB)).isEqualTo(3);
    }

    @Test
    void partitionsDoNotHelpWhenTheMergeCannotHoldTheBoundsHosts() {
        // 3.96 MiB of VM demand leave room for 2 hosts of 270 KiB; the merge needs the bound's 1 x 1.25 + 1 = 3
        assertThatThrownBy(() -> SolverMemoryCheck.partitionsNeeded(problem(100_000), 4 * MIB + MIB / 2))
                .hasMessageContaining("hosts in the pool");
    }
}
