package org.dcplanner.consolidation.backtest.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dcplanner.consolidation.database.JsonColumns;
import org.dcplanner.consolidation.security.CurrentUser;
import org.dcplanner.consolidation.simulation.OutOfSampleResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Tables backtest and backtest_fold (V31), plain SQL. */
@Repository
class BacktestStore {
    private static final String JOB_COLUMNS =
            "id, kind, name, status, cancel_requested, request::text as request, folds_total, "
                    + "(select count(*) from backtest_fold f where f.backtest_id = b.id and f.status in ('COMPLETED', 'FAILED')) as folds_done, "
                    + "error, created_at, started_at, finished_at";
    private static final String FOLD_COLUMNS =
            "fold, label, plan_request::text as plan_request, test_workload_id, test_from, "
                    + "test_to, status, plan_id, hosts, in_sample::text as in_sample, out_of_sample::text as out_of_sample, error, finished_at";
    /** The caller's workspace (open on a job thread); binds {@code :ws}. */
    private static final String SCOPE = "(cast(:ws as text) is null or workspace = :ws)";

    private final JdbcClient jdbc;
    private final JsonColumns json;

    BacktestStore(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.json = new JsonColumns(mapper);
    }

    record Job(
            UUID id,
            String kind,
            String name,
            String status,
            boolean cancelRequested,
            JsonNode request,
            int foldsTotal,
            int foldsDone,
            String error,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt) {
        boolean finished() {
            return status.equals("COMPLETED") || status.equals("FAILED") || status.equals("CANCELLED");
        }
    }

    record Fold(
            int fold,
            String label,
            JsonNode planRequest,
            UUID testWorkloadId,
            Instant testFrom,
            Instant testTo,
            String status,
            UUID planId,
            Integer hosts,
            OutOfSampleResult inSample,
            OutOfSampleResult outOfSample,
            String error,
            Instant finishedAt) {}

    @Transactional
    void insert(UUID id, String kind, String name, Object request, List<FoldSpec> folds) {
        jdbc.sql(
                        "insert into backtest (id, kind, name, status, request, folds_total, workspace) values (:id, :kind, :name, "
                                + "'QUEUED', cast(:request as jsonb), :total, :ws)")
                .param("ws", CurrentUser.workspaceForNew())
                .param("id", id)
                .param("kind", kind)
                .param("name", name)
                .param("request", json.write(request))
                .param("total", folds.size())
                .update();
        for (int i = 0; i < folds.size(); i++) {
            FoldSpec f = folds.get(i);
            jdbc.sql(
                            "insert into backtest_fold (backtest_id, fold, label, plan_request, test_workload_id, test_from, test_to, status) "
                                    + "values (:id, :fold, :label, cast(:plan as jsonb), :test, :from, :to, 'PENDING')")
                    .param("id", id)
                    .param("fold", i)
                    .param("label", f.label())
                    .param("plan", f.planRequest().toString())
                    .param("test", f.testWorkloadId())
                    .param("from", timestamp(f.testFrom()))
                    .param("to", timestamp(f.testTo()))
                    .update();
        }
    }

    Optional<Job> find(UUID id) {
        return jdbc.sql("select " + JOB_COLUMNS + " from backtest b where id = :id and " + SCOPE)
                .param("id", id)
                .param("ws", CurrentUser.workspaceOrSystem())
                .query(this::job)
                .optional();
    }

    /** One page of the workspace's jobs of a kind, newest first. */
    List<Job> list(String kind, int offset, int limit) {
        return jdbc.sql("select " + JOB_COLUMNS + " from backtest b where kind = :kind and " + SCOPE
                        + " order by created_at desc, id offset :offset limit :limit")
                .param("kind", kind)
                .param("ws", CurrentUser.workspaceOrSystem())
                .param("offset", offset)
                .param("limit", limit)
                .query(this::job)
                .list();
    }

    long count(String kind) {
        return jdbc.sql("select count(*) from backtest where kind = :kind and " + SCOPE)
                .param("kind", kind)
                .param("ws", CurrentUser.workspaceOrSystem())
                .query(Long.class)
                .single();
    }

    /** The workspace the job was started from: its folds' plans are stored there. */
    String workspace(UUID id) {
        return jdbc.sql("select workspace from backtest where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    List<Fold> folds(UUID id) {
        return jdbc.sql("select " + FOLD_COLUMNS + " from backtest_fold where backtest_id = :id order by fold")
                .param("id", id)
                .query(this::fold)
                .list();
    }

    /** The lowest fold still PENDING or PLANNING. */
    Optional<Fold> nextOpenFold(UUID id) {
        return jdbc.sql("select " + FOLD_COLUMNS + " from backtest_fold where backtest_id = :id "
                        + "and status in ('PENDING', 'PLANNING') order by fold limit 1")
                .param("id", id)
                .query(this::fold)
                .optional();
    }

    void markRunning(UUID id) {
        jdbc.sql(
                        "update backtest set status = 'RUNNING', started_at = coalesce(started_at, now()) where id = :id and status = 'QUEUED'")
                .param("id", id)
                .update();
    }

    boolean requestCancel(UUID id) {
        return jdbc.sql(
                                "update backtest set cancel_requested = true where id = :id and status in ('QUEUED', 'RUNNING')")
                        .param("id", id)
                        .update()
                == 1;
    }

    void finish(UUID id, String status, String error) {
        jdbc.sql("update backtest set status = :status, error = :error, finished_at = now() where id = :id")
                .param("status", status)
                .param("error", error)
                .param("id", id)
                .update();
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from backtest where id = :id").param("id", id).update() == 1;
    }

    void planning(UUID id, int fold, UUID planId) {
        jdbc.sql(
                        "update backtest_fold set status = 'PLANNING', plan_id = :plan where backtest_id = :id and fold = :fold")
                .param("plan", planId)
                .param("id", id)
                .param("fold", fold)
                .update();
    }

    void completeFold(UUID id, int fold, int hosts, OutOfSampleResult inSample, OutOfSampleResult outOfSample) {
        jdbc.sql(
                        "update backtest_fold set status = 'COMPLETED', hosts = :hosts, in_sample = cast(:in as jsonb), "
                                + "out_of_sample = cast(:out as jsonb), finished_at = now() where backtest_id = :id and fold = :fold")
                .param("hosts", hosts)
                .param("in", json.write(inSample))
                .param("out", json.write(outOfSample))
                .param("id", id)
                .param("fold", fold)
                .update();
    }

    void failFold(UUID id, int fold, String status, String error) {
        jdbc.sql(
                        "update backtest_fold set status = :status, error = :error, finished_at = now() where backtest_id = :id and fold = :fold")
                .param("status", status)
                .param("error", error)
                .param("id", id)
                .param("fold", fold)
                .update();
    }

    /** Every fold still open ends CANCELLED. */
    void cancelOpenFolds(UUID id) {
        jdbc.sql("update backtest_fold set status = 'CANCELLED', finished_at = now() where backtest_id = :id "
                        + "and status in ('PENDING', 'PLANNING')")
                .param("id", id)
                .update();
    }

    private Job job(ResultSet rs, int i) throws SQLException {
        return new Job(
                rs.getObject("id", UUID.class),
                rs.getString("kind"),
                rs.getString("name"),
                rs.getString("status"),
                rs.getBoolean("cancel_requested"),
                json.read(rs.getString("request"), new TypeReference<JsonNode>() {}),
                rs.getInt("folds_total"),
                rs.getInt("folds_done"),
                rs.getString("error"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")));
    }

    private Fold fold(ResultSet rs, int i) throws SQLException {
        String in = rs.getString("in_sample");
        String out = rs.getString("out_of_sample");
        return new Fold(
                rs.getInt("fold"),
                rs.getString("label"),
                json.read(rs.getString("plan_request"), new TypeReference<JsonNode>() {}),
                rs.getObject("test_workload_id", UUID.class),
                instant(rs.getTimestamp("test_from")),
                instant(rs.getTimestamp("test_to")),
                rs.getString("status"),
                rs.getObject("plan_id", UUID.class),
                (Integer) rs.getObject("hosts"),
                in == null ? null : json.read(in, new TypeReference<OutOfSampleResult>() {}),
                out == null ? null : json.read(out, new TypeReference<OutOfSampleResult>() {}),
                rs.getString("error"),
                instant(rs.getTimestamp("finished_at")));
    }

    private static OffsetDateTime timestamp(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
