package org.dcplanner.consolidation.ingestion;

import java.time.Instant;

/** The common time grid every series of a workload is aligned to: step i covers [start + i*step, start + (i+1)*step). */
public record TimeGrid(Instant start, int stepSeconds, int steps) {
    public TimeGrid {
        if (stepSeconds <= 0) throw new IllegalArgumentException("stepSeconds must be > 0");
        if (steps <= 0) throw new IllegalArgumentException("steps must be > 0");
    }

    public Instant end() {
        return start.plusSeconds((long) stepSeconds * steps);
    }

    public Instant at(int step) {
        return start.plusSeconds((long) stepSeconds * step);
    }
}
