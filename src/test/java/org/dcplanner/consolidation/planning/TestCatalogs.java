package org.dcplanner.consolidation.planning;

import java.util.List;
import java.util.Optional;
import org.dcplanner.consolidation.inventory.HostCatalog;
import org.dcplanner.consolidation.inventory.HostModel;

/** In-memory host catalogs for tests that build problems without a database. */
final class TestCatalogs {
    private TestCatalogs() {}

    static HostCatalog of(HostModel... models) {
        List<HostModel> all = List.of(models);
        return new HostCatalog() {
            @Override
            public List<HostModel> all() {
                return all;
            }

            @Override
            public List<HostModel> builtIns() {
                return all;
            }

            @Override
            public Optional<HostModel> find(String id) {
                return all.stream().filter(m -> m.id().equals(id)).findFirst();
            }

            @Override
            public void holdModels(java.util.Collection<String> ids) {
                // nothing is stored in these tests
            }
        };
    }
}
