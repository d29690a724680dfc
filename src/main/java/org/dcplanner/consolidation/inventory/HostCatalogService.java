package org.dcplanner.consolidation.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dcplanner.consolidation.web.ApiException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** The host catalog: built-in models (code) first, then custom models (database). */
@Service
public class HostCatalogService implements HostCatalog {
    private final HostModelRepository customModels;

    HostCatalogService(HostModelRepository customModels) {
        this.customModels = customModels;
    }

    @Override
    public List<HostModel> all() {
        List<HostModel> all = new ArrayList<>(BuiltInHostModels.ALL);
        all.addAll(customModels.findAll());
        return all;
    }

    @Override
    public Optional<HostModel> find(String id) {
        return builtIn(id).or(() -> customModels.findById(id));
    }

    public boolean isBuiltIn(String id) {
        return builtIn(id).isPresent();
    }

    /** Adds a custom model; 409 problem when the id is taken (built-in or custom). */
    public HostModel add(HostModel model) {
        if (isBuiltIn(model.id())) throw conflict(model.id());
        try {
            customModels.insert(model);
        } catch (DuplicateKeyException e) {
            throw conflict(model.id());
        }
        return model;
    }

    private static Optional<HostModel> builtIn(String id) {
        return BuiltInHostModels.ALL.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    private static ApiException conflict(String id) {
        return new ApiException(HttpStatus.CONFLICT, "host-model-exists", "Host model exists",
                "host model " + id + " already exists; choose another id").at(null, null, "id");
    }
}
