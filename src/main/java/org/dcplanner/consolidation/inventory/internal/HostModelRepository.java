package org.dcplanner.consolidation.inventory.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.security.CurrentUser;
import org.dcplanner.consolidation.security.WorkspaceScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Custom host models in table host_models (V3), each in a workspace (V21) and seen only there
 * ({@link WorkspaceScope}), or in the shared catalog (workspace null, V22) seen by all. Ids are unique among the
 * models a workspace sees (its own and the shared ones, V81), not across workspaces: jobs resolve them inside the
 * workspace of what they work on ({@code CurrentUser.inWorkspace}); an unscoped lookup of an id two workspaces
 * use fails instead of picking one.
 */
@Repository
class HostModelRepository {
    private static final String COLUMNS =
            "id, name, cores, core_mhz, memory_mib, disk_kbps, network_kbps, power_watts, "
                    + "rack_units, purchase_cost, yearly_maintenance_cost, hardware_assist, source";
    /** The caller's workspace's models and the shared ones (workspace null). */
    private static final String VISIBLE = "(workspace is null or " + WorkspaceScope.CONDITION + ")";

    private final JdbcTemplate jdbc;

    HostModelRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<HostModel> findAll() {
        return jdbc.query(
                "select " + COLUMNS + " from host_models where " + VISIBLE + " order by id",
                HostModelRepository::map,
                WorkspaceScope.args());
    }

    Optional<HostModel> findById(String id) {
        return single(
                id,
                jdbc.query(
                        "select " + COLUMNS + " from host_models where id = ? and " + VISIBLE,
                        HostModelRepository::map,
                        WorkspaceScope.args(id)));
    }

    /** The one row of a visible id; an unscoped lookup (outside any workspace) of an id several workspaces use fails. */
    private static <T> Optional<T> single(String id, List<T> rows) {
        if (rows.size() > 1)
            throw new IllegalStateException("host model id " + id + " exists in several workspaces: look it up in one"
                    + " (CurrentUser.inWorkspace)");
        return rows.stream().findFirst();
    }

    /**
     * Inserts into the caller's workspace, or the shared catalog; false when the id is taken among what the model
     * will be seen with: the workspace's own and the shared models (a shared model: every custom model). Call inside
     * a transaction: an advisory lock on the id serializes concurrent inserts of it until commit.
     */
    boolean insert(HostModel m, boolean shared) {
        String workspace = shared ? null : CurrentUser.workspaceForNew();
        jdbc.queryForList("select pg_advisory_xact_lock(hashtext(?))", "host_models:" + m.id());
        Boolean taken = jdbc.queryForObject(
                "select exists(select 1 from host_models where id = ? and (? or workspace is null or workspace = ?))",
                Boolean.class,
                m.id(),
                shared,
                workspace);
        if (Boolean.TRUE.equals(taken)) return false;
        jdbc.update(con -> {
            var ps = con.prepareStatement(
                    "insert into host_models (" + COLUMNS + ", workspace) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
            ps.setString(1, m.id());
            ps.setString(2, m.name());
            ps.setInt(3, m.cores());
            ps.setDouble(4, m.coreMhz());
            ps.setDouble(5, m.memoryMib());
            ps.setDouble(6, m.diskKBps());
            ps.setDouble(7, m.networkKBps());
            Double[] watts = java.util.Arrays.stream(m.powerWatts()).boxed().toArray(Double[]::new);
            ps.setArray(8, con.createArrayOf("float8", watts));
            ps.setInt(9, m.rackUnits());
            ps.setDouble(10, m.purchaseCost());
            ps.setDouble(11, m.yearlyMaintenanceCost());
            ps.setBoolean(12, m.hardwareAssist());
            ps.setString(13, m.source());
            ps.setString(14, workspace);
            return ps;
        });
        return true;
    }

    /**
     * Row-locks the model for its deletion (waits for plans that hold it); empty when there is no such model,
     * else whether it is in the shared catalog.
     */
    Optional<Boolean> lockForDelete(String id) {
        return single(
                id,
                jdbc.query(
                        "select workspace is null from host_models where id = ? and " + VISIBLE + " for update",
                        (rs, n) -> rs.getBoolean(1),
                        WorkspaceScope.args(id)));
    }

    /** Share-locks these models until the transaction ends (blocks their deletion); returns the ids found. */
    List<String> lockShared(Collection<String> ids) {
        return jdbc.query(
                con -> {
                    var ps = con.prepareStatement(
                            "select id from host_models where id = any(?) and " + VISIBLE + " for share");
                    ps.setArray(1, con.createArrayOf("text", ids.toArray()));
                    String workspace = CurrentUser.workspaceOrSystem();
                    ps.setString(2, workspace);
                    ps.setString(3, workspace);
                    return ps;
                },
                (rs, n) -> rs.getString(1));
    }

    void delete(String id) {
        jdbc.update("delete from host_models where id = ? and " + VISIBLE, WorkspaceScope.args(id));
    }

    private static HostModel map(ResultSet rs, int row) throws SQLException {
        Array arr = rs.getArray("power_watts");
        Double[] boxed = (Double[]) arr.getArray();
        double[] watts = new double[boxed.length];
        for (int i = 0; i < boxed.length; i++) watts[i] = boxed[i];
        return new HostModel(
                rs.getString("id"),
                rs.getString("name"),
                rs.getInt("cores"),
                rs.getDouble("core_mhz"),
                rs.getDouble("memory_mib"),
                rs.getDouble("disk_kbps"),
                rs.getDouble("network_kbps"),
                watts,
                rs.getInt("rack_units"),
                rs.getDouble("purchase_cost"),
                rs.getDouble("yearly_maintenance_cost"),
                rs.getBoolean("hardware_assist"),
                rs.getString("source"));
    }
}
