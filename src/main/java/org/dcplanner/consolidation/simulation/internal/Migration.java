package org.dcplanner.consolidation.simulation.internal;

/**
 * A live migration to replay: VM {@code vm} starts moving to host {@code toHost} at grid step
 * {@code atStep}. Its cost follows CloudSim as cited in docs/overheads-and-power.md §4: duration = configured RAM ÷
 * (half the destination's network bandwidth) (L1), rounded up to whole steps; while it moves the VM
 * delivers 90 % of its demand on the source (L3) and the destination reserves 10 % of the VM's host-side
 * CPU (L4); PDM counts the 10 % lost.
 */
public record Migration(int vm, int toHost, int atStep) {
    /** L3: share of its demand a migrating VM still gets. */
    public static final double DELIVERED_WHILE_MIGRATING = 0.9;
    /** L4: share of the VM's CPU the destination reserves while the VM is inbound. */
    public static final double DESTINATION_RESERVE = 0.1;

    /** Steps the migration lasts (at least 1): RAM MiB x 1024 KB ÷ (0.5 x destination KB/s), per L1. */
    public static int durationSteps(double memoryMib, double destinationNetworkKBps, int stepSeconds) {
        if (!(destinationNetworkKBps > 0)) return 1;
        double seconds = memoryMib * 1024 / (0.5 * destinationNetworkKBps);
        return Math.max(1, (int) Math.ceil(seconds / stepSeconds));
    }
}
