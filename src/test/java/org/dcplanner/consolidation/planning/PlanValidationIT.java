package org.dcplanner.consolidation.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every rejected plan request answers problem+json with the reason, and stores nothing. */
@PlanningIT
class PlanValidationIT extends PostgresIntegrationTest {
    @Autowired
    TestRestTemplate http;

    @Autowired
    PlanningTestDoubles.InMemoryWorkloads workloads;

    @Autowired
    JdbcTemplate jdbc;

    /** 4 VMs, 4 steps, 3000/1000 MHz anti-phase; even VMs are paravirtualization-capable. */
    private UUID workload() {
        return workloads.put(TestWorkloads.antiPhase(4, 4, 3000, 1000));
    }

    private JsonNode rejected(Map<String, Object> body, HttpStatus status, String field, String detailPart) {
        Integer before = jdbc.queryForObject("select count(*) from plans", Integer.class);
        ResponseEntity<JsonNode> r = PlanApi.post(http, body);
        assertThat(r.getStatusCode()).isEqualTo(status);
        assertThat(r.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        if (field != null) assertThat(r.getBody().get("field").asText()).isEqualTo(field);
        assertThat(r.getBody().get("detail").asText()).contains(detailPart);
        assertThat(jdbc.queryForObject("select count(*) from plans", Integer.class))
                .isEqualTo(before);
        return r.getBody();
    }

    private Map<String, Object> with(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = PlanApi.request(workload(), "hp-ml110-g5", 10, "FULL", 1);
        change.accept(body);
        return body;
    }

    @Test
    void shapeErrorsAre400NamingTheField() {
        rejected(with(b -> b.remove("workloadId")), HttpStatus.BAD_REQUEST, "workloadId", "required");
        rejected(with(b -> b.remove("virtualization")), HttpStatus.BAD_REQUEST, "virtualization", "FULL");
        rejected(
                with(b -> b.put("sizing", Map.of("percentile", 0))),
                HttpStatus.BAD_REQUEST,
                "sizing.percentile",
                "(0, 100]");
        rejected(
                with(b -> b.put("sizing", Map.of("overloadRiskPercent", 60))),
                HttpStatus.BAD_REQUEST,
                "sizing.overloadRiskPercent",
                "[0.001, 50.0]");
        rejected(
                with(b -> b.put("sizing", Map.of("overloadRiskPercent", 0.1, "percentile", 95))),
                HttpStatus.BAD_REQUEST,
                "sizing.percentile",
                "not both");
        rejected(
                with(b -> b.put("sizing", Map.of("headroomPercent", -5))),
                HttpStatus.BAD_REQUEST,
                "sizing.headroomPercent",
                "[0, 1000]");
        rejected(with(b -> b.put("targetUtilization", 1.5)), HttpStatus.BAD_REQUEST, "targetUtilization", "(0, 1]");
        rejected(
                with(b -> b.put("hostPool", List.of(Map.of("model", "hp-ml110-g5", "count", 0)))),
                HttpStatus.BAD_REQUEST,
                "hostPool[0].count",
                "between 1");
        rejected(with(b -> b.put("timeLimitSeconds", 0)), HttpStatus.BAD_REQUEST, "timeLimitSeconds", "between 1");
        rejected(
                with(b -> b.put("resources", List.of("CPU", "GPU"))),
                HttpStatus.BAD_REQUEST,
                "resources[1]",
                "'GPU' is not one of CPU");
        rejected(with(b -> b.put("resources", List.of())), HttpStatus.BAD_REQUEST, "resources", "at least one of CPU");
        rejected(
                with(b -> b.put(
                        "hostPool",
                        List.of(
                                Map.of("model", "hp-ml110-g5", "count", 60_000),
                                Map.of("model", "hp-ml110-g4", "count", 60_000)))),
                HttpStatus.BAD_REQUEST,
                "hostPool",
                "at most 100000 hosts in all");
        rejected(with(b -> b.put("name", "x".repeat(201))), HttpStatus.BAD_REQUEST, "name", "at most 200 characters");
    }

    @Test
    void aBodyThatIsNotJsonStoresNothing() {
        // the unreadable values with their JSON paths and a malformed path id: PlanControllerSliceTest (MVC slice)
        Integer before = jdbc.queryForObject("select count(*) from plans", Integer.class);
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> malformed = http.postForEntity(
                "/api/v1/plans",
                new org.springframework.http.HttpEntity<>("{\"workloadId\": ", headers),
                JsonNode.class);
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getBody().get("type").asText()).isEqualTo("/problems/invalid-request");
        assertThat(malformed.getBody().get("detail").asText()).contains("not valid JSON");
        assertThat(jdbc.queryForObject("select count(*) from plans", Integer.class))
                .isEqualTo(before);
    }

    @Test
    void otherEndpointsShareTheHandler() {
        ResponseEntity<JsonNode> r = http.postForEntity(
                "/api/v1/plans/" + UUID.randomUUID() + "/simulations",
                Map.of("virtualization", "NOPE"),
                JsonNode.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody().get("field").asText()).isEqualTo("virtualization");
        assertThat(r.getBody().get("detail").asText())
                .contains("'NOPE' is not one of")
                .contains("FULL");
    }

    @Test
    void overheadInTraceDefaultsToFalseAndIsKeptWhenSet() {
        ResponseEntity<JsonNode> omitted = PlanApi.post(http, with(b -> {}));
        assertThat(omitted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(omitted.getBody()
                        .get("request")
                        .get("sizing")
                        .get("overheadInTrace")
                        .asBoolean(true))
                .isFalse();
        ResponseEntity<JsonNode> set =
                PlanApi.post(http, with(b -> b.put("sizing", Map.of("percentile", 95, "overheadInTrace", true))));
        assertThat(set.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(set.getBody()
                        .get("request")
                        .get("sizing")
                        .get("overheadInTrace")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void omittedResourcesDefaultToCpuAndMemory() {
        ResponseEntity<JsonNode> r = PlanApi.post(http, with(b -> b.remove("resources")));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    }

    @Test
    void unknownWorkloadOrModelIs404() {
        rejected(
                with(b -> b.put("workloadId", UUID.randomUUID())),
                HttpStatus.NOT_FOUND,
                "workloadId",
                "does not exist");
        rejected(
                with(b -> b.put("hostPool", List.of(Map.of("model", "no-such-server", "count", 3)))),
                HttpStatus.NOT_FOUND,
                "hostPool[0].model",
                "no-such-server");
    }

    @Test
    void poolSmallerThanTheLowerBoundIs422() {
        // per step 2 x 2000 (3000 capped at the configured vCPU MHz) + 2 x ~1000 > one g5 (5320 MHz): lower bound 2
        JsonNode p = rejected(
                with(b -> b.put("hostPool", List.of(Map.of("model", "hp-ml110-g5", "count", 1)))),
                HttpStatus.UNPROCESSABLE_ENTITY,
                "hostPool",
                "at least 2 hosts");
        assertThat(p.get("lowerBoundHosts").asInt()).isEqualTo(2);
        rejected(
                with(b -> {
                    b.put("hostPool", List.of(Map.of("model", "hp-ml110-g5", "count", 3)));
                    b.put("haReserveHosts", 2);
                }),
                HttpStatus.UNPROCESSABLE_ENTITY,
                "hostPool",
                "HA reserve");
    }

    @Test
    void antiAffinityGroupLargerThanThePoolIs422() {
        // lower bound 2 fits the 3 hosts, but the 4 VMs of one anti-affinity group need a host each
        UUID grouped = workloads.put(TestWorkloads.inOneGroup(TestWorkloads.antiPhase(4, 4, 3000, 1000), "db"));
        JsonNode p = rejected(
                with(b -> {
                    b.put("workloadId", grouped);
                    b.put("hostPool", List.of(Map.of("model", "hp-ml110-g5", "count", 3)));
                }),
                HttpStatus.UNPROCESSABLE_ENTITY,
                "hostPool",
                "4 VMs of one anti-affinity group (vm 0, vm 1, vm 2, …)");
        assertThat(p.get("antiAffinityGroupVms").asInt()).isEqualTo(4);
        assertThat(p.get("usableHosts").asInt()).isEqualTo(3);
    }

    @Test
    void vmLargerThanAnyHostIs422NamingVmResourceAndStep() {
        // vm 0 demands 3000 MHz at step 0 (within its 2 x 2000 MHz of vCPU);
        // a g4 offers 2 x 1860 = 3720 MHz, at 50 % target 1860 < 3000
        JsonNode p = rejected(
                with(b -> {
                    b.put("hostPool", List.of(Map.of("model", "hp-ml110-g4", "count", 10)));
                    b.put("targetUtilization", 0.5);
                }),
                HttpStatus.UNPROCESSABLE_ENTITY,
                "hostPool",
                "vm 0");
        assertThat(p.get("resource").asText()).isEqualTo("CPU");
        assertThat(p.get("step").asInt()).isZero();
    }

    @Test
    void approachTheGuestsOrHostsCannotRunIs422SayingWhich() {
        JsonNode pv = rejected(
                with(b -> b.put("virtualization", "PARAVIRTUAL")),
                HttpStatus.UNPROCESSABLE_ENTITY,
                "virtualization",
                "2 of 4 guests are not paravirtualization-capable");
        assertThat(pv.get("incapableVms").toString()).contains("vm 1", "vm 3");
        rejected(
                with(b -> b.put("virtualization", "HARDWARE_ASSISTED")),
                HttpStatus.UNPROCESSABLE_ENTITY,
                "virtualization",
                "hardware-assisted");
    }

    @Test
    void foldingATraceShorterThanADayIs422() {
        rejected(
                with(b -> b.put("sizing", Map.of("percentile", 95, "foldDays", true))),
                HttpStatus.UNPROCESSABLE_ENTITY,
                "sizing.foldDays",
                "at least one day");
    }

    @Test
    void pinsToUnknownVmsOrSlotsOutsideThePoolAre422() {
        rejected(with(b -> b.put("pinned", Map.of("nope", 0))), HttpStatus.UNPROCESSABLE_ENTITY, "pinned", "'nope'");
        rejected(
                with(b -> b.put("pinned", Map.of("vm 1", 10))),
                HttpStatus.UNPROCESSABLE_ENTITY,
                "pinned",
                "slots 0..9");
    }
}
