package org.dcplanner.consolidation.simulation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;

/**
 * The last few completed replays of this node, parsed: a completed row changes only when it is queued again (its
 * {@code finished_at} then differs), so each request checks status and finish time and parses the row's JSON
 * (per-VM and per-host outcomes, megabytes at 50,000 VMs) only when that is new. Rows not completed are never kept.
 */
final class CompletedRuns {
    /** What identifies one stored outcome of a run. */
    record Version(VirtualizationApproach approach, SimulationStatus status, Instant finishedAt) {}

    private record Key(UUID planId, VirtualizationApproach approach) {}

    private record Parsed(Instant finishedAt, StoredRun run) {}

    private final Map<Key, Parsed> runs;

    CompletedRuns(int entries) {
        this.runs = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Parsed> eldest) {
                return size() > entries;
            }
        };
    }

    /** Maps {@code virtualization, status, finished_at}. */
    static Version version(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Version(
                VirtualizationApproach.valueOf(rs.getString("virtualization")),
                SimulationStatus.valueOf(rs.getString("status")),
                finished == null ? null : finished.toInstant());
    }

    /** The parsed run of this version: kept from an earlier read, or read now (and kept when completed). */
    StoredRun get(UUID planId, Version v, BiFunction<UUID, VirtualizationApproach, StoredRun> read) {
        Key key = new Key(planId, v.approach());
        if (v.status() == SimulationStatus.COMPLETED) {
            synchronized (runs) {
                Parsed p = runs.get(key);
                if (p != null && p.finishedAt().equals(v.finishedAt())) return p.run();
            }
        }
        StoredRun run = read.apply(planId, v.approach());
        synchronized (runs) {
            if (run.status() == SimulationStatus.COMPLETED && run.finishedAt() != null) {
                runs.put(key, new Parsed(run.finishedAt(), run));
            } else {
                runs.remove(key);
            }
        }
        return run;
    }
}
