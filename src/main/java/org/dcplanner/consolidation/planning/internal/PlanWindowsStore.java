package org.dcplanner.consolidation.planning.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dcplanner.consolidation.planning.WindowSchedule;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Table plan_windows (V100): a time-windowed plan's schedule and each window's action plan, stored once the plan
 * finishes. Reached by a plan id already found in the caller's workspace (or by the plan's own jobs).
 */
@Repository
class PlanWindowsStore {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    PlanWindowsStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** What a finished attempt computed; replaces what an earlier attempt stored, ignored from a superseded attempt. */
    void save(UUID planId, int attempt, WindowSchedule schedule, List<ActionPlanView> actions) {
        jdbc.update(
                "insert into plan_windows (plan_id, schedule, actions) select ?, cast(? as jsonb), cast(? as jsonb)"
                        + " where exists (select 1 from plans where id = ? and attempt = ?)"
                        + " on conflict (plan_id) do update set schedule = excluded.schedule,"
                        + " actions = excluded.actions, computed_at = now()",
                planId,
                write(schedule),
                write(actions),
                planId,
                attempt);
    }

    /** A finished plan's first read before anything was stored (a plan finished before V100): kept if none is there yet. */
    void saveIfAbsent(UUID planId, WindowSchedule schedule, List<ActionPlanView> actions) {
        jdbc.update(
                "insert into plan_windows (plan_id, schedule, actions) values (?, cast(? as jsonb), cast(? as jsonb))"
                        + " on conflict do nothing",
                planId,
                write(schedule),
                write(actions));
    }

    Optional<WindowSchedule> schedule(UUID planId) {
        return jdbc
                .queryForList("select schedule::text from plan_windows where plan_id = ?", String.class, planId)
                .stream()
                .findFirst()
                .map(text -> read(text, WindowSchedule.class));
    }

    /** Window {@code window}'s action plan; empty when nothing is stored (the caller checked the window's range). */
    Optional<ActionPlanView> actions(UUID planId, int window) {
        return jdbc
                .queryForList(
                        "select (actions -> ?)::text from plan_windows where plan_id = ?", String.class, window, planId)
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .map(text -> read(text, ActionPlanView.class));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan windows are unreadable", e);
        }
    }
}
