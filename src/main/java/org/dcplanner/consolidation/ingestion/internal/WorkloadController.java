package org.dcplanner.consolidation.ingestion.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.source.UploadTraceSource;
import org.dcplanner.consolidation.problem.ApiException;
import org.dcplanner.consolidation.problem.ListPage;
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
    private final org.dcplanner.consolidation.ingestion.store.EstateRepository estates;
    private final UploadGate gate;

    WorkloadController(
            WorkloadIngestionService ingestion,
            WorkloadQueries queries,
            IngestionProperties properties,
            org.dcplanner.consolidation.ingestion.store.EstateRepository estates,
            UploadGate gate) {
        this.estates = estates;
        this.gate = gate;
        this.ingestion = ingestion;
        this.queries = queries;
        this.properties = properties;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ApiResponse(
            responseCode = "201",
            description = "Stored",
            headers = @Header(name = "Location", description = "the workload", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkloadView.class)))
    @ApiResponse(
            responseCode = "200",
            description = "The same content and parameters were uploaded before (the stored"
                    + " workload, Location: it), or validateOnly (the workload that would be stored, no id)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkloadView.class)))
    @ApiResponse(responseCode = "413", description = "The upload is larger than the limit")
    @ApiResponse(responseCode = "415", description = "Unsupported format")
    @ApiResponse(responseCode = "422", description = "The file cannot be read as a trace: file, line and field named")
    @Operation(
            summary = "Upload a trace",
            description = "A single file (.csv/.txt/.json, or .gz of one) or an archive"
                    + " (.zip, .tar, .tar.gz; e.g. a PlanetLab or Bitbrains folder). Formats: planetlab, bitbrains, csv, vcenter, aria,"
                    + " prometheus, azure, alibaba, google, rvtools (detected when format is omitted; an RVTools export alone is a"
                    + " one-step snapshot). 201 + Location for a new workload;"
                    + " 200 + Location with the stored workload when the same content (and parameters) was uploaded before."
                    + " Errors are problem+json naming file, line and field; nothing is stored on error.")
    ResponseEntity<WorkloadView> upload(
            @Parameter(description = "The trace: a text file or a zip archive") @RequestPart("file") MultipartFile file,
            @Parameter(
                            description = "Optional inventory CSV: vm,cores,cpuMhz,memoryMib,guestOs,paravirtCapable,"
                                    + "workloadClass,antiAffinityGroup,affinityGroup")
                    @RequestPart(value = "inventory", required = false)
                    MultipartFile inventory,
            @Parameter(description = "Workload name (default: the file name)") @RequestParam(required = false)
                    String name,
            @Parameter(
                            description =
                                    "planetlab | bitbrains | csv | vcenter | aria | prometheus | azure | alibaba |"
                                            + " google | rvtools (default: detected)")
                    @RequestParam(required = false)
                    String format,
            @Parameter(description = "default | cloudsim: sizes of VMs neither inventory nor trace sizes")
                    @RequestParam(required = false)
                    String vmProfile,
            @Parameter(description = "Grid step in seconds (default: the format's step or the median sample interval)")
                    @RequestParam(required = false)
                    Integer stepSeconds,
            @Parameter(
                            description =
                                    "PlanetLab only: ISO-8601 instant of line 1 (default: yyyyMMdd in the folder or"
                                            + " file name, else 1970-01-01T00:00:00Z); Azure, Alibaba, Google: the instant of trace time 0"
                                            + " (default 1970-01-01T00:00:00Z)")
                    @RequestParam(required = false)
                    String start,
            @Parameter(
                            description =
                                    "true: read and check the whole upload, store nothing, answer 200 with what would"
                                            + " be stored (no id)")
                    @RequestParam(defaultValue = "false")
                    boolean validateOnly,
            @Parameter(
                            description =
                                    "RVTools export uploaded alone: the share (%, 1..100) of a VM's MHz it is"
                                            + " taken to use when its vCPU Overall is absent (default: none, such a VM is refused)",
                            schema = @Schema(minimum = "1", maximum = "100"))
                    @RequestParam(required = false)
                    Double assumedCpuPercent) {
        if (file.isEmpty()) {
            throw IngestProblems.invalid(
                    "empty-file", "The uploaded file is empty", file.getOriginalFilename(), 0, "file");
        }
        boolean withInventory = inventory != null && !inventory.isEmpty();
        IngestRequest request = new IngestRequest(
                new UploadTraceSource(file, file.getOriginalFilename(), properties),
                withInventory ? inventory : null,
                withInventory ? nameOf(inventory) : null,
                name,
                format == null || format.isBlank() ? null : WorkloadFormat.fromId(format),
                vmProfile == null || vmProfile.isBlank() ? null : VmProfile.fromId(vmProfile),
                stepSeconds,
                instant(start),
                assumedCpuPercent);
        WorkloadIngestionService.IngestResult result = gate.run(() -> ingestion.ingest(request, file, validateOnly));
        WorkloadView view = result.workload();
        if (validateOnly) return ResponseEntity.ok(view);
        URI location = URI.create("/api/v1/workloads/" + view.id());
        // a re-upload of the same content answers with the workload stored the first time
        return result.created()
                ? ResponseEntity.created(location).body(view)
                : ResponseEntity.ok().location(location).body(view);
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
    @Operation(
            summary = "List workloads, newest first",
            description = "Paged: page 0..10,000,000 (default 0), "
                    + "size 1..1000 (default 100); the total is in the X-Total-Count header")
    ResponseEntity<List<WorkloadView>> list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        ListPage p = ListPage.of(page, size, 100, 1000);
        return p.respond(queries.list(p.size(), p.offset()), queries.count());
    }

    @GetMapping("/{id}")
    WorkloadView get(@PathVariable UUID id) {
        return queries.get(id);
    }

    @DeleteMapping("/{id}")
    @ApiResponse(responseCode = "204", description = "Deleted with its plans")
    @Operation(
            summary = "Delete a workload with its VMs, series and plans",
            description = "204. Also deletes every plan of the workload (a solving one stops) and, with them, their "
                    + "simulations, savings scenarios and current servers. 404 for an unknown workload.")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        ingestion.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/vms")
    @Operation(
            summary = "VMs with size and mean/p95/peak per metric",
            description = "Sort keys: index, name, cores,"
                    + " (or vcpus), cpuMhz, memoryMib, {cpu|memory|disk|network}{Mean|P95|Peak}, e.g. sort=cpuP95,desc")
    VmPage vms(
            @PathVariable UUID id,
            @ParameterObject @PageableDefault(size = 50, sort = "index", direction = Sort.Direction.ASC)
                    Pageable page) {
        return queries.vms(id, page);
    }

    @GetMapping("/{id}/vms/{vm}/series")
    @Operation(
            summary = "One VM's aligned series per measured metric",
            description = "{vm} is the VM's name (URL-encoded), or its index when no VM has that name")
    VmSeriesView series(@PathVariable UUID id, @PathVariable String vm) {
        return queries.series(id, vm);
    }

    @GetMapping("/{id}/estate")
    @ApiResponse(
            responseCode = "200",
            description = "Today's hosts and placement",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EstateView.class)))
    @ApiResponse(
            responseCode = "404",
            description = "No such workload",
            content = @Content(mediaType = "application/problem+json"))
    @Operation(
            summary = "Today's estate from the RVTools inventory of the upload",
            description =
                    "{hosts: [{name, cluster, vendor, model, sockets, cores, coreMhz, memoryMib}], vms: [{index, vm,"
                            + " powerState, cluster, currentHost}]}; both empty when the upload had no RVTools inventory")
    EstateView estate(@PathVariable UUID id) {
        queries.get(id);
        return new EstateView(estates.hosts(id), estates.placements(id));
    }

    /** Today's servers and where each VM runs on them. */
    record EstateView(
            List<org.dcplanner.consolidation.ingestion.format.RvToolsInventory.EstateHost> hosts,
            List<org.dcplanner.consolidation.ingestion.store.EstateRepository.PlacedVm> vms) {}

    @GetMapping("/{id}/aggregate")
    @Operation(summary = "Total demand per step and the sum of per-VM peaks, per metric")
    AggregateView aggregate(@PathVariable UUID id) {
        return queries.aggregate(id);
    }
}
