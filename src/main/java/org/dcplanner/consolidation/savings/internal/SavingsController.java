package org.dcplanner.consolidation.savings.internal;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.dcplanner.consolidation.export.TableExport;
import org.dcplanner.consolidation.problem.ApiException;
import org.dcplanner.consolidation.problem.ListPage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Savings report, its saved assumption scenario, and the optional current-server inventory. */
@RestController
@RequestMapping("/api/v1/plans/{planId}")
class SavingsController {
    /** The 200 answer of GET /savings, documented once for its JSON, CSV and XLSX handlers. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(
            responseCode = "200",
            description = "Before, after, saved; assumptions with their sources; investment",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = SavingsReport.class)),
                @Content(mediaType = TableExport.CSV, schema = @Schema(type = "string")),
                @Content(mediaType = TableExport.XLSX, schema = @Schema(type = "string", format = "binary"))
            })
    @interface ReportResponse {}

    private static final Set<String> OTHER_PARAMS = Set.of("baseline", "beforeModels");
    private final SavingsService service;

    SavingsController(SavingsService service) {
        this.service = service;
    }

    /** Query: baseline, beforeModels (comma-separated model ids), and any assumption by name. */
    @GetMapping(value = "/savings", produces = MediaType.APPLICATION_JSON_VALUE)
    @ReportResponse
    SavingsReport savings(@PathVariable UUID planId, @RequestParam Map<String, String> params) {
        return report(planId, params);
    }

    /** The same report as CSV: one row per figure (before, after, saved, saved %). */
    @GetMapping(value = "/savings", produces = TableExport.CSV)
    @ReportResponse
    ResponseEntity<byte[]> savingsCsv(@PathVariable UUID planId, @RequestParam Map<String, String> params) {
        return TableExport.csv(SavingsTables.figures(report(planId, params)), "savings-" + planId);
    }

    /** The same report as a workbook: sheets Savings, Assumptions (with their sources) and Investment. */
    @GetMapping(value = "/savings", produces = TableExport.XLSX)
    @ReportResponse
    ResponseEntity<byte[]> savingsXlsx(@PathVariable UUID planId, @RequestParam Map<String, String> params) {
        return TableExport.xlsx(SavingsTables.all(report(planId, params)), "savings-" + planId);
    }

    private SavingsReport report(UUID planId, Map<String, String> params) {
        Map<String, String> assumptions = new HashMap<>();
        Set<String> known = Set.of(SavingsAssumptions.NAMES);
        params.forEach((k, v) -> {
            if (known.contains(k)) {
                assumptions.put(k, v);
            } else if (!OTHER_PARAMS.contains(k)) {
                throw ApiException.badRequest("unknown query parameter '" + k + "'; assumptions: "
                                + String.join(", ", SavingsAssumptions.NAMES) + "; also baseline, beforeModels")
                        .at(null, null, k);
            }
        });
        String models = params.get("beforeModels");
        List<String> beforeModels = models == null || models.isBlank()
                ? List.of()
                : Arrays.stream(models.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
        return service.report(planId, assumptions, params.get("baseline"), beforeModels);
    }

    record ScenarioView(Map<String, Double> saved, SavingsAssumptions effective) {}

    @PutMapping("/savings-assumptions")
    ScenarioView saveScenario(@PathVariable UUID planId, @RequestBody Map<String, Double> values) {
        return new ScenarioView(values, service.saveScenario(planId, values));
    }

    @GetMapping("/savings-assumptions")
    ScenarioView scenario(@PathVariable UUID planId) {
        Map<String, Double> saved = service.scenario(planId);
        return new ScenarioView(saved, SavingsAssumptions.defaults().with(saved));
    }

    @PutMapping(
            value = "/current-servers",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    List<CurrentServer> uploadCurrentServers(
            @PathVariable UUID planId,
            @RequestBody String csv,
            @RequestParam(defaultValue = "current-servers.csv") String fileName) {
        return service.uploadCurrentServers(planId, fileName, csv);
    }

    /** Paged (size 1..100,000, default 10,000; X-Total-Count). */
    @GetMapping("/current-servers")
    ResponseEntity<List<CurrentServer>> currentServers(
            @PathVariable UUID planId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        ListPage p = ListPage.of(page, size, 10_000, 100_000);
        return p.respond(service.currentServers(planId));
    }

    @DeleteMapping("/current-servers")
    @ApiResponse(responseCode = "204", description = "The before estate is one server per VM again")
    ResponseEntity<Void> deleteCurrentServers(@PathVariable UUID planId) {
        service.deleteCurrentServers(planId);
        return ResponseEntity.noContent().build();
    }
}
