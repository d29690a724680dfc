package org.dcplanner.consolidation.simulation.policy;

/** Decides whether a host is overloaded (Beloglazov & Buyya 2012, host overload detection). */
public interface OverloadDetection {
    /** Whether host h is overloaded with its current VMs plus VM {@code extra} (-1: none). */
    boolean overloaded(ConsolidationState s, int h, int extra);

    /** Whether host h is overloaded with its current VMs. */
    default boolean overloaded(ConsolidationState s, int h) {
        return overloaded(s, h, -1);
    }
}
