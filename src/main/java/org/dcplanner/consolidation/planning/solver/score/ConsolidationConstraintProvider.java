package org.dcplanner.consolidation.planning.solver.score;

import org.dcplanner.consolidation.planning.solver.domain.VmAssignment;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintCollectors;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;

/**
 * The planning model as readable constraint streams: used for ConstraintVerifier tests, score explanations
 * and as the reference the fast {@link ConsolidationIncrementalScoreCalculator} is checked against.
 * Units: capacity and HA in millionths of the largest host per step; discrete violations weigh one host-step.
 */
public class ConsolidationConstraintProvider implements ConstraintProvider {
    private static final long DISCRETE = SlotTerms.DISCRETE_VIOLATION_WEIGHT;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            hostCapacity(factory),
            antiAffinity(factory),
            pinnedSlot(factory),
            paravirtCapable(factory),
            hardwareAssist(factory),
            haReserve(factory),
            affinity(factory),
            mustHostRule(factory),
            shouldHostRule(factory),
            activeHosts(factory),
            balance(factory)
        };
    }

    /** Per host, resource and step, the VMs' demand stays within the usable capacity (penalty: overflow). */
    public Constraint hostCapacity(ConstraintFactory factory) {
        return factory.forEach(VmAssignment.class)
                .groupBy(VmAssignment::getHost, SlotLoad.collector())
                .filter((host, load) -> load.overflow() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (host, load) -> load.overflow())
                .asConstraint(ScoreLedger.CAPACITY);
    }

    /** Two VMs of one anti-affinity group never share a host (penalty per pair). */
    public Constraint antiAffinity(ConstraintFactory factory) {
        return factory.forEachUniquePair(
                        VmAssignment.class,
                        Joiners.equal(VmAssignment::getHost),
                        Joiners.equal(VmAssignment::getAntiAffinityGroup))
                .filter((a, b) -> a.getAntiAffinityGroup() >= 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (a, b) -> DISCRETE)
                .asConstraint(ScoreLedger.ANTI_AFFINITY);
    }

    /** A pinned VM runs on its slot. */
    public Constraint pinnedSlot(ConstraintFactory factory) {
        return factory.forEach(VmAssignment.class)
                .filter(VmAssignment::isOffItsPin)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, a -> DISCRETE)
                .asConstraint(ScoreLedger.PINNED);
    }

    /** Paravirtualization only for guests whose OS is modified for it. */
    public Constraint paravirtCapable(ConstraintFactory factory) {
        return factory.forEach(VmAssignment.class)
                .filter(VmAssignment::isParavirtViolation)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, a -> DISCRETE)
                .asConstraint(ScoreLedger.PARAVIRT);
    }

    /** Hardware-assisted virtualization only on hosts with VT-x/AMD-V. */
    public Constraint hardwareAssist(ConstraintFactory factory) {
        return factory.forEach(VmAssignment.class)
                .filter(VmAssignment::isOnHostWithoutHardwareAssist)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, a -> DISCRETE)
                .asConstraint(ScoreLedger.HARDWARE_ASSIST);
    }

    /** The load of any N failed active hosts fits in the spare capacity of the other active hosts (fluid bound). */
    public Constraint haReserve(ConstraintFactory factory) {
        return factory.forEach(VmAssignment.class)
                .groupBy(SlotLoad.haShortfall())
                .filter(shortfall -> shortfall > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, shortfall -> shortfall)
                .asConstraint(ScoreLedger.HA_RESERVE);
    }

    /** The VMs of an affinity group share one host (penalty per host the group spans beyond one). */
    public Constraint affinity(ConstraintFactory factory) {
        return factory.forEach(VmAssignment.class)
                .filter(a -> a.getAffinityGroup() >= 0)
                .groupBy(VmAssignment::getAffinityGroup, ConstraintCollectors.countDistinct(VmAssignment::getHost))
                .filter((group, hosts) -> hosts > 1)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (group, hosts) -> DISCRETE * (hosts - 1))
                .asConstraint(ScoreLedger.AFFINITY);
    }

    /** A VM of a MUST (NOT) RUN ON rule runs on (off) the rule's host group (penalty per VM and rule broken). */
    public Constraint mustHostRule(ConstraintFactory factory) {
        return factory.forEach(VmAssignment.class)
                .filter(a -> a.getHardRulesBroken() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, a -> DISCRETE * a.getHardRulesBroken())
                .asConstraint(ScoreLedger.HOST_RULE);
    }

    /** A SHOULD (NOT) RUN ON rule is kept where hosts allow: each broken one weighs more than any balance gain. */
    public Constraint shouldHostRule(ConstraintFactory factory) {
        return factory.forEach(VmAssignment.class)
                .filter(a -> a.getSoftRulesBroken() > 0)
                .penalizeLong(
                        HardMediumSoftLongScore.ONE_SOFT, a -> a.getModel().softRuleWeight() * a.getSoftRulesBroken())
                .asConstraint(ScoreLedger.SOFT_HOST_RULE);
    }

    /** Fewer active hosts (or their yearly cost, or their power, by objective). */
    public Constraint activeHosts(ConstraintFactory factory) {
        return factory.forEach(VmAssignment.class)
                .groupBy(VmAssignment::getHost, SlotLoad.collector())
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, (host, load) -> load.activeCost())
                .asConstraint(ScoreLedger.ACTIVE_HOSTS);
    }

    /** Then balance: even peak fills over the active hosts (sum of squared peak fills per resource). */
    public Constraint balance(ConstraintFactory factory) {
        return factory.forEach(VmAssignment.class)
                .groupBy(VmAssignment::getHost, SlotLoad.collector())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, (host, load) -> load.balancePenalty())
                .asConstraint(ScoreLedger.BALANCE);
    }
}
