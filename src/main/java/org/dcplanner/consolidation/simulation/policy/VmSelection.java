package org.dcplanner.consolidation.simulation.policy;

/** Picks the next VM to move off an overloaded host (Beloglazov & Buyya 2012, VM selection). */
public interface VmSelection {
    /** A VM on host h, or -1 when it has none. */
    int select(ConsolidationState s, int h);
}
