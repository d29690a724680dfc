package org.dcplanner.consolidation.planning.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.dcplanner.consolidation.database.JsonColumns;
import org.dcplanner.consolidation.inventory.HostModelUsage;
import org.dcplanner.consolidation.planning.internal.PlanRecord.ProgressPoint;
import org.dcplanner.consolidation.planning.solver.FailoverMap;
import org.dcplanner.consolidation.planning.solver.PlanningResult;
import org.dcplanner.consolidation.security.CurrentUser;
import org.dcplanner.consolidation.security.WorkspaceScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Table plans (V4). Every write by a solving task carries its attempt number (fencing: a revived
 * or stale execution's writes then touch no row). Reads, cancel and delete are scoped to the caller's
 * workspace ({@link WorkspaceScope}); the solving task's writes address a plan it was given by id.
 */
@Repository
public class PlanRepository implements HostModelUsage {
    private static final String SMALL_COLUMNS =
            "id, name, workload_id, request::text as request, status, cancel_requested, "
                    + "attempt, steps, step_seconds, folded, hosts_used, score, feasible, broken_constraints::text as broken, "
                    + "lower_bound_hosts, peak_ffd_hosts, time_series_ffd_hosts, anti_affinity_hosts, approach_mix::text as approach_mix, score_calcs_per_second, progress::text as progress, "
                    + "searched_millis, error, created_at, started_at, attempt_started_at, finished_at, updated_at, overload_risk::text as overload_risk, stage";
    private final JdbcTemplate jdbc;
    private final JsonColumns json;

    PlanRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = new JsonColumns(json);
    }

    public void insert(
            UUID id,
            String name,
            UUID workloadId,
            String requestJson,
            List<String> vmNames,
            List<String> slotModels,
            int steps,
            int stepSeconds,
            boolean folded) {
        insert(
                id,
                name,
                workloadId,
                requestJson,
                vmNames,
                slotModels,
                steps,
                stepSeconds,
                folded,
                CurrentUser.workspaceForNew());
    }

    /** As above, into the given workspace (a plan a background job starts for a request of that workspace). */
    public void insert(
            UUID id,
            String name,
            UUID workloadId,
            String requestJson,
            List<String> vmNames,
            List<String> slotModels,
            int steps,
            int stepSeconds,
            boolean folded,
            String workspace) {
        jdbc.update(con -> {
            var ps = con.prepareStatement(
                    "insert into plans (id, name, workload_id, request, status, vm_names, slot_models, "
                            + "steps, step_seconds, folded, workspace, created_at, updated_at)"
                            + " values (?, ?, ?, ?::jsonb, 'QUEUED', ?, ?, ?, ?, ?, ?, now(), now())");
            ps.setObject(1, id);
            ps.setString(2, name);
            ps.setObject(3, workloadId);
            ps.setString(4, requestJson);
            ps.setArray(5, con.createArrayOf("text", vmNames.toArray()));
            ps.setArray(6, con.createArrayOf("text", slotModels.toArray()));
            ps.setInt(7, steps);
            ps.setInt(8, stepSeconds);
            ps.setBoolean(9, folded);
            ps.setString(10, workspace);
            return ps;
        });
    }

    public Optional<PlanRecord> find(UUID id) {
        return jdbc
                .query(
                        "select " + SMALL_COLUMNS + ", vm_names, slot_models, vm_slot from plans where id = ? and "
                                + WorkspaceScope.CONDITION,
                        (rs, n) -> map(rs, true),
                        WorkspaceScope.args(id))
                .stream()
                .findFirst();
    }

    /** As {@link #find} without the per-VM and per-slot arrays (null), which a plan's view does not show. */
    Optional<PlanRecord> findSummary(UUID id) {
        return jdbc
                .query(
                        "select " + SMALL_COLUMNS + " from plans where id = ? and " + WorkspaceScope.CONDITION,
                        (rs, n) -> map(rs, false),
                        WorkspaceScope.args(id))
                .stream()
                .findFirst();
    }

    /** Newest first; {@code workloadId} null = every workload's plans. */
    List<PlanRecord> list(UUID workloadId, int limit, long offset) {
        if (workloadId == null) {
            Object[] scope = WorkspaceScope.args();
            return jdbc.query(
                    "select " + SMALL_COLUMNS + " from plans where " + WorkspaceScope.CONDITION
                            + " order by created_at desc, id limit ? offset ?",
                    (rs, n) -> map(rs, false),
                    scope[0],
                    scope[1],
                    limit,
                    offset);
        }
        Object[] scope = WorkspaceScope.args();
        return jdbc.query(
                "select " + SMALL_COLUMNS + " from plans where workload_id = ? and " + WorkspaceScope.CONDITION
                        + " order by created_at desc, id limit ? offset ?",
                (rs, n) -> map(rs, false),
                workloadId,
                scope[0],
                scope[1],
                limit,
                offset);
    }

    long count(UUID workloadId) {
        Long n = workloadId == null
                ? jdbc.queryForObject(
                        "select count(*) from plans where " + WorkspaceScope.CONDITION,
                        Long.class,
                        WorkspaceScope.args())
                : jdbc.queryForObject(
                        "select count(*) from plans where workload_id = ? and " + WorkspaceScope.CONDITION,
                        Long.class,
                        WorkspaceScope.args(workloadId));
        return n == null ? 0 : n;
    }

    @Override
    public long plansUsing(String modelId, String workspace) {
        Long n = jdbc.queryForObject(
                "select count(*) from plans where ? = any(slot_models) and (cast(? as text) is null or workspace = ?)",
                Long.class,
                modelId,
                workspace,
                workspace);
        return n == null ? 0 : n;
    }

    boolean exists(UUID id) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from plans where id = ? and " + WorkspaceScope.CONDITION + ")",
                Boolean.class,
                WorkspaceScope.args(id)));
    }

    /**
     * Claims the plan for a new solve attempt; empty when it is finished, deleted or cancelled meanwhile. The first
     * attempt's start stays the plan's {@code started_at}; every attempt sets {@code attempt_started_at}.
     */
    public OptionalInt startAttempt(UUID id) {
        jdbc.update(
                "update plans set status = 'CANCELLED', finished_at = now(), updated_at = now() "
                        + "where id = ? and status = 'QUEUED' and cancel_requested",
                id);
        List<Integer> attempt = jdbc.queryForList(
                "update plans set attempt = attempt + 1, status = 'SOLVING', stage = 'SIZING', "
                        + "started_at = coalesce(started_at, now()), attempt_started_at = now(), updated_at = now() "
                        + "where id = ? and status in ('QUEUED', 'SOLVING') "
                        + "returning attempt",
                Integer.class,
                id);
        return attempt.isEmpty() ? OptionalInt.empty() : OptionalInt.of(attempt.get(0));
    }

    /**
     * Records the plan's search time so far (all attempts) for the attempt that owns it, and answers whether the
     * attempt must stop: cancel requested, plan deleted, or a newer attempt owns it.
     */
    public boolean mustStop(UUID id, int attempt, long searchedMillis) {
        List<Boolean> cancel = jdbc.queryForList(
                "update plans set searched_millis = ? where id = ? and attempt = ? " + "returning cancel_requested",
                Boolean.class,
                searchedMillis,
                id,
                attempt);
        return cancel.isEmpty() || cancel.get(0);
    }

    public void saveBest(UUID id, int attempt, int[] vmSlot, ProgressPoint point) {
        jdbc.update(con -> {
            var ps = con.prepareStatement("update plans set vm_slot = ?, hosts_used = ?, score = ?, feasible = ?, "
                    + "progress = progress || ?::jsonb, updated_at = now() where id = ? and attempt = ?");
            ps.setArray(
                    1, con.createArrayOf("int4", Arrays.stream(vmSlot).boxed().toArray()));
            ps.setInt(2, point.hostsUsed());
            ps.setString(3, point.score());
            ps.setBoolean(4, point.feasible());
            ps.setString(5, json.write(List.of(point)));
            ps.setObject(6, id);
            ps.setInt(7, attempt);
            return ps;
        });
    }

    /** The attempt's problem is sized: it is searching now. */
    void startSearch(UUID id, int attempt) {
        jdbc.update("update plans set stage = 'SOLVING', updated_at = now() where id = ? and attempt = ?", id, attempt);
    }

    /** Stores the risk assessment of the attempt's final placement (ignored when another attempt took over). */
    void saveOverloadRisk(UUID id, int attempt, OverloadRisk risk) {
        jdbc.update(
                "update plans set overload_risk = ?::jsonb, updated_at = now() where id = ? and attempt = ?",
                json.write(risk),
                id,
                attempt);
    }

    void saveReferences(UUID id, int attempt, PlanReferences refs) {
        jdbc.update(
                "update plans set lower_bound_hosts = ?, peak_ffd_hosts = ?, time_series_ffd_hosts = ?, "
                        + "anti_affinity_hosts = ?, updated_at = now() where id = ? and attempt = ?",
                refs.lowerBoundHosts(),
                refs.peakFfdHosts(),
                refs.timeSeriesFfdHosts(),
                refs.antiAffinityHosts(),
                id,
                attempt);
    }

    /** Stores the whole-VM failover map of a finished plan with an HA reserve. */
    void saveFailover(UUID id, int attempt, FailoverMap.Result failover) {
        saveJson("failover", id, attempt, failover);
    }

    /** The stored failover map as JSON text, in the caller's workspace; empty when the plan has none (no HA reserve, or not finished). */
    java.util.Optional<String> failover(UUID id) {
        return storedJson("failover", id);
    }

    /** Stores the rules report of a finished plan with placement rules. */
    void saveRules(UUID id, int attempt, RulesReport report) {
        saveJson("rules", id, attempt, report);
    }

    /** The stored rules report as JSON text, in the caller's workspace; empty when the plan has none. */
    java.util.Optional<String> rules(UUID id) {
        return storedJson("rules", id);
    }

    /** Writes a JSON column of the plan's current attempt ({@code column}: one of this class's constant names). */
    private void saveJson(String column, UUID id, int attempt, Object value) {
        jdbc.update(
                "update plans set " + column + " = cast(? as jsonb) where id = ? and attempt = ?",
                json.write(value),
                id,
                attempt);
    }

    /** A stored JSON column as text, in the caller's workspace; empty when not set. */
    private java.util.Optional<String> storedJson(String column, UUID id) {
        return jdbc
                .query(
                        "select " + column + "::text from plans where id = ? and " + column + " is not null and "
                                + WorkspaceScope.CONDITION,
                        (rs, i) -> rs.getString(1),
                        WorkspaceScope.args(id))
                .stream()
                .findFirst();
    }

    /** Stores how many VMs run under each virtualization approach (AUTO chooses per VM). */
    void saveApproachMix(UUID id, int attempt, java.util.Map<String, Integer> mix) {
        saveJson("approach_mix", id, attempt, mix);
    }

    /**
     * Stores the final result (the references saved at start stay) and the plan's search time over all attempts;
     * COMPLETED, or CANCELLED when a cancel (not a finish) was requested meanwhile.
     */
    PlanStatus finish(UUID id, int attempt, PlanningResult r, long searchedMillis) {
        List<String> status = jdbc.execute((java.sql.Connection con) -> {
            var ps = con.prepareStatement(
                    "update plans set status = case when cancel_requested and not finish_requested then 'CANCELLED' else 'COMPLETED' end, "
                            + "vm_slot = ?, hosts_used = ?, score = ?, feasible = ?, broken_constraints = ?::jsonb, "
                            + "score_calcs_per_second = ?, searched_millis = ?, finished_at = now(), "
                            + "updated_at = now() where id = ? and attempt = ? returning status");
            ps.setArray(
                    1,
                    con.createArrayOf("int4", Arrays.stream(r.vmSlot()).boxed().toArray()));
            ps.setInt(2, r.hostsUsed());
            ps.setString(3, r.score());
            ps.setBoolean(4, r.feasible());
            ps.setString(5, json.write(r.brokenConstraints()));
            ps.setLong(6, r.scoreCalculationsPerSecond());
            ps.setLong(7, searchedMillis);
            ps.setObject(8, id);
            ps.setInt(9, attempt);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? List.of(rs.getString(1)) : List.<String>of();
            }
        });
        return status == null || status.isEmpty() ? null : PlanStatus.valueOf(status.get(0));
    }

    /**
     * Ends an attempt stopped before it had a placement: CANCELLED (after a finish request too: there is no best to
     * keep). The plan keeps what an earlier attempt saved, if any; otherwise it has no placement.
     */
    void endWithoutPlacement(UUID id, int attempt, long searchedMillis) {
        jdbc.update(
                "update plans set status = 'CANCELLED', searched_millis = ?, finished_at = now(), updated_at = now() "
                        + "where id = ? and attempt = ? and status = 'SOLVING'",
                searchedMillis,
                id,
                attempt);
    }

    void fail(UUID id, int attempt, String error) {
        jdbc.update(
                "update plans set status = 'FAILED', error = ?, finished_at = now(), updated_at = now() "
                        + "where id = ? and attempt = ?",
                error,
                id,
                attempt);
    }

    /** Sets the cancel flag of a queued or solving plan (a queued one is CANCELLED at once); false if not running. */
    boolean requestCancel(UUID id) {
        return jdbc.update(
                        "update plans set cancel_requested = true, updated_at = now(), "
                                + "status = case when status = 'QUEUED' then 'CANCELLED' else status end, "
                                + "finished_at = case when status = 'QUEUED' then now() else finished_at end "
                                + "where id = ? and status in ('QUEUED', 'SOLVING') and " + WorkspaceScope.CONDITION,
                        WorkspaceScope.args(id))
                > 0;
    }

    /** Ends a solving plan's search now, keeping its best as the result (COMPLETED); false if it is not solving. */
    public boolean requestFinish(UUID id) {
        return jdbc.update(
                        "update plans set cancel_requested = true, finish_requested = true, updated_at = now() "
                                + "where id = ? and status = 'SOLVING' and " + WorkspaceScope.CONDITION,
                        WorkspaceScope.args(id))
                > 0;
    }

    public boolean delete(UUID id) {
        return jdbc.update("delete from plans where id = ? and " + WorkspaceScope.CONDITION, WorkspaceScope.args(id))
                > 0;
    }

    private PlanRecord map(ResultSet rs, boolean withArrays) throws SQLException {
        return new PlanRecord(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getObject("workload_id", UUID.class),
                rs.getString("request"),
                PlanStatus.valueOf(rs.getString("status")),
                rs.getBoolean("cancel_requested"),
                rs.getInt("attempt"),
                withArrays ? strings(rs.getArray("vm_names")) : null,
                withArrays ? strings(rs.getArray("slot_models")) : null,
                rs.getInt("steps"),
                rs.getInt("step_seconds"),
                rs.getBoolean("folded"),
                withArrays ? ints(rs.getArray("vm_slot")) : null,
                integer(rs, "hosts_used"),
                rs.getString("score"),
                (Boolean) rs.getObject("feasible"),
                json.read(rs.getString("broken"), new TypeReference<List<String>>() {}),
                integer(rs, "lower_bound_hosts"),
                integer(rs, "peak_ffd_hosts"),
                integer(rs, "time_series_ffd_hosts"),
                integer(rs, "anti_affinity_hosts"),
                json.read(rs.getString("approach_mix"), new TypeReference<java.util.Map<String, Integer>>() {}),
                (Long) rs.getObject("score_calcs_per_second"),
                json.read(rs.getString("progress"), new TypeReference<List<ProgressPoint>>() {}),
                rs.getLong("searched_millis"),
                rs.getString("error"),
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "attempt_started_at"),
                instant(rs, "finished_at"),
                instant(rs, "updated_at"),
                rs.getString("overload_risk"),
                rs.getString("stage"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        return (Integer) rs.getObject(column);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? null : List.of((String[]) array.getArray());
    }

    static int[] ints(Array array) throws SQLException {
        if (array == null) return null;
        Integer[] boxed = (Integer[]) array.getArray();
        int[] out = new int[boxed.length];
        for (int i = 0; i < out.length; i++) out[i] = boxed[i];
        return out;
    }
}
