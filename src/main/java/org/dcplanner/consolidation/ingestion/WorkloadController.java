package org.dcplanner.consolidation.ingestion;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.source.UploadTraceSource;
import org.dcplanner.consolidation.problem.ApiException;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/workloads")
@Tag(name = "Workloads", description = "Upload workload traces and read them back aligned to one time grid")
class WorkloadController {
    private final WorkloadIngestionService ingestion;
    private final WorkloadQueries queries;
    private final IngestionProperties properties;

    WorkloadController(WorkloadIngestionService ingestion, WorkloadQueries queries, IngestionProperties properties) {
        this.ingestion = ingestion;
        this.queries = queries;
        this.properties = properties;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ApiResponse(responseCode = "201", description = "Stored", headers = @Header(name = "Location", description = "the workload", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkloadView.class)))
    @ApiResponse(responseCode = "413", description = "The upload is larger than the limit")
    @ApiResponse(responseCode = "415", description = "Unsupported format")
    @ApiResponse(responseCode = "422", description = "The file cannot be read as a trace: file, line and field named")
    @Operation(summary = "Upload a trace", description = "A single .csv/.txt file or a .zip (e.g. a PlanetLab or "
            + "Bitbrains folder zipped). Formats: planetlab, bitbrains, csv (detected when format is omitted). "
            + "Errors are problem+json naming file, line and field; nothing is stored on error.")
    ResponseEntity<WorkloadView> upload(
            @Parameter(description = "The trace: a text file or a zip archive") @RequestPart("file") MultipartFile file,
            @Parameter(description = "Optional inventory CSV: vm,cores,cpuMhz,memoryMib,guestOs,paravirtCapable,"
                    + "workloadClass,antiAffinityGroup") @RequestPart(value = "inventory", required = false) MultipartFile inventory,
            @Parameter(description = "Workload name (default: the file name)") @RequestParam(required = false) String name,
            @Parameter(description = "planetlab | bitbrains | csv (default: detected)") @RequestParam(required = false) String format,
            @Parameter(description = "default | cloudsim: sizes of VMs neither inventory nor trace sizes")
            @RequestParam(required = false) String vmProfile,
            @Parameter(description = "Grid step in seconds (default: the format's step or the median sample interval)")
            @RequestParam(required = false) Integer stepSeconds,
            @Parameter(description = "PlanetLab only: ISO-8601 instant of line 1 (default: yyyyMMdd in the folder or"
                    + " file name, else 1970-01-01T00:00:00Z)") @RequestParam(required = false) String start) {
        if (file.isEmpty()) {
            throw IngestProblems.invalid("empty-file", "The uploaded file is empty", file.getOriginalFilename(), 0, "file");
        }
        boolean withInventory = inventory != null && !inventory.isEmpty();
        WorkloadView view = ingestion.ingest(new IngestRequest(
                new UploadTraceSource(file, file.getOriginalFilename(), properties),
                withInventory ? inventory : null, withInventory ? nameOf(inventory) : null, name,
                format == null || format.isBlank() ? null : WorkloadFormat.fromId(format),
                vmProfile == null || vmProfile.isBlank() ? null : VmProfile.fromId(vmProfile), stepSeconds, instant(start)));
        return ResponseEntity.created(URI.create("/api/v1/workloads/" + view.id())).body(view);
    }

    private static Instant instant(String start) {
        if (start == null || start.isBlank()) return null;
        try {
            return Instant.parse(start.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("start must be an ISO-8601 instant such as 2026-01-05T00:00:00Z")
                    .at(null, null, "start");
        }
    }

    private static String nameOf(MultipartFile f) {
        return f.getOriginalFilename() == null ? "inventory" : f.getOriginalFilename();
    }

    @GetMapping
    @Operation(summary = "List workloads, newest first")
    List<WorkloadView> list() {
        return queries.list();
    }

    @GetMapping("/{id}")
    WorkloadView get(@PathVariable UUID id) {
        return queries.get(id);
    }

    @DeleteMapping("/{id}")
    @ApiResponse(responseCode = "204", description = "Deleted with its plans")
    @Operation(summary = "Delete a workload with its VMs, series and plans",
            description = "204. Also deletes every plan of the workload (a solving one stops) and, with them, their "
                    + "simulations, savings scenarios and current servers. 404 for an unknown workload.")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        ingestion.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/vms")
    @Operation(summary = "VMs with size and mean/p95/peak per metric", description = "Sort keys: index, name, cores,"
            + " (or vcpus), cpuMhz, memoryMib, {cpu|memory|disk|network}{Mean|P95|Peak}, e.g. sort=cpuP95,desc")
    VmPage vms(@PathVariable UUID id,
               @ParameterObject @PageableDefault(size = 50, sort = "index", direction = Sort.Direction.ASC) Pageable page) {
        return queries.vms(id, page);
    }

    @GetMapping("/{id}/vms/{vm}/series")
    @Operation(summary = "One VM's aligned series per measured metric",
            description = "{vm} is the VM's name (URL-encoded), or its index when no VM has that name")
    VmSeriesView series(@PathVariable UUID id, @PathVariable String vm) {
        return queries.series(id, vm);
    }

    @GetMapping("/{id}/aggregate")
    @Operation(summary = "Total demand per step and the sum of per-VM peaks, per metric")
    AggregateView aggregate(@PathVariable UUID id) {
        return queries.aggregate(id);
    }
}
