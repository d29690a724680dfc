package org.dcplanner.consolidation.inventory.internal;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.problem.ApiException;
import org.dcplanner.consolidation.problem.ListPage;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Host catalog REST API: list, read, add and delete custom server models. */
@RestController
@RequestMapping("/api/v1/host-models")
class HostModelController {
    private final HostCatalogService catalog;

    HostModelController(HostCatalogService catalog) {
        this.catalog = catalog;
    }

    /** Paged (size 1..1000, default 1000; X-Total-Count). */
    @GetMapping
    ResponseEntity<List<HostModelView>> list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        ListPage p = ListPage.of(page, size, 1000, 1000);
        return p.respond(catalog.all().stream()
                .map(m -> HostModelView.of(m, catalog.isBuiltIn(m.id())))
                .toList());
    }

    @GetMapping("/{id}")
    HostModelView get(@PathVariable String id) {
        return catalog.find(id)
                .map(m -> HostModelView.of(m, catalog.isBuiltIn(id)))
                .orElseThrow(() -> ApiException.notFound("host model", id));
    }

    /** Adds a custom model to the caller's workspace, or with {@code shared=true} (admins) to every workspace's catalog. */
    @PostMapping
    @ApiResponse(
            responseCode = "201",
            description = "Added",
            headers = @Header(name = "Location", description = "the model", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = HostModelView.class)))
    @ApiResponse(responseCode = "403", description = "shared=true (the shared catalog) by a user who is not an admin")
    @ApiResponse(responseCode = "409", description = "The id is taken")
    @ApiResponse(responseCode = "422", description = "A value is out of range or its unit looks wrong")
    ResponseEntity<HostModelView> add(
            @RequestBody HostModelRequest request, @RequestParam(defaultValue = "false") boolean shared) {
        HostModel added = catalog.add(request.toModel(), shared);
        return ResponseEntity.created(URI.create("/api/v1/host-models/" + added.id()))
                .body(HostModelView.of(added, false));
    }

    @DeleteMapping("/{id}")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(
            responseCode = "403",
            description = "A model of the shared catalog, deleted by a user who is not an admin")
    @ApiResponse(responseCode = "409", description = "Built-in, or used by a plan")
    ResponseEntity<Void> delete(@PathVariable String id) {
        catalog.delete(id);
        return ResponseEntity.noContent().build();
    }
}
