package org.dcplanner.consolidation.backtest.internal;

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

/** Backtests (/api/v1/backtests) and sweeps (/api/v1/sweeps): start (202 + Location), read, stop or delete. */
@RestController
@RequestMapping("/api/v1")
class BacktestController {
    /** The answers of a start (backtest or sweep), documented once for both kinds of job. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(
            responseCode = "202",
            description = "Queued: poll the Location for progress, folds and totals",
            headers =
                    @Header(
                            name = "Location",
                            description = "where to poll the job",
                            schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BacktestView.class)))
    @ApiResponse(responseCode = "422", description = "No fold fits the workload, or a window cannot be cut in days")
    @interface Queued {}

    /** The answers of a stop-or-delete (backtest or sweep). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(
            responseCode = "202",
            description = "Stop requested: the running fold's plan is stopped, the job ends CANCELLED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BacktestView.class)))
    @ApiResponse(responseCode = "204", description = "The finished job was deleted with its folds' plans")
    @interface StoppedOrDeleted {}

    private final BacktestService service;

    BacktestController(BacktestService service) {
        this.service = service;
    }

    @PostMapping("/backtests")
    @Queued
    ResponseEntity<BacktestView> startBacktest(@RequestBody BacktestRequest request) {
        return queued(service.startBacktest(request), BacktestService.BACKTEST, "/api/v1/backtests/");
    }

    /** The workspace's backtests, newest first, paged (size 1..1000, default 100; X-Total-Count). */
    @GetMapping("/backtests")
    ResponseEntity<List<BacktestView>> backtests(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return list(BacktestService.BACKTEST, page, size);
    }

    @GetMapping("/backtests/{id}")
    BacktestView backtest(@PathVariable UUID id) {
        return service.get(id, BacktestService.BACKTEST);
    }

    /** Running: stop (202; the running fold's plan is stopped, the job ends CANCELLED); finished: delete (204). */
    @DeleteMapping("/backtests/{id}")
    @StoppedOrDeleted
    ResponseEntity<BacktestView> stopBacktest(@PathVariable UUID id) {
        return stopOrDelete(id, BacktestService.BACKTEST);
    }

    @PostMapping("/sweeps")
    @Queued
    ResponseEntity<BacktestView> startSweep(@RequestBody SweepRequest request) {
        return queued(service.startSweep(request), BacktestService.SWEEP, "/api/v1/sweeps/");
    }

    /** The workspace's sweeps, newest first, paged (size 1..1000, default 100; X-Total-Count). */
    @GetMapping("/sweeps")
    ResponseEntity<List<BacktestView>> sweeps(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return list(BacktestService.SWEEP, page, size);
    }

    private ResponseEntity<List<BacktestView>> list(String kind, Integer page, Integer size) {
        ListPage p = ListPage.of(page, size, 100, 1000);
        return p.respond(service.list(kind, p.offset(), p.size()), service.count(kind));
    }

    @GetMapping("/sweeps/{id}")
    BacktestView sweep(@PathVariable UUID id) {
        return service.get(id, BacktestService.SWEEP);
    }

    @DeleteMapping("/sweeps/{id}")
    @StoppedOrDeleted
    ResponseEntity<BacktestView> stopSweep(@PathVariable UUID id) {
        return stopOrDelete(id, BacktestService.SWEEP);
    }

    private ResponseEntity<BacktestView> queued(UUID id, String kind, String path) {
        return ResponseEntity.accepted().location(URI.create(path + id)).body(service.get(id, kind));
    }

    private ResponseEntity<BacktestView> stopOrDelete(UUID id, String kind) {
        if (service.stopOrDelete(id, kind)) return ResponseEntity.noContent().build();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(service.get(id, kind));
    }
}
