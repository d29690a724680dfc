package org.dcplanner.consolidation.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.dcplanner.consolidation.inventory.HostCatalog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class HostCatalogIT extends PostgresIntegrationTest {
    @Autowired
    TestRestTemplate http;

    @Autowired
    HostCatalog catalog;

    private static Map<String, Object> model(String id, List<Double> watts) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", id);
        m.put("name", "Custom " + id);
        m.put("cores", 32);
        m.put("coreMhz", 2400);
        m.put("memoryMib", 262144);
        m.put("diskKBps", 2000000);
        m.put("networkKBps", 1250000);
        m.put("powerWatts", watts);
        m.put("rackUnits", 1);
        m.put("purchaseCost", 9000);
        m.put("yearlyMaintenanceCost", 1350);
        m.put("hardwareAssist", true);
        m.put("source", "IT");
        return m;
    }

    private static final List<Double> CURVE =
            List.of(60.0, 90.0, 100.0, 110.0, 120.0, 130.0, 145.0, 160.0, 180.0, 200.0, 220.0);

    @Test
    void listsTheBuiltInModelsWithCurvesAndSizes() {
        JsonNode list = http.getForObject("/api/v1/host-models", JsonNode.class);
        assertThat(list.findValuesAsText("id"))
                .contains("hp-ml110-g4", "hp-ml110-g5", "dell-r740", "dell-r6515", "hpe-dl380-gen10-plus");
        JsonNode g5 = http.getForObject("/api/v1/host-models/hp-ml110-g5", JsonNode.class);
        assertThat(g5.get("cores").asInt()).isEqualTo(2);
        assertThat(g5.get("cpuMhz").asDouble()).isEqualTo(5320);
        assertThat(g5.get("memoryMib").asDouble()).isEqualTo(4096);
        assertThat(g5.get("powerWatts")).hasSize(11);
        assertThat(g5.get("idleWatts").asDouble()).isEqualTo(93.7);
        assertThat(g5.get("maxWatts").asDouble()).isEqualTo(135);
        assertThat(g5.get("hardwareAssist").asBoolean()).isFalse();
        // what the COST objective counts: maintenance 180 + purchase 1,200 / 3 years
        assertThat(g5.get("yearlyCostUsd").asDouble()).isEqualTo(580);
        assertThat(g5.get("builtIn").asBoolean()).isTrue();
    }

    @Test
    void addsACustomModelThatTheCatalogThenServes() {
        String id = "it-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<JsonNode> created = http.postForEntity("/api/v1/host-models", model(id, CURVE), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/host-models/" + id);
        JsonNode read = http.getForObject("/api/v1/host-models/" + id, JsonNode.class);
        assertThat(read.get("cpuMhz").asDouble()).isEqualTo(32 * 2400);
        assertThat(read.get("builtIn").asBoolean()).isFalse();
        assertThat(catalog.find(id))
                .hasValueSatisfying(m -> assertThat(m.powerWatts()[10]).isEqualTo(220));

        ResponseEntity<JsonNode> again = http.postForEntity("/api/v1/host-models", model(id, CURVE), JsonNode.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
    }

    @Test
    void refusesBuiltInIdsAndUnknownIds() {
        assertThat(http.postForEntity("/api/v1/host-models", model("hp-ml110-g5", CURVE), JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        // refused curves and units: HostModelControllerSliceTest (answered before the catalog is reached)
        String id = "it-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.getForEntity("/api/v1/host-models/" + id, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void deletesACustomModelButNeverABuiltInOne() {
        String id = "it-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.postForEntity("/api/v1/host-models", model(id, CURVE), JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        assertThat(delete(id).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.getForEntity("/api/v1/host-models/" + id, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(delete(id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> builtIn = delete("hp-ml110-g5");
        assertThat(builtIn.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(builtIn.getBody().get("detail").asText()).contains("built in");
        assertThat(catalog.find("hp-ml110-g5")).isPresent();
    }

    private ResponseEntity<JsonNode> delete(String id) {
        return http.exchange(
                "/api/v1/host-models/" + id, org.springframework.http.HttpMethod.DELETE, null, JsonNode.class);
    }
}
