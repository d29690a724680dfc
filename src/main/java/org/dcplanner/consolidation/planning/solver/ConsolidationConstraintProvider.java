package org.dcplanner.consolidation.planning.solver;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.ConstraintCollectors;

/** Placeholder constraints; the real model replaces this. */
public class ConsolidationConstraintProvider implements ConstraintProvider {
    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {activeHosts(factory)};
    }

    /** Fewer powered-on hosts is better. */
    public Constraint activeHosts(ConstraintFactory factory) {
        return factory.forEach(VmAssignment.class)
                .groupBy(VmAssignment::getHost, ConstraintCollectors.count())
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, (h, n) -> 1L)
                .asConstraint("Active hosts");
    }
}
