package org.dcplanner.consolidation.planning.internal;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.dcplanner.consolidation.planning.PlanRequest;
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
    ResponseEntity<PlanView> start(@RequestBody PlanRequest request) {
        UUID id = service.start(request);
        return ResponseEntity.accepted().location(URI.create("/api/v1/plans/" + id)).body(service.get(id));
    }

    /** Every plan, newest first; {@code workloadId} keeps those of one workload. */
    @GetMapping
    List<PlanView> list(@RequestParam(required = false) UUID workloadId) {
        return service.list(workloadId);
    }

    @GetMapping("/{id}")
    PlanView get(@PathVariable UUID id) {
        return service.get(id);
    }

    /** Stops a queued/solving plan (202, best kept, ends CANCELLED); deletes a finished one (204). */
    @DeleteMapping("/{id}")
    ResponseEntity<PlanView> stopOrDelete(@PathVariable UUID id) {
        if (service.stopOrDelete(id)) return ResponseEntity.noContent().build();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(service.get(id));
    }

    @GetMapping(value = "/{id}/placements", produces = "application/json")
    List<PlacementView> placements(@PathVariable UUID id) {
        return service.placements(id);
    }

    @GetMapping(value = "/{id}/placements", produces = "text/csv")
    ResponseEntity<String> placementsCsv(@PathVariable UUID id) {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().build(out)) {
            csv.writeRecord("vm", "vmName", "slot", "hostModel");
            for (PlacementView p : service.placements(id)) {
                csv.writeRecord(String.valueOf(p.vm()), p.vmName(), String.valueOf(p.slot()),
                        p.hostModel() == null ? "" : p.hostModel());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ResponseEntity.ok().header("Content-Type", "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"placements-" + id + ".csv\"").body(out.toString());
    }

    @GetMapping(value = "/{id}/failover", produces = "application/json")
    String failover(@PathVariable UUID id) {
        return service.failover(id);
    }

    @GetMapping("/{id}/host-ratios")
    List<HostRatioView> hostRatios(@PathVariable UUID id) {
        return service.hostRatios(id);
    }

    @GetMapping("/{id}/explanation")
    List<ExplanationView> explanation(@PathVariable UUID id) {
        return service.explanation(id);
    }
}
