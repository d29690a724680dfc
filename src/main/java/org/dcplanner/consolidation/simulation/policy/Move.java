package org.dcplanner.consolidation.simulation.policy;

/** A live migration a policy decided: VM {@code vm} from host {@code fromHost} to {@code toHost}. */
public record Move(int vm, int fromHost, int toHost) {}
