package org.dcplanner.consolidation.planning.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.dcplanner.consolidation.planning.solver.partition.Partitioning;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Table plan_partitions (V90): the partitions of a plan solved in parts. Every write of a partition's solve carries
 * the partition's attempt (fencing, as for plans). Rows are reached through a plan id the caller already found in its
 * workspace, or by the solving tasks.
 */
@Repository
class PartitionRepository {
    private final JdbcTemplate jdbc;

    PartitionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One partition as stored: its VMs and slots (whole-plan indexes), state and best placement (whole-pool slots). */
    record PartitionRow(
            int part,
            int[] vmIndexes,
            int[] slotIndexes,
            String status,
            int attempt,
            int[] vmSlot,
            Integer hostsUsed) {}

    /** Progress of a plan solved in parts: partitions solved and in all. */
    record Progress(int done, int total) {}

    /** Stores the partitions of a plan (QUEUED); false when they exist already (another attempt stored them). */
    boolean insertAll(UUID planId, Partitioning partitioning) {
        Integer existing =
                jdbc.queryForObject("select count(*) from plan_partitions where plan_id = ?", Integer.class, planId);
        if (existing != null && existing > 0) return false;
        jdbc.batchUpdate(
                "insert into plan_partitions (plan_id, part, vm_indexes, slot_indexes, status) values (?, ?, ?, ?, 'QUEUED') "
                        + "on conflict do nothing",
                java.util.stream.IntStream.range(0, partitioning.count())
                        .boxed()
                        .toList(),
                100,
                (ps, k) -> {
                    ps.setObject(1, planId);
                    ps.setInt(2, k);
                    ps.setArray(3, ints(ps.getConnection(), partitioning.vms()[k]));
                    ps.setArray(4, ints(ps.getConnection(), partitioning.slots()[k]));
                });
        return true;
    }

    List<PartitionRow> list(UUID planId) {
        return jdbc.query(
                "select part, vm_indexes, slot_indexes, status, attempt, vm_slot, hosts_used from plan_partitions "
                        + "where plan_id = ? order by part",
                (rs, n) -> new PartitionRow(
                        rs.getInt("part"),
                        PlanRepository.ints(rs.getArray("vm_indexes")),
                        PlanRepository.ints(rs.getArray("slot_indexes")),
                        rs.getString("status"),
                        rs.getInt("attempt"),
                        PlanRepository.ints(rs.getArray("vm_slot")),
                        (Integer) rs.getObject("hosts_used")),
                planId);
    }

    /** Partitions of the plan no attempt has started yet. */
    int queued(UUID planId) {
        Integer n = jdbc.queryForObject(
                "select count(*) from plan_partitions where plan_id = ? and status = 'QUEUED'", Integer.class, planId);
        return n == null ? 0 : n;
    }

    /** Claims partition {@code part} for a new solve attempt by {@code node}; empty when it is done or gone. */
    OptionalInt startAttempt(UUID planId, int part, String node) {
        List<Integer> attempt = jdbc.queryForList(
                "update plan_partitions set attempt = attempt + 1, status = 'SOLVING', picked_by = ?, started_at = now() "
                        + "where plan_id = ? and part = ? and status in ('QUEUED', 'SOLVING') returning attempt",
                Integer.class,
                node,
                planId,
                part);
        return attempt.isEmpty() ? OptionalInt.empty() : OptionalInt.of(attempt.get(0));
    }

    /** True when the attempt must stop: the plan was cancelled, finished or deleted, or a newer attempt owns the part. */
    boolean mustStop(UUID planId, int part, int attempt) {
        List<Boolean> go = jdbc.queryForList(
                "select not p.cancel_requested from plan_partitions pp join plans p on p.id = pp.plan_id "
                        + "where pp.plan_id = ? and pp.part = ? and pp.attempt = ?",
                Boolean.class,
                planId,
                part,
                attempt);
        return go.isEmpty() || !go.get(0);
    }

    /** The attempt's best so far (whole-pool slots per VM of the partition). */
    void saveBest(UUID planId, int part, int attempt, int[] vmSlot, int hostsUsed) {
        write("", planId, part, attempt, vmSlot, hostsUsed);
    }

    /**
     * Stores the attempt's result and marks the partition DONE; true when every partition of the plan is done
     * after this write (the caller then queues the merge; two last partitions may both see it, the merge is
     * queued once by its instance id).
     */
    boolean finish(UUID planId, int part, int attempt, int[] vmSlot, int hostsUsed) {
        return write(", status = 'DONE', finished_at = now()", planId, part, attempt, vmSlot, hostsUsed) > 0
                && allDone(planId);
    }

    private int write(String andSet, UUID planId, int part, int attempt, int[] vmSlot, int hostsUsed) {
        return jdbc.update(con -> {
            var ps = con.prepareStatement("update plan_partitions set vm_slot = ?, hosts_used = ?" + andSet
                    + " where plan_id = ? and part = ? and attempt = ? and status = 'SOLVING'");
            ps.setArray(1, ints(con, vmSlot));
            ps.setInt(2, hostsUsed);
            ps.setObject(3, planId);
            ps.setInt(4, part);
            ps.setInt(5, attempt);
            return ps;
        });
    }

    boolean allDone(UUID planId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select count(*) > 0 and count(*) = count(*) filter (where status = 'DONE') from plan_partitions "
                        + "where plan_id = ?",
                Boolean.class,
                planId));
    }

    /** Partitions done / in all, per plan that has partitions (plans solved whole are absent). */
    Map<UUID, Progress> progress(List<UUID> planIds) {
        Map<UUID, Progress> out = new HashMap<>();
        if (planIds.isEmpty()) return out;
        jdbc.query(
                con -> {
                    var ps = con.prepareStatement(
                            "select plan_id, count(*) filter (where status = 'DONE') as done, count(*) as total "
                                    + "from plan_partitions where plan_id = any(?) group by plan_id");
                    ps.setArray(1, con.createArrayOf("uuid", planIds.toArray()));
                    return ps;
                },
                rs -> {
                    out.put(rs.getObject("plan_id", UUID.class), new Progress(rs.getInt("done"), rs.getInt("total")));
                });
        return out;
    }

    private static Array ints(java.sql.Connection con, int[] values) throws SQLException {
        return con.createArrayOf("int4", Arrays.stream(values).boxed().toArray());
    }
}
