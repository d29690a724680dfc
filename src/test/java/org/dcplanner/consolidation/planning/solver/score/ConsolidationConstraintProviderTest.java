package org.dcplanner.consolidation.planning.solver.score;

import static org.assertj.core.api.Assertions.assertThat;

import org.dcplanner.consolidation.planning.Objective;
import org.dcplanner.consolidation.planning.solver.TestProblems;
import org.dcplanner.consolidation.planning.solver.domain.ConsolidationSolution;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.domain.PlacementRules.Kind;
import org.dcplanner.consolidation.planning.solver.domain.VmAssignment;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

/** One ConstraintVerifier test per constraint; each uses a non-matching control VM or host. */
class ConsolidationConstraintProviderTest {
    /** With one CPU host type of 1000 MHz, one model unit is 0.001 MHz. */
    private static final long UNITS_PER_MHZ = 1000;

    private static final long DISCRETE = DemandModel.UNITS_PER_LARGEST_HOST;

    private static final ConstraintVerifier<ConsolidationConstraintProvider, ConsolidationSolution> VERIFIER =
            ConstraintVerifier.build(
                    new ConsolidationConstraintProvider(), ConsolidationSolution.class, VmAssignment.class);

    private static ConsolidationSolution solution(TestProblems problem, int... vmSlot) {
        return ConsolidationSolution.of(new DemandModel(problem.build()), vmSlot);
    }

    @Test
    void penalizesCpuOverflowByExcessPerStep() {
        TestProblems p = TestProblems.cpu(2)
                .hosts(2, 1000)
                .vm(new float[] {600, 600})
                .vm(new float[] {600, 300})
                .vm(new float[] {900, 900});
        VERIFIER.verifyThat(ConsolidationConstraintProvider::hostCapacity)
                .givenSolution(solution(p, 0, 0, 1))
                .penalizesBy(200 * UNITS_PER_MHZ);
    }

    @Test
    void penalizesEachAntiAffinityPairSharingAHost() {
        TestProblems p = TestProblems.cpu(1)
                .hosts(2, 1000)
                .flatVm(10)
                .groupLast(1)
                .flatVm(10)
                .groupLast(1)
                .flatVm(10)
                .groupLast(1)
                .flatVm(10)
                .groupLast(2);
        VERIFIER.verifyThat(ConsolidationConstraintProvider::antiAffinity)
                .givenSolution(solution(p, 0, 0, 1, 0))
                .penalizesBy(DISCRETE);
    }

    @Test
    void penalizesPinnedVmOffItsSlot() {
        TestProblems p = TestProblems.cpu(1)
                .hosts(2, 1000)
                .flatVm(10)
                .pinLast(1)
                .flatVm(10)
                .pinLast(0);
        VERIFIER.verifyThat(ConsolidationConstraintProvider::pinnedSlot)
                .givenSolution(solution(p, 0, 0))
                .penalizesBy(DISCRETE);
    }

    @Test
    void penalizesParavirtualizationOfIncapableGuest() {
        TestProblems p = TestProblems.cpu(1)
                .hosts(1, 1000)
                .approach(VirtualizationApproach.PARAVIRTUAL)
                .flatVm(10)
                .notParavirtCapableLast()
                .flatVm(10);
        VERIFIER.verifyThat(ConsolidationConstraintProvider::paravirtCapable)
                .givenSolution(solution(p, 0, 0))
                .penalizesBy(DISCRETE);
    }

    @Test
    void paravirtCapabilityIrrelevantUnderFullVirtualization() {
        TestProblems p = TestProblems.cpu(1).hosts(1, 1000).flatVm(10).notParavirtCapableLast();
        VERIFIER.verifyThat(ConsolidationConstraintProvider::paravirtCapable)
                .givenSolution(solution(p, 0))
                .penalizesBy(0);
    }

    @Test
    void penalizesHardwareAssistedVmOnHostWithoutSupport() {
        TestProblems p = TestProblems.cpu(1)
                .hosts(1, "modern", true, 1000)
                .hosts(1, "old", false, 1000)
                .approach(VirtualizationApproach.HARDWARE_ASSISTED)
                .flatVm(10)
                .flatVm(10)
                .flatVm(10);
        VERIFIER.verifyThat(ConsolidationConstraintProvider::hardwareAssist)
                .givenSolution(solution(p, 0, 1, 1))
                .penalizesBy(2 * DISCRETE);
    }

    @Test
    void penalizesHaShortfallWhenOneFailedHostsLoadDoesNotFitOnTheOthers() {
        TestProblems tight =
                TestProblems.cpu(2).hosts(3, 1000).haReserve(1).flatVm(600).flatVm(600);
        // two active hosts: total 1200 must fit into 2000 - 1000 = 1000 at each of 2 steps
        VERIFIER.verifyThat(ConsolidationConstraintProvider::haReserve)
                .givenSolution(solution(tight, 0, 1))
                .penalizesBy(2 * 200 * UNITS_PER_MHZ);
        TestProblems spread = TestProblems.cpu(2)
                .hosts(3, 1000)
                .haReserve(1)
                .flatVm(400)
                .flatVm(400)
                .flatVm(400);
        VERIFIER.verifyThat(ConsolidationConstraintProvider::haReserve)
                .givenSolution(solution(spread, 0, 1, 2))
                .penalizesBy(0);
    }

    @Test
    void chargesEachActiveHostOnceOrItsYearlyCost() {
        TestProblems p =
                TestProblems.cpu(1).hosts(3, 1000).flatVm(10).flatVm(10).flatVm(10);
        VERIFIER.verifyThat(ConsolidationConstraintProvider::activeHosts)
                .givenSolution(solution(p, 0, 0, 2))
                .penalizesBy(2);
        TestProblems cost = TestProblems.cpu(1)
                .hosts(3, 1000)
                .objective(Objective.COST)
                .flatVm(10)
                .flatVm(10);
        VERIFIER.verifyThat(ConsolidationConstraintProvider::activeHosts)
                .givenSolution(solution(cost, 0, 1))
                .penalizesBy(2 * 1000);
    }

    @Test
    void penalizesSquaredPeakFillOfEachActiveHost() {
        // host 0 peaks at 800 of 1000 MHz (step 1), host 1 at 250; the empty host 2 adds nothing
        TestProblems p = TestProblems.cpu(2)
                .hosts(3, 1000)
                .vm(new float[] {500, 500})
                .vm(new float[] {100, 300})
                .flatVm(250);
        long eighty = SlotTerms.FILL_SCALE * 8 / 10;
        long quarter = SlotTerms.FILL_SCALE / 4;
        VERIFIER.verifyThat(ConsolidationConstraintProvider::balance)
                .givenSolution(solution(p, 0, 0, 1))
                .penalizesBy(eighty * eighty + quarter * quarter);
    }

    @Test
    void penalizesAnAffinityGroupPerHostItSpansBeyondOne() {
        TestProblems p = TestProblems.cpu(1)
                .hosts(3, 1000)
                .flatVm(10)
                .flatVm(10)
                .flatVm(10)
                .flatVm(10)
                .flatVm(10);
        // group 0: VMs 0-2 on three hosts (2 extra); group 1: VMs 3-4 together; control: no group
        p.rules(new int[] {0, 0, 0, 1, 1});
        VERIFIER.verifyThat(ConsolidationConstraintProvider::affinity)
                .givenSolution(solution(p, 0, 1, 2, 1, 1))
                .penalizesBy(2 * DISCRETE);
        VERIFIER.verifyThat(ConsolidationConstraintProvider::affinity)
                .givenSolution(solution(p, 2, 2, 2, 0, 0))
                .penalizesBy(0);
    }

    @Test
    void penalizesEachVmOffItsMustRunOnGroupOrOnItsMustNotRunOnGroup() {
        TestProblems p = TestProblems.cpu(1)
                .hosts(3, 1000)
                .flatVm(10)
                .flatVm(10)
                .flatVm(10)
                .flatVm(10);
        p.rules(
                null,
                p.hostRule("db on 0-1", Kind.MUST_RUN_ON, new int[] {0, 1}, 0, 1),
                p.hostRule("web not on 2", Kind.MUST_NOT_RUN_ON, new int[] {2}, 2));
        // VM 1 off its group, VM 2 on its forbidden host; VM 0 kept, VM 3 bound by nothing
        VERIFIER.verifyThat(ConsolidationConstraintProvider::mustHostRule)
                .givenSolution(solution(p, 0, 2, 2, 2))
                .penalizesBy(2 * DISCRETE);
    }

    @Test
    void penalizesEachBrokenShouldRuleAboveAnyBalanceDifference() {
        TestProblems p =
                TestProblems.cpu(1).hosts(2, 1000).flatVm(10).flatVm(10).flatVm(10);
        p.rules(
                null,
                p.hostRule("prefer 0", Kind.SHOULD_RUN_ON, new int[] {0, 1}, 0),
                p.hostRule("avoid 0", Kind.SHOULD_NOT_RUN_ON, new int[] {1}, 0));
        ConsolidationSolution s = solution(p, 0, 0, 1);
        long weight = s.getModel().softRuleWeight();
        // VM 1 on host 0 keeps "prefer 0" but breaks "avoid 0"; VM 2 is bound by no rule
        VERIFIER.verifyThat(ConsolidationConstraintProvider::shouldHostRule)
                .givenSolution(s)
                .penalizesBy(weight);
        assertThat(weight).isGreaterThan(2 * SlotTerms.FILL_SCALE * SlotTerms.FILL_SCALE);
    }
}
