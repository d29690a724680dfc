package org.dcplanner.consolidation.ingestion.prometheus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.dcplanner.consolidation.security.CurrentUser;
import org.dcplanner.consolidation.security.WorkspaceScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The prometheus_import rows (V52). */
@Repository
class PrometheusImportRepository {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    PrometheusImportRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(UUID id, PrometheusImportRequest request) {
        jdbc.update(
                "insert into prometheus_import (id, request, status, queries_total, workspace) values (?, ?::jsonb, 'QUEUED', ?, ?)",
                id,
                write(request),
                request.queries().size(),
                CurrentUser.workspaceForNew());
    }

    /** The workspace the import was requested from, which its workload is stored in. */
    String workspace(UUID id) {
        return jdbc.queryForObject("select workspace from prometheus_import where id = ?", String.class, id);
    }

    PrometheusImportRequest request(UUID id) {
        String text = jdbc.queryForObject("select request::text from prometheus_import where id = ?", String.class, id);
        try {
            return json.readValue(text, PrometheusImportRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored Prometheus request is not JSON", e);
        }
    }

    void running(UUID id) {
        jdbc.update("update prometheus_import set status = 'RUNNING', queries_done = 0 where id = ?", id);
    }

    void queryDone(UUID id) {
        jdbc.update("update prometheus_import set queries_done = queries_done + 1 where id = ?", id);
    }

    void completed(UUID id, UUID workload) {
        jdbc.update(
                "update prometheus_import set status = 'COMPLETED', workload_id = ?, finished_at = now() where id = ?",
                workload,
                id);
    }

    void failed(UUID id, Map<String, Object> problem) {
        jdbc.update(
                "update prometheus_import set status = 'FAILED', error = ?::jsonb, finished_at = now() where id = ?",
                write(problem),
                id);
    }

    Optional<PrometheusImportView> find(UUID id) {
        return jdbc
                .query(
                        "select * from prometheus_import where id = ? and " + WorkspaceScope.CONDITION,
                        (rs, n) -> new PrometheusImportView(
                                rs.getObject("id", UUID.class),
                                rs.getString("status"),
                                rs.getInt("queries_done"),
                                rs.getInt("queries_total"),
                                rs.getObject("workload_id", UUID.class),
                                read(rs.getString("error")),
                                instant(rs.getTimestamp("created_at")),
                                instant(rs.getTimestamp("finished_at"))),
                        WorkspaceScope.args(id))
                .stream()
                .findFirst();
    }

    private Map<String, Object> read(String text) {
        if (text == null) return null;
        try {
            return json.readValue(text, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored error is not JSON", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
