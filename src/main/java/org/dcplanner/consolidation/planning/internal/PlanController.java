package org.dcplanner.consolidation.planning.internal;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.dcplanner.consolidation.export.Table;
import org.dcplanner.consolidation.export.TableExport;
import org.dcplanner.consolidation.planning.PlanRequest;
import org.dcplanner.consolidation.planning.solver.FailoverMap;
import org.dcplanner.consolidation.problem.ListPage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Plan jobs REST API. */
@RestController
@RequestMapping("/api/v1/plans")
class PlanController {
    private final PlanService service;

    PlanController(PlanService service) {
        this.service = service;
    }

    @PostMapping
    @ApiResponse(
            responseCode = "202",
            description = "Queued: poll the Location until the status is final",
            headers =
                    @Header(
                            name = "Location",
                            description = "where to poll the result",
                            schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PlanView.class)))
    @ApiResponse(
            responseCode = "422",
            description =
                    "The request cannot be planned (pool too small or too large, unknown pinned VM, approach not possible)")
    ResponseEntity<PlanView> start(@RequestBody PlanRequest request) {
        UUID id = service.start(request);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/plans/" + id))
                .body(service.get(id));
    }

    /** Plans, newest first, paged (size 1..1000, default 100; X-Total-Count); {@code workloadId} keeps those of one workload. */
    @GetMapping
    ResponseEntity<List<PlanView>> list(
            @RequestParam(required = false) UUID workloadId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        ListPage p = ListPage.of(page, size, 100, 1000);
        return p.respond(service.list(workloadId, p.size(), p.offset()), service.count(workloadId));
    }

    @GetMapping("/{id}")
    PlanView get(@PathVariable UUID id) {
        return service.get(id);
    }

    /** Stops a queued/solving plan (202, best kept, ends CANCELLED); deletes a finished one (204). */
    @DeleteMapping("/{id}")
    @ApiResponse(
            responseCode = "202",
            description = "Stop requested: the plan ends CANCELLED with its best kept",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PlanView.class)))
    @ApiResponse(responseCode = "204", description = "The finished plan was deleted")
    ResponseEntity<PlanView> stopOrDelete(@PathVariable UUID id) {
        if (service.stopOrDelete(id)) return ResponseEntity.noContent().build();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(service.get(id));
    }

    /** Ends the search now and keeps the best plan found as the result (202, ends COMPLETED); 409 unless solving. */
    @PostMapping("/{id}/finish")
    @ApiResponse(
            responseCode = "202",
            description = "The search ends now; the plan ends COMPLETED with its best",
            headers =
                    @Header(
                            name = "Location",
                            description = "where to poll the result",
                            schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PlanView.class)))
    @ApiResponse(responseCode = "409", description = "The plan is not solving")
    ResponseEntity<PlanView> finish(@PathVariable UUID id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/plans/" + id))
                .body(service.finish(id));
    }

    @GetMapping(value = "/{id}/placements", produces = "application/json")
    @ApiResponse(
            responseCode = "200",
            description = "One row per VM: its host slot and model",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = PlacementView.class)),
                @Content(
                        mediaType = "text/csv",
                        schema = @Schema(type = "string", description = "vm,vmName,slot,hostModel"))
            })
    @ApiResponse(responseCode = "409", description = "The plan has no placement yet")
    ResponseEntity<List<PlacementView>> placements(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        // paged (size 1..100,000, default 10,000; X-Total-Count); the CSV is the whole plan
        ListPage p = ListPage.of(page, size, 10_000, 100_000);
        return p.respond(service.placements(id));
    }

    @GetMapping(value = "/{id}/placements", produces = "text/csv")
    @ApiResponse(
            responseCode = "200",
            description = "One row per VM: its host slot and model",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = PlacementView.class)),
                @Content(
                        mediaType = "text/csv",
                        schema = @Schema(type = "string", description = "vm,vmName,slot,hostModel"))
            })
    @ApiResponse(responseCode = "409", description = "The plan has no placement yet")
    ResponseEntity<byte[]> placementsCsv(@PathVariable UUID id) {
        // through the one export writer: VM names that a spreadsheet would run as formulas are neutralized
        List<List<Object>> rows = service.placements(id).stream()
                .map(p -> List.<Object>of(p.vm(), p.vmName(), p.slot(), p.hostModel() == null ? "" : p.hostModel()))
                .toList();
        return TableExport.csv(
                new Table("placements", List.of("vm", "vmName", "slot", "hostModel"), rows), "placements-" + id);
    }

    /** The answers of GET /{id}/actions, documented once for its JSON and CSV handlers. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(
            responseCode = "200",
            description = "From today's placement to the plan's: ordered power-ons, live migrations and power-offs,"
                    + " each host within capacity after every step; totals (migrations, GiB moved, duration)",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = ActionPlanView.class)),
                @Content(
                        mediaType = "text/csv",
                        schema =
                                @Schema(
                                        type = "string",
                                        description = "order,action,vm,fromHost,toHost,memoryMib,startSeconds,"
                                                + "durationSeconds,staging,overCapacity"))
            })
    @ApiResponse(
            responseCode = "409",
            description = "The plan has no placement yet, or was not planned from today's placement")
    @interface ActionPlanResponses {}

    /** The answers of GET /{id}/windows/{window}/actions, documented once for its JSON and CSV handlers. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(
            responseCode = "200",
            description = "The action plan that begins the window: from the previous window's placement to its own",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = ActionPlanView.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    @ApiResponse(responseCode = "400", description = "window outside 0..windows - 1")
    @ApiResponse(responseCode = "409", description = "The plan has no placement yet, or no time windows")
    @interface WindowActionResponses {}

    @GetMapping(value = "/{id}/actions", produces = "application/json")
    @ActionPlanResponses
    ActionPlanView actions(@PathVariable UUID id) {
        return service.actions(id);
    }

    /** The action plan as CSV (text neutralized for spreadsheets). */
    @GetMapping(value = "/{id}/actions", produces = "text/csv")
    @ActionPlanResponses
    ResponseEntity<byte[]> actionsCsv(@PathVariable UUID id) {
        return TableExport.csv(service.actions(id).table(), "actions-" + id);
    }

    @GetMapping("/{id}/windows")
    @ApiResponse(
            responseCode = "200",
            description = "A time-windowed plan: per window its hours, hosts in use and the migrations that begin it",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = WindowPlans.WindowsView.class)))
    @ApiResponse(responseCode = "409", description = "The plan has no placement yet, or no time windows")
    WindowPlans.WindowsView windows(@PathVariable UUID id) {
        return service.windows(id);
    }

    @GetMapping(value = "/{id}/windows/{window}/actions", produces = "application/json")
    @WindowActionResponses
    ActionPlanView windowActions(@PathVariable UUID id, @PathVariable int window) {
        return service.windowActions(id, window);
    }

    /** The window's action plan as CSV. */
    @GetMapping(value = "/{id}/windows/{window}/actions", produces = "text/csv")
    @WindowActionResponses
    ResponseEntity<byte[]> windowActionsCsv(@PathVariable UUID id, @PathVariable int window) {
        return TableExport.csv(service.windowActions(id, window).table(), "actions-" + id + "-window-" + window);
    }

    @GetMapping(value = "/{id}/failover", produces = "application/json")
    @ApiResponse(
            responseCode = "200",
            description = "Whole-VM HA: per failure scenario, where each VM of the failed hosts restarts",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = FailoverMap.Result.class)))
    @ApiResponse(responseCode = "404", description = "The plan has no failover map (no HA reserve, or not finished)")
    String failover(@PathVariable UUID id) {
        return service.failover(id);
    }

    @GetMapping(value = "/{id}/rules", produces = "application/json")
    @ApiResponse(
            responseCode = "200",
            description = "Placement rules as placed: affinity groups with the hosts they span, host rules with the VMs"
                    + " that break them, and the broken SHOULD rules",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RulesReport.class)))
    @ApiResponse(responseCode = "404", description = "The plan has no rules report (no rules, or not finished)")
    String rules(@PathVariable UUID id) {
        return service.rules(id);
    }

    @GetMapping("/{id}/host-ratios")
    @ApiResponse(
            responseCode = "200",
            description = "Per active host: VMs, vCPU:pCPU and configured-memory ratios, the limits in effect")
    @ApiResponse(responseCode = "409", description = "The plan has no placement yet")
    List<HostRatioView> hostRatios(@PathVariable UUID id) {
        return service.hostRatios(id);
    }

    /** Paged like the placements. */
    @GetMapping("/{id}/explanation")
    @ApiResponse(responseCode = "200", description = "Per VM: why it runs on its host")
    @ApiResponse(responseCode = "409", description = "The plan has no placement yet")
    @ApiResponse(
            responseCode = "422",
            description = "explanation-too-large: the solver's arrays for this plan would not fit this node's heap")
    ResponseEntity<List<ExplanationView>> explanation(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        ListPage p = ListPage.of(page, size, 10_000, 100_000);
        return p.respond(service.explanation(id));
    }
}
