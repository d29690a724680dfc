package org.dcplanner.consolidation.ingestion.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.ingestion.internal.AssembledWorkload;
import org.dcplanner.consolidation.ingestion.internal.SeriesStats;
import org.dcplanner.consolidation.security.CurrentUser;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores an assembled workload in one transaction: the workload row with a plain insert, then VMs and
 * series with binary COPY (one row per VM and metric). Any failure rolls everything back.
 */
@Repository
public class WorkloadWriter {
    private static final List<Metric> STAT_ORDER = List.of(Metric.CPU, Metric.MEMORY, Metric.DISK, Metric.NETWORK);
    private final DataSource dataSource;
    private final ObjectMapper json;

    public WorkloadWriter(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Inserts the workload; runs in the caller's transaction (one is required). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void insert(UUID id, String name, String format, String vmProfile, AssembledWorkload w) {
        insert(id, name, format, vmProfile, w, CurrentUser.workspaceForNew());
    }

    /** As {@link #insert(UUID, String, String, String, AssembledWorkload)} into the given workspace (a background import). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void insert(UUID id, String name, String format, String vmProfile, AssembledWorkload w, String workspace) {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            insertWorkload(c, id, name, format, vmProfile, w, workspace);
            copyVms(c, id, w);
            copySeries(c, id, w);
        } catch (SQLException e) {
            throw new IllegalStateException("storing workload " + id + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    private void insertWorkload(
            Connection c, UUID id, String name, String format, String vmProfile, AssembledWorkload w, String workspace)
            throws SQLException, JsonProcessingException {
        String sql = "insert into workload (id, name, format, vm_profile, vm_count, step_seconds, steps, start_time,"
                + " metrics, sample_count, warnings, workspace) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            ps.setString(2, name);
            ps.setString(3, format);
            ps.setString(4, vmProfile);
            ps.setInt(5, w.vms().size());
            ps.setInt(6, w.grid().stepSeconds());
            ps.setInt(7, w.grid().steps());
            ps.setTimestamp(8, Timestamp.from(w.grid().start()));
            ps.setArray(
                    9,
                    c.createArrayOf(
                            "text", w.measured().stream().map(Metric::field).toArray()));
            ps.setLong(10, w.samples());
            ps.setString(11, json.writeValueAsString(w.warnings()));
            ps.setString(12, workspace);
            ps.executeUpdate();
        }
    }

    private void copyVms(Connection c, UUID id, AssembledWorkload w) throws SQLException, IOException {
        PgBinaryCopy copy = PgBinaryCopy.start(
                c,
                "workload_vm (workload_id, vm_index, name, cores, cpu_mhz, memory_mib,"
                        + " guest_os, paravirt_capable, workload_class, anti_affinity_group, cpu_mean, cpu_p95, cpu_peak,"
                        + " memory_mean, memory_p95, memory_peak, disk_mean, disk_p95, disk_peak, network_mean, network_p95,"
                        + " network_peak)");
        try {
            for (WorkloadVm vm : w.vms()) {
                copy.row(22)
                        .uuid(id)
                        .int4(vm.index())
                        .text(vm.name())
                        .int4(vm.cores())
                        .float8(vm.cpuMhz())
                        .float8(vm.memoryMib())
                        .text(vm.guestOs())
                        .bool(vm.paravirtCapable())
                        .text(vm.workloadClass().name())
                        .text(vm.antiAffinityGroup());
                for (Metric m : STAT_ORDER) stats(copy, w.stats(), m, vm.index());
            }
            copy.finish();
        } catch (SQLException | IOException | RuntimeException e) {
            copy.cancel();
            throw e;
        }
    }

    private static void stats(PgBinaryCopy copy, Map<Metric, SeriesStats[]> stats, Metric m, int vm)
            throws IOException {
        SeriesStats[] s = stats.get(m);
        if (s == null) {
            copy.float4(null).float4(null).float4(null);
        } else {
            copy.float4(s[vm].mean()).float4(s[vm].p95()).float4(s[vm].peak());
        }
    }

    private void copySeries(Connection c, UUID id, AssembledWorkload w) throws SQLException, IOException {
        PgBinaryCopy copy = PgBinaryCopy.start(c, "workload_series (workload_id, metric, vm_index, samples)");
        try {
            for (Metric m : w.measured()) {
                for (int vm = 0; vm < w.vms().size(); vm++) {
                    copy.row(4)
                            .uuid(id)
                            .text(m.field())
                            .int4(vm)
                            .bytea(SeriesCodec.encode(w.series().of(m, vm)));
                }
            }
            copy.finish();
        } catch (SQLException | IOException | RuntimeException e) {
            copy.cancel();
            throw e;
        }
    }
}
