package org.dcplanner.consolidation.savings.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.database.JsonColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Tables savings_assumptions and current_server (V6). */
@Repository
class SavingsStore {
    private final JdbcClient jdbc;
    private final JsonColumns json;

    SavingsStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = new JsonColumns(json);
    }

    /** The saved scenario's values (only those set), empty when none. */
    Map<String, Double> scenario(UUID planId) {
        return jdbc.sql("select assumptions::text from savings_assumptions where plan_id = :plan")
                .param("plan", planId)
                .query(String.class)
                .optional()
                .map(this::readMap)
                .orElse(Map.of());
    }

    void saveScenario(UUID planId, Map<String, Double> values) {
        jdbc.sql("""
                insert into savings_assumptions (plan_id, assumptions, updated_at) values (:plan, cast(:a as jsonb), now())
                on conflict (plan_id) do update set assumptions = excluded.assumptions, updated_at = now()""").param("plan", planId).param("a", json.write(values)).update();
    }

    List<CurrentServer> currentServers(UUID planId) {
        return jdbc.sql("select name, server_count, average_watts, peak_watts, rack_units, yearly_maintenance_usd "
                        + "from current_server where plan_id = :plan order by line_no")
                .param("plan", planId)
                .query((rs, i) -> new CurrentServer(
                        rs.getString(1), rs.getInt(2), rs.getDouble(3), rs.getDouble(4), rs.getInt(5), (Double)
                                rs.getObject(6)))
                .list();
    }

    @Transactional
    void replaceCurrentServers(UUID planId, List<CurrentServer> servers) {
        deleteCurrentServers(planId);
        int line = 0;
        for (CurrentServer s : servers) {
            jdbc.sql("""
                    insert into current_server (plan_id, line_no, name, server_count, average_watts, peak_watts, rack_units,
                      yearly_maintenance_usd) values (:plan, :line, :name, :count, :avg, :peak, :ru, :maint)""")
                    .param("plan", planId)
                    .param("line", ++line)
                    .param("name", s.name())
                    .param("count", s.count())
                    .param("avg", s.averageWatts())
                    .param("peak", s.peakWatts())
                    .param("ru", s.rackUnits())
                    .param("maint", s.yearlyMaintenanceUsd())
                    .update();
        }
    }

    void deleteCurrentServers(UUID planId) {
        jdbc.sql("delete from current_server where plan_id = :plan")
                .param("plan", planId)
                .update();
    }

    private Map<String, Double> readMap(String text) {
        return json.read(text, new TypeReference<Map<String, Double>>() {});
    }
}
