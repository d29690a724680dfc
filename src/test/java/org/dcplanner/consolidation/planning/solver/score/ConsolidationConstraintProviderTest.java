package org.dcplanner.consolidation.planning.solver.score;

import org.dcplanner.consolidation.planning.Objective;
import org.dcplanner.consolidation.planning.solver.TestProblems;
import org.dcplanner.consolidation.planning.solver.domain.ConsolidationSolution;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.domain.VmAssignment;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

/** One ConstraintVerifier test per constraint; each uses a non-matching control VM or host. */
class ConsolidationConstraintProviderTest {
    /** With one CPU host type of 1000 MHz, one model unit is 0.001 MHz. */
    private static final long UNITS_PER_MHZ = 1000;

    private static final long DISCRETE = DemandModel.UNITS_PER_LARGEST_HOST;

    private final ConstraintVerifier<ConsolidationConstraintProvider, ConsolidationSolution> verifier =
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
        verifier.verifyThat(ConsolidationConstraintProvider::hostCapacity)
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
        verifier.verifyThat(ConsolidationConstraintProvider::antiAffinity)
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
        verifier.verifyThat(ConsolidationConstraintProvider::pinnedSlot)
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
        verifier.verifyThat(ConsolidationConstraintProvider::paravirtCapable)
                .givenSolution(solution(p, 0, 0))
                .penalizesBy(DISCRETE);
    }

    @Test
    void paravirtCapabilityIrrelevantUnderFullVirtualization() {
        TestProblems p = TestProblems.cpu(1).hosts(1, 1000).flatVm(10).notParavirtCapableLast();
        verifier.verifyThat(ConsolidationConstraintProvider::paravirtCapable)
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
        verifier.verifyThat(ConsolidationConstraintProvider::hardwareAssist)
                .givenSolution(solution(p, 0, 1, 1))
                .penalizesBy(2 * DISCRETE);
    }

    @Test
    void penalizesHaShortfallWhenOneFailedHostsLoadDoesNotFitOnTheOthers() {
        TestProblems tight =
                TestProblems.cpu(2).hosts(3, 1000).haReserve(1).flatVm(600).flatVm(600);
        // two active hosts: total 1200 must fit into 2000 - 1000 = 1000 at each of 2 steps
        verifier.verifyThat(ConsolidationConstraintProvider::haReserve)
                .givenSolution(solution(tight, 0, 1))
                .penalizesBy(2 * 200 * UNITS_PER_MHZ);
        TestProblems spread = TestProblems.cpu(2)
                .hosts(3, 1000)
                .haReserve(1)
                .flatVm(400)
                .flatVm(400)
                .flatVm(400);
        verifier.verifyThat(ConsolidationConstraintProvider::haReserve)
                .givenSolution(solution(spread, 0, 1, 2))
                .penalizesBy(0);
    }

    @Test
    void chargesEachActiveHostOnceOrItsYearlyCost() {
        TestProblems p =
                TestProblems.cpu(1).hosts(3, 1000).flatVm(10).flatVm(10).flatVm(10);
        verifier.verifyThat(ConsolidationConstraintProvider::activeHosts)
                .givenSolution(solution(p, 0, 0, 2))
                .penalizesBy(2);
        TestProblems cost = TestProblems.cpu(1)
                .hosts(3, 1000)
                .objective(Objective.COST)
                .flatVm(10)
                .flatVm(10);
        verifier.verifyThat(ConsolidationConstraintProvider::activeHosts)
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
        verifier.verifyThat(ConsolidationConstraintProvider::balance)
                .givenSolution(solution(p, 0, 0, 1))
                .penalizesBy(eighty * eighty + quarter * quarter);
    }
}
