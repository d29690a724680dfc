package org.dcplanner.consolidation.savings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.dcplanner.consolidation.planning.PlanningTestDoubles;
import org.dcplanner.consolidation.simulation.internal.SolvedPlans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@Import(PlanningTestDoubles.class)
class SavingsIT extends PostgresIntegrationTest {
    @Autowired
    TestRestTemplate http;

    @Autowired
    PlanningTestDoubles.InMemoryWorkloads workloads;

    @Test
    void theDefaultBeforeEstateIgnoresCustomModelsSoAddingOneChangesNoPlansSavings() {
        UUID plan = SolvedPlans.solve(http, workloads.put(SolvedPlans.webWorkload(8, 12)), "PARAVIRTUAL");
        String base = "/api/v1/plans/" + plan;
        JsonNode before = http.getForObject(base + "/savings", JsonNode.class).get("before");

        // a custom model smaller than every built-in that still holds each VM (1 vCPU, 2000 MHz, 1 GiB)
        String id = "tiny-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> tiny = new java.util.HashMap<>(Map.of(
                "id",
                id,
                "name",
                "Tiny",
                "cores",
                2,
                "coreMhz",
                1000,
                "memoryMib",
                2048,
                "diskKBps",
                50000,
                "networkKBps",
                12500,
                "rackUnits",
                1,
                "purchaseCost",
                300));
        tiny.putAll(Map.of(
                "yearlyMaintenanceCost",
                10,
                "hardwareAssist",
                false,
                "powerWatts",
                java.util.List.of(10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20)));
        assertThat(http.postForEntity("/api/v1/host-models", tiny, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        JsonNode after = http.getForObject(base + "/savings", JsonNode.class);
        assertThat(after.get("before")).isEqualTo(before);
        assertThat(after.get("beforeModelCounts").has(id)).isFalse();
        // asked for explicitly, the custom model is the before estate
        JsonNode chosen = http.getForObject(base + "/savings?beforeModels=" + id, JsonNode.class);
        assertThat(chosen.get("beforeModelCounts").get(id).asInt()).isEqualTo(8);
        http.delete("/api/v1/host-models/" + id);
    }

    @Test
    void oneServerPerVmBeforeAgainstReplayedHostsAfterWithScenarioAndQueryAssumptions() {
        UUID plan = SolvedPlans.solve(http, workloads.put(SolvedPlans.webWorkload(8, 12)), "PARAVIRTUAL");
        String base = "/api/v1/plans/" + plan;

        JsonNode r = http.getForObject(base + "/savings?beforeModels=hp-ml110-g4,hp-ml110-g5", JsonNode.class);
        assertThat(r.get("baseline").asText()).isEqualTo("ONE_SERVER_PER_VM");
        assertThat(r.get("before").get("serverCount").asInt()).isEqualTo(8);
        // 1 vCPU of 2000 MHz: G4 (2 x 1860 = 3720 MHz) holds it and is smaller than G5
        assertThat(r.get("beforeModelCounts").get("hp-ml110-g4").asInt()).isEqualTo(8);
        int after = r.get("after").get("serverCount").asInt();
        assertThat(after).isBetween(2, 7);
        assertThat(r.get("savings").get("serverCount").asInt()).isEqualTo(8 - after);
        assertThat(r.get("savings").get("itEnergyKWhPerYear").asDouble()).isPositive();
        assertThat(r.get("savings").get("totalUsdPerYear").asDouble()).isPositive();
        assertThat(r.get("assumptions").get("pue").asDouble()).isEqualTo(1.58);
        assertThat(r.get("assumptionSources").get("pue").asText()).isEqualTo("default");
        // the plan's g5 hosts ($1,200 each in the catalog) bought new, paid back by the yearly savings
        JsonNode investment = r.get("investment");
        assertThat(investment.get("hostsBought").asInt()).isEqualTo(after);
        assertThat(investment.get("purchaseUsd").asDouble()).isEqualTo(1200.0 * after);
        assertThat(investment.get("paybackMonths").asDouble())
                .isCloseTo(
                        12
                                * 1200.0
                                * after
                                / r.get("savings").get("totalUsdPerYear").asDouble(),
                        org.assertj.core.api.Assertions.within(1e-6));
        assertThat(investment.get("netUsdByYear")).hasSize(6);
        JsonNode owned = http.getForObject(base + "/savings?hostsBoughtPercent=0", JsonNode.class)
                .get("investment");
        assertThat(owned.get("purchaseUsd").asDouble()).isZero();
        assertThat(http.getForEntity(base + "/savings?hostsBoughtPercent=150", JsonNode.class)
                        .getBody()
                        .get("field")
                        .asText())
                .isEqualTo("hostsBoughtPercent");

        ResponseEntity<JsonNode> saved = http.exchange(
                base + "/savings-assumptions",
                HttpMethod.PUT,
                new HttpEntity<>(Map.of("pue", 1.2, "electricityUsdPerKWh", 0.2)),
                JsonNode.class);
        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode scenario = http.getForObject(base + "/savings?pue=1.1", JsonNode.class);
        assertThat(scenario.get("assumptions").get("pue").asDouble()).isEqualTo(1.1);
        assertThat(scenario.get("assumptionSources").get("pue").asText()).isEqualTo("query");
        assertThat(scenario.get("assumptions").get("electricityUsdPerKWh").asDouble())
                .isEqualTo(0.2);
        assertThat(scenario.get("assumptionSources").get("electricityUsdPerKWh").asText())
                .isEqualTo("scenario");
        double facility = scenario.get("after").get("itEnergyKWhPerYear").asDouble() * 1.1;
        assertThat(scenario.get("after").get("electricityUsdPerYear").asDouble())
                .isCloseTo(facility * 0.2, org.assertj.core.api.Assertions.within(1e-6));

        // the override replaces the catalog models' own figures, before and after
        JsonNode maint = http.getForObject(
                base + "/savings?beforeModels=hp-ml110-g4,hp-ml110-g5" + "&maintenanceOverrideUsdPerServerYear=1000",
                JsonNode.class);
        assertThat(maint.get("before").get("maintenanceUsdPerYear").asDouble()).isEqualTo(8 * 1000.0);
        assertThat(maint.get("after").get("maintenanceUsdPerYear").asDouble())
                .isEqualTo(1000.0 * maint.get("after").get("serverCount").asInt());
        assertThat(maint.get("maintenanceByModel")
                        .get("hp-ml110-g5")
                        .get("source")
                        .asText())
                .isEqualTo("override");
        assertThat(r.get("after").get("maintenanceUsdPerYear").asDouble())
                .isNotEqualTo(1000.0 * r.get("after").get("serverCount").asInt());
        // a value sent back unchanged changes nothing: the fallback (700) only applies to models without a figure
        JsonNode unchanged =
                http.getForObject(base + "/savings?maintenanceFallbackUsdPerServerYear=700&pue=1.1", JsonNode.class);
        assertThat(unchanged.get("savings").get("totalUsdPerYear").asDouble())
                .isEqualTo(scenario.get("savings").get("totalUsdPerYear").asDouble());
        assertThat(unchanged
                        .get("maintenanceByModel")
                        .get("hp-ml110-g5")
                        .get("source")
                        .asText())
                .isEqualTo("catalog");
        assertThat(unchanged
                        .get("maintenanceByModel")
                        .get("hp-ml110-g5")
                        .get("usdPerServerYear")
                        .asDouble())
                .isEqualTo(180.0);
        assertThat(unchanged
                        .get("assumptions")
                        .get("maintenanceOverrideUsdPerServerYear")
                        .isNull())
                .isTrue();
        assertThat(unchanged.get("beforeRule").asText()).contains("smallest candidate model");

        ResponseEntity<JsonNode> badParam = http.getForEntity(base + "/savings?pue=0.5", JsonNode.class);
        assertThat(badParam.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badParam.getBody().get("field").asText()).isEqualTo("pue");
    }

    @Test
    void uploadedCurrentInventoryBecomesTheBaseline() {
        UUID plan = SolvedPlans.solve(http, workloads.put(SolvedPlans.webWorkload(4, 6)), "FULL");
        String base = "/api/v1/plans/" + plan;
        HttpHeaders csv = new HttpHeaders();
        csv.setContentType(MediaType.valueOf("text/csv"));
        ResponseEntity<JsonNode> up = http.exchange(
                base + "/current-servers",
                HttpMethod.PUT,
                new HttpEntity<>(
                        "name,count,averageWatts,peakWatts,rackUnits,yearlyMaintenanceUsd\nlegacy 1U,10,150,220,1,500\n",
                        csv),
                JsonNode.class);
        assertThat(up.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode r = http.getForObject(base + "/savings", JsonNode.class);
        assertThat(r.get("baseline").asText()).isEqualTo("CURRENT_INVENTORY");
        assertThat(r.get("before").get("serverCount").asInt()).isEqualTo(10);
        assertThat(r.get("before").get("itAverageKw").asDouble()).isEqualTo(1.5);
        assertThat(r.get("before").get("maintenanceUsdPerYear").asDouble()).isEqualTo(5000.0);

        ResponseEntity<JsonNode> bad = http.exchange(
                base + "/current-servers",
                HttpMethod.PUT,
                new HttpEntity<>("name,averageWatts,peakWatts,rackUnits\nx,abc,1,1\n", csv),
                JsonNode.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("line").asInt()).isEqualTo(2);
        assertThat(bad.getBody().get("field").asText()).isEqualTo("averageWatts");

        http.delete(base + "/current-servers");
        assertThat(http.getForObject(base + "/savings", JsonNode.class)
                        .get("baseline")
                        .asText())
                .isEqualTo("ONE_SERVER_PER_VM");
    }
}
