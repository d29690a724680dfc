package org.dcplanner.consolidation.simulation.internal;

/**
 * Something that changes the replay's state at a point in time. The loop replays the workload grid
 * between consecutive events; host power on/off would become further permitted types.
 */
sealed interface SimEvent
        permits SimEvent.PlaceVms, SimEvent.MigrationStart, SimEvent.MigrationEnd, SimEvent.EndOfTrace {

    /** Puts every VM on a host: {@code vmHost[vm]} is the host index (or -1: not running). */
    record PlaceVms(int[] vmHost) implements SimEvent {}

    /** VM starts moving to host {@code toHost} (still running on its source until {@link MigrationEnd}). */
    record MigrationStart(int vm, int toHost) implements SimEvent {}

    /** VM arrives: from now on it runs on {@code toHost}. */
    record MigrationEnd(int vm, int toHost) implements SimEvent {}

    /** The end of the workload's time grid. */
    record EndOfTrace() implements SimEvent {}

    /** An event in the queue, ordered by (step, sequence) so equal times keep their scheduling order. */
    record Scheduled(int atStep, long seq, SimEvent event) implements Comparable<Scheduled> {
        @Override
        public int compareTo(Scheduled o) {
            int c = Integer.compare(atStep, o.atStep);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
