package org.dcplanner.consolidation.inventory.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.dcplanner.consolidation.inventory.HostCatalog;
import org.dcplanner.consolidation.inventory.HostModel;

/** The built-in host models as a catalog without a database, for benchmarks that plan in-process. */
public final class BuiltInModelsCatalog implements HostCatalog {
    @Override
    public List<HostModel> all() {
        return BuiltInHostModels.ALL;
    }

    @Override
    public List<HostModel> builtIns() {
        return BuiltInHostModels.ALL;
    }

    @Override
    public Optional<HostModel> find(String id) {
        return BuiltInHostModels.ALL.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    @Override
    public void holdModels(Collection<String> ids) {
        // nothing to hold: built-in models cannot be deleted
    }
}
