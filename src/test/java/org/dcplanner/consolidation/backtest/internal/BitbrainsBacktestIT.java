package org.dcplanner.consolidation.backtest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.dcplanner.consolidation.TraceFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The 30-day Bitbrains Rnd workload (July 2013, VMs 1-200) backtested through the API: 7-day training, 1-day
 * test, rolling by a day. Progress rises fold by fold and every fold reports its hosts and its in- and
 * out-of-sample figures, which are printed (docs/benchmarks.md, "Out-of-sample replay"). Skips when the trace
 * is absent. Plan time limit per fold: -Doos.timeLimitSeconds (default 1; the documented run uses 5).
 */
class BitbrainsBacktestIT extends PostgresIntegrationTest {
    private static final int TIME_LIMIT_SECONDS = Integer.getInteger("oos.timeLimitSeconds", 1);

    @Autowired
    TestRestTemplate http;

    @Test
    void rollingBacktestOfThirtyDaysCompletesWithEveryFold() {
        Path zip = TraceFiles.require("bitbrains-rnd/rnd-2013-7-vms-1-200.zip");
        UUID workload = TraceUploads.upload(http, zip, null, Map.of("format", "bitbrains"));
        Map<String, Object> plan = new HashMap<>();
        plan.put("hostPool", List.of(Map.of("model", "hpe-dl380-gen10-plus", "count", 100)));
        plan.put("resources", List.of("CPU", "MEMORY"));
        plan.put("sizing", Map.of("percentile", 95, "headroomPercent", 10, "windowSteps", 12));
        plan.put("virtualization", "HARDWARE_ASSISTED");
        plan.put("timeLimitSeconds", TIME_LIMIT_SECONDS);
        Map<String, Object> body = Map.of(
                "name",
                "bitbrains 7+1",
                "workloadId",
                workload,
                "plan",
                plan,
                "trainingDays",
                7,
                "testDays",
                1,
                "stepDays",
                1,
                "maxFolds",
                100);
        long t0 = System.nanoTime();
        ResponseEntity<JsonNode> accepted = http.postForEntity("/api/v1/backtests", body, JsonNode.class);
        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        int total = accepted.getBody().get("foldsTotal").asInt();
        assertThat(total).isGreaterThanOrEqualTo(20);
        String location = accepted.getHeaders().getLocation().toString();

        List<Integer> progress = new ArrayList<>();
        JsonNode[] last = new JsonNode[1];
        Awaitility.await()
                .atMost(Duration.ofMinutes(40))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    last[0] = http.getForObject(location, JsonNode.class);
                    int done = last[0].get("foldsDone").asInt();
                    if (progress.isEmpty() || progress.get(progress.size() - 1) != done) progress.add(done);
                    return !Set.of("QUEUED", "RUNNING")
                            .contains(last[0].get("status").asText());
                });
        double minutes = (System.nanoTime() - t0) / 6e10;
        JsonNode done = last[0];
        assertThat(done.get("status").asText()).as("%s", done.get("error")).isEqualTo("COMPLETED");
        assertThat(done.get("foldsDone").asInt()).isEqualTo(total);
        assertThat(progress)
                .as("progress seen while running")
                .hasSizeGreaterThan(2)
                .isSorted();

        System.out.printf(
                Locale.ROOT,
                "Bitbrains Rnd 2013-7 (200 VMs), 7-day training, 1-day test, %d folds, %d s per plan, %.1f min wall "
                        + "(progress seen: %s)%n",
                total,
                TIME_LIMIT_SECONDS,
                minutes,
                progress);
        System.out.println(
                "| fold | test day | hosts | in sample CPU over | out of sample CPU over | MEMORY over | VMs that saw a CPU overload | worst CPU overload | unplaced VMs |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (JsonNode f : done.get("folds")) {
            assertThat(f.get("status").asText()).as("%s", f).isEqualTo("COMPLETED");
            assertThat(f.get("hosts").asInt()).isPositive();
            JsonNode in = f.get("inSample").get("resources").get("CPU");
            JsonNode out = f.get("outOfSample").get("resources").get("CPU");
            JsonNode mem = f.get("outOfSample").get("resources").get("MEMORY");
            assertThat(out.get("hostSteps").asLong()).isPositive();
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %s | %d | %.3f %% | %.3f %% | %.3f %% | %d | +%.1f %% | %d |%n",
                    f.get("fold").asInt() + 1,
                    f.get("testFrom").asText().substring(0, 10),
                    f.get("hosts").asInt(),
                    in.get("hostStepsOverPercent").asDouble(),
                    out.get("hostStepsOverPercent").asDouble(),
                    mem.get("hostStepsOverPercent").asDouble(),
                    out.get("vmsThatSawOverload").asInt(),
                    out.get("worstOverloadPercent").asDouble(),
                    f.get("outOfSample").get("unplacedVms").size());
        }
        JsonNode totals = done.get("totals");
        System.out.printf(
                Locale.ROOT,
                "total: %.1f hosts on average (max %d); CPU host-steps over %.3f %% out of sample (worst fold %.3f %%), "
                        + "%.3f %% in sample%n",
                totals.get("meanHosts").asDouble(),
                totals.get("maxHosts").asInt(),
                totals.get("outOfSample").get("CPU").get("hostStepsOverPercent").asDouble(),
                totals.get("outOfSample").get("CPU").get("worstFoldPercent").asDouble(),
                totals.get("inSample").get("CPU").get("hostStepsOverPercent").asDouble());
    }
}
