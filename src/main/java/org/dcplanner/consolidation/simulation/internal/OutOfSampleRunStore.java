package org.dcplanner.consolidation.simulation.internal;

import com.fasterxml.jackson.core.type.TypeReference;
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
import org.dcplanner.consolidation.simulation.OutOfSampleResult;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code out_of_sample_run} (V30) with plain SQL; the result as a JSON column. */
@Repository
class OutOfSampleRunStore {
    private static final String COLUMNS =
            "id, plan_id, workload_id, window_from, window_to, virtualization, status, error, "
                    + "requested_at, started_at, finished_at";
    private final JdbcClient jdbc;
    private final JsonColumns json;

    OutOfSampleRunStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = new JsonColumns(json);
    }

    void insert(UUID id, UUID planId, UUID workloadId, Instant from, Instant to, VirtualizationApproach approach) {
        jdbc.sql("""
                insert into out_of_sample_run (id, plan_id, workload_id, window_from, window_to, virtualization, status)
                values (:id, :plan, :workload, :from, :to, :virt, 'QUEUED')""")
                .param("id", id)
                .param("plan", planId)
                .param("workload", workloadId)
                .param("from", timestamp(from))
                .param("to", timestamp(to))
                .param("virt", approach.name())
                .update();
    }

    /** QUEUED or RUNNING (a revived execution) -> RUNNING; false when the row is gone or already finished. */
    boolean markRunning(UUID id) {
        return jdbc.sql("update out_of_sample_run set status = 'RUNNING', started_at = now() "
                                + "where id = :id and status in ('QUEUED', 'RUNNING')")
                        .param("id", id)
                        .update()
                == 1;
    }

    void complete(UUID id, OutOfSampleResult result) {
        jdbc.sql(
                        "update out_of_sample_run set status = 'COMPLETED', finished_at = now(), result = cast(:r as jsonb) where id = :id")
                .param("r", json.write(result))
                .param("id", id)
                .update();
    }

    void fail(UUID id, String error) {
        jdbc.sql("update out_of_sample_run set status = 'FAILED', finished_at = now(), error = :e where id = :id")
                .param("e", error)
                .param("id", id)
                .update();
    }

    Optional<OutOfSampleRun> find(UUID id, boolean withResult) {
        return jdbc.sql("select " + COLUMNS + (withResult ? ", result::text as result" : ", null as result")
                        + " from out_of_sample_run where id = :id")
                .param("id", id)
                .query(this::row)
                .optional();
    }

    /** A plan's runs, newest first, without their results. */
    List<OutOfSampleRun> list(UUID planId) {
        return jdbc.sql("select " + COLUMNS
                        + ", null as result from out_of_sample_run where plan_id = :plan order by requested_at desc")
                .param("plan", planId)
                .query(this::row)
                .list();
    }

    private OutOfSampleRun row(ResultSet rs, int i) throws SQLException {
        String result = rs.getString("result");
        return new OutOfSampleRun(
                rs.getObject("id", UUID.class),
                rs.getObject("plan_id", UUID.class),
                rs.getObject("workload_id", UUID.class),
                instant(rs.getTimestamp("window_from")),
                instant(rs.getTimestamp("window_to")),
                VirtualizationApproach.valueOf(rs.getString("virtualization")),
                SimulationStatus.valueOf(rs.getString("status")),
                rs.getString("error"),
                instant(rs.getTimestamp("requested_at")),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")),
                result == null ? null : json.read(result, new TypeReference<OutOfSampleResult>() {}));
    }

    private static OffsetDateTime timestamp(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
