package org.dcplanner.consolidation.simulation.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dcplanner.consolidation.database.JsonColumns;
import org.dcplanner.consolidation.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code policy_simulation} (V40) with plain SQL; request and result as JSON. */
@Repository
class PolicyRunStore {
    private static final String COLUMNS =
            "id, plan_id, workload_id, request::text as request, status, error, requested_at, "
                    + "started_at, finished_at, result::text as result";
    /** The caller's workspace (open on a job thread); binds {@code :ws}. */
    private static final String SCOPE = "(cast(:ws as text) is null or workspace = :ws)";

    private final JdbcClient jdbc;
    private final JsonColumns json;

    PolicyRunStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = new JsonColumns(json);
    }

    void queue(UUID id, PolicySimulationRequest request) {
        jdbc.sql("insert into policy_simulation (id, plan_id, workload_id, request, status, requested_at, workspace) "
                        + "values (:id, :plan, :workload, cast(:request as jsonb), 'QUEUED', now(), :ws)")
                .param("ws", CurrentUser.workspaceForNew())
                .param("id", id)
                .param("plan", request.planId())
                .param("workload", request.workloadId())
                .param("request", json.write(request))
                .update();
    }

    void markRunning(UUID id) {
        jdbc.sql("update policy_simulation set status = 'RUNNING', started_at = now() where id = :id")
                .param("id", id)
                .update();
    }

    void markFailed(UUID id, String error) {
        jdbc.sql("update policy_simulation set status = 'FAILED', error = :error, finished_at = now() where id = :id")
                .param("id", id)
                .param("error", error)
                .update();
    }

    void complete(UUID id, PolicyOutcome result) {
        jdbc.sql(
                        "update policy_simulation set status = 'COMPLETED', finished_at = now(), result = cast(:result as jsonb) "
                                + "where id = :id")
                .param("id", id)
                .param("result", json.write(result))
                .update();
    }

    Optional<PolicyRun> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from policy_simulation where id = :id and " + SCOPE)
                .param("id", id)
                .param("ws", CurrentUser.workspaceOrSystem())
                .query(this::row)
                .optional();
    }

    /** One page of the workspace's runs of a workload (and plan, when given), newest first. */
    List<PolicyRun> list(UUID workloadId, UUID planId, int offset, int limit) {
        var spec = jdbc.sql("select " + COLUMNS + " from policy_simulation where " + filter(workloadId, planId)
                + " order by requested_at desc, id offset :offset limit :limit");
        return bind(spec, workloadId, planId)
                .param("offset", offset)
                .param("limit", limit)
                .query(this::row)
                .list();
    }

    long count(UUID workloadId, UUID planId) {
        var spec = jdbc.sql("select count(*) from policy_simulation where " + filter(workloadId, planId));
        return bind(spec, workloadId, planId).query(Long.class).single();
    }

    private static String filter(UUID workloadId, UUID planId) {
        return SCOPE
                + (workloadId != null ? " and workload_id = :workload" : "")
                + (planId != null ? " and plan_id = :plan" : "");
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, UUID workloadId, UUID planId) {
        spec = spec.param("ws", CurrentUser.workspaceOrSystem());
        if (workloadId != null) spec = spec.param("workload", workloadId);
        if (planId != null) spec = spec.param("plan", planId);
        return spec;
    }

    private PolicyRun row(ResultSet rs, int i) throws SQLException {
        return new PolicyRun(
                rs.getObject("id", UUID.class),
                rs.getObject("plan_id", UUID.class),
                rs.getObject("workload_id", UUID.class),
                json.read(rs.getString("request"), new TypeReference<PolicySimulationRequest>() {}),
                SimulationStatus.valueOf(rs.getString("status")),
                rs.getString("error"),
                instant(rs.getTimestamp("requested_at")),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")),
                json.read(rs.getString("result"), new TypeReference<PolicyOutcome>() {}));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
