package org.dcplanner.consolidation.planning;

import java.util.List;
import java.util.Optional;
import org.dcplanner.consolidation.inventory.HostCatalog;
import org.dcplanner.consolidation.inventory.HostModel;

/** In-memory host catalogs for tests that build problems without a database. */
final class TestCatalogs {
    private TestCatalogs() {}

    /** A test model of {@code cores} x {@code coreMhz}, 8 GiB, hardware assist, a linear 90-140 W power curve. */
    static HostModel model(String id, int cores, double coreMhz) {
        return new HostModel(
                id,
                cores + " cores",
                cores,
                coreMhz,
                8192,
                80_000,
                125_000,
                new double[] {90, 95, 100, 105, 110, 115, 120, 125, 130, 135, 140},
                1,
                1000,
                150,
                true,
                "test");
    }

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
