package org.dcplanner.consolidation.simulation.internal;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.dcplanner.consolidation.problem.ListPage;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Replays with an online policy: run one with no plan (CloudSim-equivalent mode), read any, list them. */
@RestController
@RequestMapping("/api/v1/simulations")
class PolicySimulationController {
    private final PolicySimulationService service;

    PolicySimulationController(PolicySimulationService service) {
        this.service = service;
    }

    @PostMapping
    @ApiResponse(
            responseCode = "202",
            description = "Policy run queued: poll the Location",
            headers =
                    @Header(
                            name = "Location",
                            description = "where to poll the run",
                            schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PolicyRun.class)))
    ResponseEntity<PolicyRun> request(@RequestBody(required = false) PolicySimulationRequest body) {
        return accepted(service.requestWithoutPlan(body));
    }

    @GetMapping("/{id}")
    PolicyRun get(@PathVariable UUID id) {
        return service.find(id);
    }

    /** Runs (of a workload or plan, when given), newest first, paged (size 1..1000, default 100; X-Total-Count). */
    @GetMapping
    ResponseEntity<List<PolicyRun>> list(
            @RequestParam(required = false) UUID workloadId,
            @RequestParam(required = false) UUID planId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        ListPage p = ListPage.of(page, size, 100, 1000);
        return p.respond(service.list(workloadId, planId, p.offset(), p.size()), service.count(workloadId, planId));
    }

    static ResponseEntity<PolicyRun> accepted(PolicyRun run) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/simulations/" + run.id()))
                .body(run);
    }
}
