package org.dcplanner.consolidation.backtest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.TimeGrid;
import org.dcplanner.consolidation.problem.ApiException;
import org.junit.jupiter.api.Test;

/** Fold windows of a backtest and the plan requests of a sweep. */
class BacktestFoldsTest {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final Instant T0 = Instant.parse("2013-07-01T00:00:00Z");
    private static final UUID W = UUID.randomUUID();

    private static BacktestRequest request(Map<String, Object> fields) {
        Map<String, Object> body = new java.util.HashMap<>(fields);
        body.put("workloadId", W);
        body.put("plan", Map.of("virtualization", "FULL"));
        return JSON.convertValue(body, BacktestRequest.class).validated();
    }

    @Test
    void thirtyDaysGiveTwentyThreeRollingFoldsOfSevenPlusOneDays() {
        TimeGrid grid = new TimeGrid(T0, 300, 30 * 288);
        List<FoldSpec> folds =
                BacktestFolds.rolling(request(Map.of("trainingDays", 7, "testDays", 1, "maxFolds", 100)), grid);
        assertThat(folds).hasSize(23);
        FoldSpec last = folds.get(22);
        assertThat(last.planRequest().get("from").asText()).isEqualTo("2013-07-23T00:00:00Z");
        assertThat(last.planRequest().get("to").asText()).isEqualTo("2013-07-30T00:00:00Z");
        assertThat(last.testFrom()).isEqualTo(Instant.parse("2013-07-30T00:00:00Z"));
        assertThat(last.testTo()).isEqualTo(grid.end());
        assertThat(last.planRequest().get("workloadId").asText()).isEqualTo(W.toString());
        assertThat(BacktestFolds.rolling(request(Map.of("trainingDays", 7)), grid))
                .as("default maxFolds")
                .hasSize(23);
        assertThat(BacktestFolds.rolling(request(Map.of("trainingDays", 7, "maxFolds", 5)), grid))
                .hasSize(5);
    }

    @Test
    void strideAndStepsAndTooShort() {
        TimeGrid grid = new TimeGrid(T0, 300, 10);
        assertThat(BacktestFolds.rolling(request(Map.of("trainingSteps", 4, "testSteps", 2, "stepSteps", 2)), grid))
                .hasSize(3);
        assertThat(BacktestFolds.rolling(request(Map.of("trainingSteps", 4, "testSteps", 2)), grid))
                .hasSize(3);
        assertThat(BacktestFolds.rolling(request(Map.of("trainingSteps", 4, "testSteps", 1, "stepSteps", 3)), grid))
                .hasSize(2);
        assertThatThrownBy(() -> BacktestFolds.rolling(request(Map.of("trainingDays", 1)), grid))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("one fold needs 288 training + 288 test steps");
        assertThatThrownBy(() -> BacktestFolds.rolling(request(Map.of("trainingDays", 1)), new TimeGrid(T0, 7000, 40)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("does not divide a day");
    }

    @Test
    void sweepMergesEachVariantIntoTheTemplate() {
        var template = JSON.valueToTree(
                Map.of("virtualization", "FULL", "sizing", Map.of("percentile", 95, "overheadInTrace", true)));
        SweepRequest sweep = new SweepRequest(
                        null,
                        W,
                        null,
                        T0,
                        (com.fasterxml.jackson.databind.JsonNode) template,
                        List.of(JSON.valueToTree(Map.of("label", "p99", "sizing", Map.of("percentile", 99)))),
                        null,
                        T0,
                        null)
                .validated();
        FoldSpec f = BacktestFolds.sweep(sweep).get(0);
        assertThat(f.label()).isEqualTo("p99");
        assertThat(f.planRequest().get("sizing").get("percentile").asInt()).isEqualTo(99);
        assertThat(f.planRequest().get("sizing").get("overheadInTrace").asBoolean())
                .isTrue();
        assertThat(f.planRequest().has("label")).isFalse();
        assertThat(f.planRequest().get("to").asText()).isEqualTo(T0.toString());
        assertThat(f.testWorkloadId()).isEqualTo(W);
        assertThat(f.testFrom()).isEqualTo(T0);
    }
}
