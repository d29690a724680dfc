package org.dcplanner.consolidation.ingestion.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.format.RvToolsInventory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Today's estate of a workload (V51): the servers of an RVTools vHost sheet and each VM's current host. */
@Repository
public class EstateRepository {
    private final JdbcTemplate jdbc;

    public EstateRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the estate; VMs are matched to their index by name (VMs not in the workload are left out). */
    public void insert(UUID workload, RvToolsInventory estate, Map<String, Integer> vmIndexByName) {
        List<Object[]> hosts = new ArrayList<>();
        for (RvToolsInventory.EstateHost h : estate.hosts()) {
            hosts.add(new Object[] {
                workload,
                h.name(),
                h.cluster(),
                h.vendor(),
                h.model(),
                h.sockets(),
                h.cores(),
                h.coreMhz(),
                h.memoryMib()
            });
        }
        jdbc.batchUpdate(
                "insert into workload_estate_host (workload_id, name, cluster, vendor, model, sockets, cores,"
                        + " core_mhz, memory_mib) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                hosts);
        List<Object[]> placements = new ArrayList<>();
        estate.placement().forEach((vm, p) -> {
            Integer index = vmIndexByName.get(vm);
            if (index != null) placements.add(new Object[] {workload, index, p.powerState(), p.cluster(), p.host()});
        });
        jdbc.batchUpdate(
                "insert into workload_vm_placement (workload_id, vm_index, power_state, cluster, current_host)"
                        + " values (?, ?, ?, ?, ?)",
                placements);
    }

    public List<RvToolsInventory.EstateHost> hosts(UUID workload) {
        return jdbc.query(
                "select * from workload_estate_host where workload_id = ? order by name",
                (rs, n) -> new RvToolsInventory.EstateHost(
                        rs.getString("name"),
                        rs.getString("cluster"),
                        rs.getString("vendor"),
                        rs.getString("model"),
                        (Integer) rs.getObject("sockets"),
                        (Integer) rs.getObject("cores"),
                        (Double) rs.getObject("core_mhz"),
                        (Double) rs.getObject("memory_mib")),
                workload);
    }

    /** Each placed VM: index, name, power state, cluster, current host; in index order. */
    public List<PlacedVm> placements(UUID workload) {
        return jdbc.query(
                "select p.vm_index, v.name, p.power_state, p.cluster, p.current_host from workload_vm_placement p"
                        + " join workload_vm v using (workload_id, vm_index) where p.workload_id = ? order by p.vm_index",
                (rs, n) ->
                        new PlacedVm(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                workload);
    }

    public record PlacedVm(int index, String vm, String powerState, String cluster, String currentHost) {}
}
