package org.dcplanner.consolidation.ingestion.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadClass;
import org.dcplanner.consolidation.ingestion.internal.IngestWarnings.IngestWarning;
import org.dcplanner.consolidation.ingestion.internal.SeriesStats;
import org.dcplanner.consolidation.ingestion.internal.VmView;
import org.dcplanner.consolidation.ingestion.internal.WorkloadView;
import org.dcplanner.consolidation.security.CurrentUser;
import org.dcplanner.consolidation.security.WorkspaceScope;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Reads stored workloads: workload rows, VM rows (with statistics) and series rows. */
@Repository
public class WorkloadRepository {
    private static final String VM_COLUMNS = "vm_index, name, cores, cpu_mhz, memory_mib, guest_os, paravirt_capable,"
            + " workload_class, anti_affinity_group, cpu_mean, cpu_p95, cpu_peak, memory_mean, memory_p95, memory_peak,"
            + " disk_mean, disk_p95, disk_peak, network_mean, network_p95, network_peak, affinity_group";
    /** Rows of a workload (VMs, series) are visible only when their workload is in the caller's workspace. */
    private static final String OWN_WORKLOAD = " and exists (select 1 from workload w where w.id = workload_id and "
            + WorkspaceScope.condition("w.workspace") + ")";

    private static final TypeReference<List<IngestWarning>> WARNINGS = new TypeReference<>() {};
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public WorkloadRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<WorkloadView> find(UUID id) {
        return jdbc
                .query(
                        "select * from workload where id = ? and " + WorkspaceScope.CONDITION,
                        workloadMapper(),
                        WorkspaceScope.args(id))
                .stream()
                .findFirst();
    }

    /** The workload stored from an upload with this fingerprint (see UploadFingerprint), if any. */
    public Optional<WorkloadView> findByContentHash(String sha256) {
        return jdbc.query("select * from workload where content_sha256 = ?", workloadMapper(), sha256).stream()
                .findFirst();
    }

    public void setContentHash(UUID id, String sha256) {
        jdbc.update("update workload set content_sha256 = ? where id = ?", sha256, id);
    }

    public List<WorkloadView> list(int limit, long offset) {
        Object[] scope = WorkspaceScope.args();
        return jdbc.query(
                "select * from workload where " + WorkspaceScope.CONDITION
                        + " order by created_at desc, name, id limit ? offset ?",
                workloadMapper(),
                scope[0],
                scope[1],
                limit,
                offset);
    }

    public long count() {
        Long n = jdbc.queryForObject(
                "select count(*) from workload where " + WorkspaceScope.CONDITION, Long.class, WorkspaceScope.args());
        return n == null ? 0 : n;
    }

    public boolean exists(UUID id) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from workload where id = ? and " + WorkspaceScope.CONDITION + ")",
                Boolean.class,
                WorkspaceScope.args(id)));
    }

    public boolean delete(UUID id) {
        return jdbc.update("delete from workload where id = ? and " + WorkspaceScope.CONDITION, WorkspaceScope.args(id))
                > 0;
    }

    /** VMs ordered by the given (whitelisted, see {@link VmSort}) SQL order clause. */
    public List<VmView> vms(UUID id, String orderBy, int limit, long offset) {
        return jdbc.query(
                "select " + VM_COLUMNS + " from workload_vm where workload_id = ?" + OWN_WORKLOAD + " order by "
                        + orderBy + " limit ? offset ?",
                WorkloadRepository::vm,
                scoped(id, limit, offset));
    }

    public Optional<VmView> vm(UUID id, int index) {
        return jdbc
                .query(
                        "select " + VM_COLUMNS + " from workload_vm where workload_id = ?" + OWN_WORKLOAD
                                + " and vm_index = ?",
                        WorkloadRepository::vm,
                        scoped(id, index))
                .stream()
                .findFirst();
    }

    public Optional<VmView> vmNamed(UUID id, String name) {
        return jdbc
                .query(
                        "select " + VM_COLUMNS + " from workload_vm where workload_id = ?" + OWN_WORKLOAD
                                + " and name = ?",
                        WorkloadRepository::vm,
                        scoped(id, name))
                .stream()
                .findFirst();
    }

    /** Streams the stored series of the metrics (all VMs, or one when {@code vmIndex} is not null), by metric and VM. */
    public void series(UUID id, List<Metric> metrics, Integer vmIndex, SeriesConsumer consumer) {
        String[] fields = metrics.stream().map(Metric::field).toArray(String[]::new);
        String sql = "select metric, vm_index, samples from workload_series where workload_id = ?" + OWN_WORKLOAD
                + " and metric = any(?)" + (vmIndex == null ? "" : " and vm_index = " + vmIndex.intValue())
                // in key order (the primary key's index): a streamed sum adds the VMs in the same order every time
                + " order by metric, vm_index";
        String workspace = CurrentUser.workspaceOrSystem();
        jdbc.execute((ConnectionCallback<Void>) con -> {
            // PgJDBC streams rows by the fetch size only inside a transaction; otherwise it reads the whole answer
            // into memory (a month of 5,000 VMs is 250 MB of compressed series: more than a 512 MB heap can hold)
            boolean autoCommit = con.getAutoCommit();
            if (autoCommit) con.setAutoCommit(false);
            try (var ps = con.prepareStatement(sql)) {
                ps.setObject(1, id);
                ps.setString(2, workspace);
                ps.setString(3, workspace);
                ps.setArray(4, con.createArrayOf("text", fields));
                ps.setFetchSize(200);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(metricOf(rs.getString(1)), rs.getInt(2), SeriesCodec.decode(rs.getBytes(3)));
                    }
                }
            } finally {
                if (autoCommit) {
                    con.rollback(); // read only: nothing to keep
                    con.setAutoCommit(true);
                }
            }
            return null;
        });
    }

    /** The workload id, the scope's two parameters, then the rest of the query's parameters. */
    private static Object[] scoped(UUID id, Object... rest) {
        Object[] scope = WorkspaceScope.args(id);
        Object[] all = java.util.Arrays.copyOf(scope, scope.length + rest.length);
        System.arraycopy(rest, 0, all, scope.length, rest.length);
        return all;
    }

    @FunctionalInterface
    public interface SeriesConsumer {
        void accept(Metric metric, int vmIndex, float[] series);
    }

    static Metric metricOf(String field) {
        return Arrays.stream(Metric.values())
                .filter(m -> m.field().equals(field))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown stored metric " + field));
    }

    private RowMapper<WorkloadView> workloadMapper() {
        return (rs, n) -> {
            int step = rs.getInt("step_seconds");
            int steps = rs.getInt("steps");
            var start = rs.getTimestamp("start_time").toInstant();
            Array metrics = rs.getArray("metrics");
            try {
                List<IngestWarning> warnings = json.readValue(rs.getString("warnings"), WARNINGS);
                return new WorkloadView(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("format"),
                        rs.getString("vm_profile"),
                        rs.getInt("vm_count"),
                        step,
                        steps,
                        start,
                        start.plusSeconds((long) step * steps),
                        Arrays.stream((String[]) metrics.getArray())
                                .map(WorkloadRepository::metricOf)
                                .sorted()
                                .toList(),
                        rs.getLong("sample_count"),
                        warnings.stream().map(IngestWarning::message).toList(),
                        warnings,
                        instant(rs.getTimestamp("created_at")));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("stored warnings of workload are not JSON", e);
            }
        };
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static VmView vm(ResultSet rs, int n) throws SQLException {
        Map<Metric, SeriesStats> stats = new EnumMap<>(Metric.class);
        int col = 10;
        for (Metric m : Metric.values()) {
            float mean = rs.getFloat(col);
            boolean present = !rs.wasNull();
            if (present) stats.put(m, new SeriesStats(mean, rs.getFloat(col + 1), rs.getFloat(col + 2)));
            col += 3;
        }
        return new VmView(
                rs.getInt(1),
                rs.getString(2),
                rs.getInt(3),
                rs.getDouble(4),
                rs.getDouble(5),
                rs.getString(6),
                rs.getBoolean(7),
                WorkloadClass.valueOf(rs.getString(8)),
                rs.getString(9),
                rs.getString("affinity_group"),
                stats);
    }
}
