package org.dcplanner.consolidation.simulation.internal;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.export.TableExport;
import org.dcplanner.consolidation.problem.ApiException;
import org.dcplanner.consolidation.problem.ListPage;
import org.dcplanner.consolidation.problem.Ranges;
import org.dcplanner.consolidation.simulation.OutOfSampleReplays;
import org.dcplanner.consolidation.simulation.PowerCurve;
import org.dcplanner.consolidation.simulation.internal.ApproachComparison.Comparison;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Replays of a plan: request one per approach, read results, compare approaches. */
@RestController
@RequestMapping("/api/v1/plans/{planId}")
class SimulationController {
    /** The 200 answer of GET /simulation/host-summary, documented once for its JSON, CSV and XLSX handlers. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(
            responseCode = "200",
            description = "One row per host of the completed replay",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = HostSummary.class)),
                @Content(mediaType = TableExport.CSV, schema = @Schema(type = "string")),
                @Content(mediaType = TableExport.XLSX, schema = @Schema(type = "string", format = "binary"))
            })
    @interface HostSummaryResponse {}

    private static final int MAX_PAGE = 1000;
    private static final int MAX_OFFSET = 10_000_000;
    private static final int MAX_POINTS = 100_000;
    private final SimulationService service;
    private final PolicySimulationService policies;
    private final OutOfSampleService outOfSample;

    SimulationController(SimulationService service, PolicySimulationService policies, OutOfSampleService outOfSample) {
        this.service = service;
        this.policies = policies;
        this.outOfSample = outOfSample;
    }

    /**
     * Body of POST .../simulations: virtualization (default: the plan's), optional overhead overrides by dotted path.
     * With {@code policy} the plan's placement is the start of a replay with that online policy (the dynamic mode;
     * its result is at /api/v1/simulations/{id}). With workloadId, from or to the replay is out of sample: the
     * placement on that workload (VMs matched by name; default the plan's own) over [from, to) (ISO instants;
     * default its whole range).
     */
    record SimulationRequest(
            VirtualizationApproach virtualization,
            Map<String, Object> overheadOverrides,
            org.dcplanner.consolidation.simulation.policy.PolicySpec policy,
            UUID workloadId,
            Instant from,
            Instant to) {
        boolean outOfSample() {
            return workloadId != null || from != null || to != null;
        }
    }

    @PostMapping("/simulations")
    @ApiResponse(
            responseCode = "202",
            description = "Replay queued: poll the Location (with a policy: a policy run at "
                    + "/api/v1/simulations/{id}; out of sample: an OutOfSampleRun at …/simulations/{runId})",
            headers =
                    @Header(
                            name = "Location",
                            description = "where to poll the result",
                            schema = @Schema(type = "string")),
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(oneOf = {SimulationView.class, PolicyRun.class, OutOfSampleRun.class})))
    @ApiResponse(responseCode = "409", description = "The plan has no placement yet")
    @ApiResponse(
            responseCode = "422",
            description =
                    "Out of sample: the plan has no placement, no step in [from, to), or no VM shared with the workload")
    ResponseEntity<?> request(@PathVariable UUID planId, @RequestBody(required = false) SimulationRequest body) {
        SimulationRequest req = body == null ? new SimulationRequest(null, null, null, null, null, null) : body;
        if (req.policy() != null && req.outOfSample()) {
            throw ApiException.badRequest(
                            "policy cannot be combined with an out-of-sample replay (workloadId, from, to) yet")
                    .at(null, null, "policy");
        }
        if (req.policy() != null)
            return PolicySimulationController.accepted(policies.requestForPlan(planId, req.policy()));
        if (req.outOfSample()) {
            if (req.overheadOverrides() != null && !req.overheadOverrides().isEmpty()) {
                throw ApiException.badRequest("overheadOverrides cannot be combined with an out-of-sample replay "
                                + "(workloadId, from, to)")
                        .at(null, null, "overheadOverrides");
            }
            OutOfSampleRun run = outOfSample.request(
                    planId,
                    new OutOfSampleReplays.Target(req.workloadId(), req.from(), req.to(), req.virtualization()));
            return ResponseEntity.accepted()
                    .location(URI.create("/api/v1/plans/" + planId + "/simulations/" + run.id()))
                    .body(run);
        }
        StoredRun run = service.request(planId, req.virtualization(), req.overheadOverrides());
        URI location = URI.create("/api/v1/plans/" + planId + "/simulation?virtualization=" + run.virtualization());
        return ResponseEntity.accepted()
                .location(location)
                .body(SimulationView.of(run, null, 0, 0, 0, 0, "index", PowerCurve.DEFAULT_PUE));
    }

    /** The plan's out-of-sample replays, newest first, without results. */
    @GetMapping("/simulations/out-of-sample")
    List<OutOfSampleRun> outOfSampleRuns(@PathVariable UUID planId) {
        return outOfSample.list(planId);
    }

    /** One out-of-sample replay: status and, once COMPLETED, its result. */
    @GetMapping("/simulations/{runId:[0-9a-fA-F-]{36}}")
    OutOfSampleRun outOfSampleRun(@PathVariable UUID planId, @PathVariable UUID runId) {
        return outOfSample
                .find(planId, runId)
                .orElseThrow(() -> ApiException.notFound("out-of-sample simulation", runId));
    }

    /** Paged (size 1..100, default 100; X-Total-Count): at most one run per virtualization approach exists. */
    @GetMapping("/simulations")
    ResponseEntity<List<SimulationView>> list(
            @PathVariable UUID planId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        ListPage p = ListPage.of(page, size, 100, 100);
        return p.respond(service.findAll(planId).stream()
                .map(r -> SimulationView.of(r, null, 0, 0, 0, 0, "index", PowerCurve.DEFAULT_PUE))
                .toList());
    }

    @GetMapping("/simulation")
    SimulationView get(
            @PathVariable UUID planId,
            @RequestParam(required = false) VirtualizationApproach virtualization,
            @RequestParam(defaultValue = "0") int hostOffset,
            @RequestParam(defaultValue = "100") int hostLimit,
            @RequestParam(defaultValue = "0") int vmPage,
            @RequestParam(defaultValue = "50") int vmSize,
            @RequestParam(defaultValue = "index") String vmSort,
            @RequestParam(defaultValue = "" + PowerCurve.DEFAULT_PUE) double pue,
            @RequestParam(required = false) java.util.Set<org.dcplanner.consolidation.ingestion.Metric> resources,
            @RequestParam(defaultValue = "0") int maxPoints) {
        Ranges.check("maxPoints", maxPoints, 0, MAX_POINTS);
        Ranges.check("pue", pue, 1, 5);
        Ranges.check("hostOffset", hostOffset, 0, MAX_OFFSET);
        Ranges.check("hostLimit", hostLimit, 0, MAX_PAGE);
        Ranges.check("vmPage", vmPage, 0, MAX_OFFSET);
        Ranges.check("vmSize", vmSize, 1, MAX_PAGE);
        if (!vmSort.equals("index") && !vmSort.equals("worst"))
            throw ApiException.badRequest("vmSort must be 'index' or 'worst'").at(null, null, "vmSort");
        VirtualizationApproach approach = virtualization != null ? virtualization : service.defaultApproach(planId);
        StoredRun run = service.find(planId, approach)
                .orElseThrow(() -> ApiException.notFound("simulation", planId + " (" + approach + ")"));
        SimulationView.SeriesOptions options = new SimulationView.SeriesOptions(
                resources == null || resources.isEmpty() ? SimulationView.SeriesOptions.ALL.resources() : resources,
                maxPoints);
        // a page of VMs only (hostLimit 0) decodes no series; a heatmap page only its resources' rows
        float[][] series = run.status() == SimulationStatus.COMPLETED && hostLimit > 0
                ? service.hostSeries(planId, approach, options.resources()).orElse(null)
                : null;
        return SimulationView.of(run, series, hostOffset, hostLimit, vmPage, vmSize, vmSort, pue, options);
    }

    /** One row per host: model, VMs, peak % per resource, overload minutes, average watts (JSON, CSV or XLSX). */
    @GetMapping(value = "/simulation/host-summary", produces = MediaType.APPLICATION_JSON_VALUE)
    @HostSummaryResponse
    List<HostSummary> hostSummary(
            @PathVariable UUID planId, @RequestParam(required = false) VirtualizationApproach virtualization) {
        return service.hostSummary(planId, virtualization != null ? virtualization : service.defaultApproach(planId));
    }

    @GetMapping(value = "/simulation/host-summary", produces = TableExport.CSV)
    @HostSummaryResponse
    ResponseEntity<byte[]> hostSummaryCsv(
            @PathVariable UUID planId, @RequestParam(required = false) VirtualizationApproach virtualization) {
        return TableExport.csv(HostSummary.table(hostSummary(planId, virtualization)), "hosts-" + planId);
    }

    @GetMapping(value = "/simulation/host-summary", produces = TableExport.XLSX)
    @HostSummaryResponse
    ResponseEntity<byte[]> hostSummaryXlsx(
            @PathVariable UUID planId, @RequestParam(required = false) VirtualizationApproach virtualization) {
        return TableExport.xlsx(List.of(HostSummary.table(hostSummary(planId, virtualization))), "hosts-" + planId);
    }

    @GetMapping("/simulation/hosts/{host}")
    HostDemandView hostDemand(
            @PathVariable UUID planId,
            @PathVariable int host,
            @RequestParam(required = false) VirtualizationApproach virtualization) {
        VirtualizationApproach approach = virtualization != null ? virtualization : service.defaultApproach(planId);
        return service.hostDemand(planId, approach, host);
    }

    @GetMapping("/simulation/vms/{vm}")
    SimulationService.VmPerformanceView vmPerformance(
            @PathVariable UUID planId,
            @PathVariable int vm,
            @RequestParam(required = false) VirtualizationApproach virtualization) {
        VirtualizationApproach approach = virtualization != null ? virtualization : service.defaultApproach(planId);
        return service.vmPerformance(planId, approach, vm);
    }

    @GetMapping("/simulations/comparison")
    Comparison comparison(@PathVariable UUID planId) {
        return service.compare(planId);
    }
}
