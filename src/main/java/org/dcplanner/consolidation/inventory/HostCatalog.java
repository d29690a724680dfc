package org.dcplanner.consolidation.inventory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The inventory feature's read API: the host models plans can draw from. */
public interface HostCatalog {
    List<HostModel> all();

    /** The models shipped with the service: the same on every deployment, whatever custom models are added. */
    List<HostModel> builtIns();

    Optional<HostModel> find(String id);

    /**
     * Inside the caller's transaction, keeps these models from being deleted until it ends (a plan stored in it then
     * always names existing models); a 404 problem when a custom one is gone. Built-in models need no hold.
     */
    void holdModels(Collection<String> ids);
}
