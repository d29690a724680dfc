package org.dcplanner.consolidation.simulation.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.dcplanner.consolidation.database.JsonColumns;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.simulation.internal.ReplayResult.HostOutcome;
import org.dcplanner.consolidation.simulation.internal.ReplayResult.Summary;
import org.dcplanner.consolidation.simulation.internal.StoredRun.VmSummary;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code simulation_run} (V5) with plain SQL; JSON columns through Jackson. */
@Repository
class SimulationRunStore {
    private static final String COLUMNS =
            "plan_id, virtualization, status, error, overhead_overrides::text as overrides, "
                    + "requested_at, started_at, finished_at, grid_start, step_seconds, steps, host_count, summary::text as summary, "
                    + "hosts::text as hosts, vms::text as vms";
    private final JdbcClient jdbc;
    private final JsonColumns json;
    /** Completed runs parsed once: a large plan's dashboard pages through them (50 VM pages at 50,000 VMs). */
    private final CompletedRuns completed = new CompletedRuns(4);

    SimulationRunStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = new JsonColumns(json);
    }

    /** Creates or resets the row to QUEUED with the given overrides (previous outcome cleared). */
    void queue(UUID planId, VirtualizationApproach approach, Map<String, Object> overrides) {
        jdbc.sql("""
                insert into simulation_run (plan_id, virtualization, status, overhead_overrides, requested_at)
                values (:plan, :virt, 'QUEUED', cast(:overrides as jsonb), now())
                on conflict (plan_id, virtualization) do update set status = 'QUEUED', error = null,
                  overhead_overrides = excluded.overhead_overrides, requested_at = now(), started_at = null,
                  finished_at = null, summary = null, hosts = null, vms = null, host_series = null""")
                .param("plan", planId)
                .param("virt", approach.name())
                .param("overrides", json.write(overrides))
                .update();
    }

    void markRunning(UUID planId, VirtualizationApproach approach) {
        jdbc.sql(
                        "update simulation_run set status = 'RUNNING', started_at = now() where plan_id = :plan and virtualization = :virt")
                .param("plan", planId)
                .param("virt", approach.name())
                .update();
    }

    void markFailed(UUID planId, VirtualizationApproach approach, String error) {
        jdbc.sql("update simulation_run set status = 'FAILED', error = :error, finished_at = now() "
                        + "where plan_id = :plan and virtualization = :virt")
                .param("plan", planId)
                .param("virt", approach.name())
                .param("error", error)
                .update();
    }

    /** Stored host series are capped at this many values; longer ones keep the max of each bucket of steps. */
    static final long MAX_STORED_VALUES = 32_000_000L;

    void complete(UUID planId, Instant gridStart, ReplayResult r, List<VmSummary> vms) {
        jdbc.sql("""
                update simulation_run set status = 'COMPLETED', finished_at = now(), grid_start = :start,
                  step_seconds = :stepSeconds, steps = :steps, host_count = :hostCount, summary = cast(:summary as jsonb),
                  hosts = cast(:hosts as jsonb), vms = cast(:vms as jsonb), host_series = :series
                where plan_id = :plan and virtualization = :virt""")
                .param("start", OffsetDateTime.ofInstant(gridStart, ZoneOffset.UTC))
                .param("stepSeconds", r.stepSeconds())
                .param("steps", r.steps())
                .param("hostCount", r.hosts().size())
                .param("summary", json.write(r.summary()))
                .param("hosts", json.write(r.hosts()))
                .param("vms", json.write(vms))
                .param("series", encode(bounded(r.hostUtilization(), r.hosts().size(), r.steps())))
                .param("plan", planId)
                .param("virt", r.approach().name())
                .update();
    }

    Optional<StoredRun> find(UUID planId, VirtualizationApproach approach) {
        return jdbc.sql("select virtualization, status, finished_at from simulation_run "
                        + "where plan_id = :plan and virtualization = :virt")
                .param("plan", planId)
                .param("virt", approach.name())
                .query(CompletedRuns::version)
                .optional()
                .map(v -> completed.get(planId, v, this::read));
    }

    List<StoredRun> findAll(UUID planId) {
        return jdbc
                .sql("select virtualization, status, finished_at from simulation_run where plan_id = :plan "
                        + "order by virtualization")
                .param("plan", planId)
                .query(CompletedRuns::version)
                .list()
                .stream()
                .map(v -> completed.get(planId, v, this::read))
                .toList();
    }

    /** The whole row (its JSON columns parsed). */
    private StoredRun read(UUID planId, VirtualizationApproach approach) {
        return jdbc.sql("select " + COLUMNS + " from simulation_run where plan_id = :plan and virtualization = :virt")
                .param("plan", planId)
                .param("virt", approach.name())
                .query(this::row)
                .single();
    }

    /**
     * Host utilization series {@code [resource][host * steps + step]}, or empty when not completed; only the
     * resources in {@code wanted} are decoded (the others' rows are null).
     */
    Optional<float[][]> hostSeries(UUID planId, VirtualizationApproach approach, Set<Metric> wanted) {
        return jdbc.sql("select host_series from simulation_run where plan_id = :plan and virtualization = :virt "
                        + "and host_series is not null")
                .param("plan", planId)
                .param("virt", approach.name())
                .query((rs, i) -> decode(rs.getBytes(1), wanted))
                .optional();
    }

    private StoredRun row(ResultSet rs, int i) throws SQLException {
        return new StoredRun(
                rs.getObject("plan_id", UUID.class),
                VirtualizationApproach.valueOf(rs.getString("virtualization")),
                SimulationStatus.valueOf(rs.getString("status")),
                rs.getString("error"),
                json.read(rs.getString("overrides"), new TypeReference<Map<String, Object>>() {}),
                instant(rs.getTimestamp("requested_at")),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")),
                instant(rs.getTimestamp("grid_start")),
                (Integer) rs.getObject("step_seconds"),
                (Integer) rs.getObject("steps"),
                (Integer) rs.getObject("host_count"),
                json.read(rs.getString("summary"), new TypeReference<Summary>() {}),
                json.read(rs.getString("hosts"), new TypeReference<List<HostOutcome>>() {}),
                json.read(rs.getString("vms"), new TypeReference<List<VmSummary>>() {}));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /**
     * The series, or per host the max over buckets of k consecutive steps when resources x hosts x steps
     * exceeds {@link #MAX_STORED_VALUES} (readers derive k from the stored length).
     */
    static float[][] bounded(float[][] series, int hosts, int steps) {
        return bounded(series, hosts, steps, MAX_STORED_VALUES);
    }

    static float[][] bounded(float[][] series, int hosts, int steps, long maxValues) {
        if (series == null || hosts == 0 || (long) series.length * series[0].length <= maxValues) return series;
        int k = (int) Math.ceil((double) series.length * series[0].length / maxValues);
        int buckets = (steps + k - 1) / k;
        float[][] out = new float[series.length][hosts * buckets];
        for (int r = 0; r < series.length; r++) {
            for (int h = 0; h < hosts; h++) {
                for (int t = 0; t < steps; t++) {
                    int o = h * buckets + t / k;
                    out[r][o] = Math.max(out[r][o], series[r][h * steps + t]);
                }
            }
        }
        return out;
    }

    static byte[] encode(float[][] series) {
        if (series == null) return null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            head.putInt(series.length).putInt(series[0].length);
            gz.write(head.array());
            ByteBuffer buf = ByteBuffer.allocate(series[0].length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] s : series) {
                buf.clear();
                buf.asFloatBuffer().put(s);
                gz.write(buf.array());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static float[][] decode(byte[] data) {
        return decode(data, EnumSet.allOf(Metric.class));
    }

    /** The rows of the wanted resources (Metric order); decompression stops after the last one wanted. */
    static float[][] decode(byte[] data, Set<Metric> wanted) {
        try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(data), 1 << 16)) {
            ByteBuffer head = ByteBuffer.wrap(gz.readNBytes(8)).order(ByteOrder.LITTLE_ENDIAN);
            int rows = head.getInt(), cols = head.getInt();
            float[][] out = new float[rows][];
            int last = -1;
            for (Metric m : wanted) if (m.ordinal() < rows) last = Math.max(last, m.ordinal());
            for (int r = 0; r <= last; r++) {
                if (!wanted.contains(Metric.values()[r])) {
                    gz.skipNBytes(cols * 4L);
                    continue;
                }
                out[r] = new float[cols];
                ByteBuffer.wrap(gz.readNBytes(cols * 4))
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .asFloatBuffer()
                        .get(out[r]);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
