package org.dcplanner.consolidation.simulation;

/**
 * Something that changes the replay's state at a point in time. The loop replays the workload grid
 * between consecutive events; migrations and host power on/off become further permitted types.
 */
sealed interface SimEvent permits SimEvent.PlaceVms, SimEvent.EndOfTrace {

    /** Puts every VM on a host: {@code vmHost[vm]} is the host index (or -1: not running). */
    record PlaceVms(int[] vmHost) implements SimEvent {
    }

    /** The end of the workload's time grid. */
    record EndOfTrace() implements SimEvent {
    }

    /** An event in the queue, ordered by (step, sequence) so equal times keep their scheduling order. */
    record Scheduled(int atStep, long seq, SimEvent event) implements Comparable<Scheduled> {
        @Override
        public int compareTo(Scheduled o) {
            int c = Integer.compare(atStep, o.atStep);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
