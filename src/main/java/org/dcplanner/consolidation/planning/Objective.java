package org.dcplanner.consolidation.planning;

/** What "fewest hosts" means after feasibility. */
public enum Objective {
    HOSTS,
    COST,
    POWER
}
