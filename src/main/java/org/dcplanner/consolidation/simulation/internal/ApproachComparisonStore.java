package org.dcplanner.consolidation.simulation.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.UUID;
import org.dcplanner.consolidation.simulation.internal.ApproachComparison.Comparison;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table approach_comparison (V91): a plan's approach comparison, computed once. Reached by a plan id already found in the caller's workspace. */
@Repository
class ApproachComparisonStore {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ApproachComparisonStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Comparison> find(UUID planId) {
        return jdbc
                .queryForList(
                        "select comparison::text from approach_comparison where plan_id = ?", String.class, planId)
                .stream()
                .findFirst()
                .map(this::read);
    }

    /** Keeps the first one stored (two nodes may compute it at once; both results are the same). */
    void save(UUID planId, Comparison comparison) {
        try {
            jdbc.update(
                    "insert into approach_comparison (plan_id, comparison) values (?, ?::jsonb) on conflict do nothing",
                    planId,
                    json.writeValueAsString(comparison));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Comparison read(String text) {
        try {
            return json.readValue(text, Comparison.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored approach comparison is unreadable", e);
        }
    }
}
