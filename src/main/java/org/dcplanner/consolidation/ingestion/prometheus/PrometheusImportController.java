package org.dcplanner.consolidation.ingestion.prometheus;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.dcplanner.consolidation.problem.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/workloads/prometheus")
@Tag(name = "Workloads", description = "Upload workload traces and read them back aligned to one time grid")
class PrometheusImportController {
    private final PrometheusImportRepository imports;
    private final SchedulerClient scheduler;
    private final OneTimeTask<String> task;

    PrometheusImportController(
            PrometheusImportRepository imports,
            SchedulerClient scheduler,
            OneTimeTask<String> prometheusImportOneTimeTask) {
        this.imports = imports;
        this.scheduler = scheduler;
        this.task = prometheusImportOneTimeTask;
    }

    @PostMapping
    @Transactional
    @ApiResponse(
            responseCode = "202",
            description = "Queued",
            headers = @Header(name = "Location", description = "the pull", schema = @Schema(type = "string")),
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = PrometheusImportView.class)))
    @ApiResponse(
            responseCode = "400",
            description = "url not http(s), start/end/stepSeconds out of range, unknown resource",
            content = @Content(mediaType = "application/problem+json"))
    @Operation(
            summary = "Pull a workload from a Prometheus server",
            description =
                    "{url, start, end, stepSeconds (300), queries: {cpuPercent: PromQL, memoryBytes: PromQL, ...},"
                            + " name, vmProfile}: one range query per resource, one series per VM, run as a background job."
                            + " 202 + Location of the pull; poll it for status and progress, then read workloadId.")
    ResponseEntity<PrometheusImportView> start(@RequestBody PrometheusImportRequest body) {
        PrometheusImportRequest request = body.validated();
        UUID id = UUID.randomUUID();
        imports.insert(id, request);
        scheduler.scheduleIfNotExists(task.instance(id.toString(), id.toString()), Instant.now());
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/workloads/prometheus/" + id))
                .body(imports.find(id).orElseThrow());
    }

    @GetMapping("/{id}")
    @ApiResponse(
            responseCode = "200",
            description = "The pull",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = PrometheusImportView.class)))
    @ApiResponse(
            responseCode = "404",
            description = "No such pull",
            content = @Content(mediaType = "application/problem+json"))
    @Operation(
            summary = "A Prometheus pull: status (QUEUED, RUNNING, COMPLETED, FAILED), queries done, workloadId, error")
    PrometheusImportView get(@PathVariable UUID id) {
        return imports.find(id).orElseThrow(() -> ApiException.notFound("Prometheus pull", id));
    }
}
