package org.dcplanner.consolidation.inventory.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.dcplanner.consolidation.inventory.HostCatalog;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.inventory.HostModelUsage;
import org.dcplanner.consolidation.problem.ApiException;
import org.dcplanner.consolidation.security.CurrentUser;
import org.dcplanner.consolidation.security.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The host catalog: built-in models (code) first, then custom models (database). */
@Service
public class HostCatalogService implements HostCatalog {
    private final HostModelRepository customModels;
    private final List<HostModelUsage> usage;

    HostCatalogService(HostModelRepository customModels, List<HostModelUsage> usage) {
        this.customModels = customModels;
        this.usage = usage;
    }

    @Override
    public List<HostModel> builtIns() {
        return BuiltInHostModels.ALL;
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

    /** Adds a custom model to the caller's workspace; 409 problem when the id is taken (built-in or custom). */
    public HostModel add(HostModel model) {
        return add(model, false);
    }

    /**
     * Adds a custom model to the caller's workspace or (admins only, else 403) to the shared catalog; 409 when the id
     * is built in, or taken by the workspace's own or a shared model (another workspace's models do not count, and
     * the answer does not reveal them; a shared model's id must be free in every workspace).
     */
    @Transactional
    public HostModel add(HostModel model, boolean shared) {
        if (shared) requireAdminForSharedCatalog(model.id());
        if (isBuiltIn(model.id())) throw conflict(model.id());
        try {
            if (!customModels.insert(model, shared)) throw conflict(model.id());
        } catch (DuplicateKeyException e) {
            throw conflict(model.id());
        }
        return model;
    }

    /**
     * Deletes a custom model: 404 problem when unknown, 409 when built in or in the host pool of a stored plan.
     * The model's row is locked first, so a plan being stored with it ({@link #holdModels}) is either committed
     * before the usage check (409) or finds the model gone (404), never a plan naming a deleted model.
     */
    @Transactional
    public void delete(String id) {
        if (isBuiltIn(id)) {
            throw new ApiException(
                            HttpStatus.CONFLICT,
                            "host-model-built-in",
                            "Built-in host model",
                            "host model " + id + " is built in; only custom models can be deleted")
                    .at(null, null, "id");
        }
        boolean shared = customModels.lockForDelete(id).orElseThrow(() -> ApiException.notFound("host model", id));
        if (shared) requireAdminForSharedCatalog(id);
        // a workspace's model: that workspace's plans (another workspace's model of the same id is not this one)
        String workspace = shared ? null : CurrentUser.workspaceOrSystem();
        long plans = usage.stream().mapToLong(u -> u.plansUsing(id, workspace)).sum();
        if (plans > 0) {
            throw new ApiException(
                            HttpStatus.CONFLICT,
                            "host-model-in-use",
                            "Host model in use",
                            "host model " + id
                                    + " is in the host pool of " + plans + (plans == 1 ? " plan" : " plans")
                                    + "; its dashboards need it, so delete those plans first")
                    .with("plans", plans);
        }
        customModels.delete(id);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void holdModels(Collection<String> ids) {
        Set<String> custom = ids.stream().filter(id -> !isBuiltIn(id)).collect(Collectors.toCollection(TreeSet::new));
        if (custom.isEmpty()) {
            return;
        }
        custom.removeAll(customModels.lockShared(custom));
        if (!custom.isEmpty()) {
            throw ApiException.notFound("host model", custom.iterator().next()).at(null, null, "hostPool");
        }
    }

    private static void requireAdminForSharedCatalog(String id) {
        if (CurrentUser.get().map(u -> u.role() != Role.ADMIN).orElse(false)) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    "forbidden",
                    "Not allowed",
                    "only admins change the shared host catalog (host model " + id + ")");
        }
    }

    private static Optional<HostModel> builtIn(String id) {
        return BuiltInHostModels.ALL.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    private static ApiException conflict(String id) {
        return new ApiException(
                        HttpStatus.CONFLICT,
                        "host-model-exists",
                        "Host model exists",
                        "host model " + id + " already exists; choose another id")
                .at(null, null, "id");
    }
}
