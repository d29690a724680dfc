package org.dcplanner.consolidation.simulation.policy;

import java.util.BitSet;

/** Chooses the host a VM moves to (Beloglazov & Buyya 2012, VM placement). */
public interface VmPlacement {
    /** A host for VM v (detached) other than those in {@code excluded}, or -1 when none can take it. */
    int hostFor(ConsolidationState s, int v, BitSet excluded);
}
