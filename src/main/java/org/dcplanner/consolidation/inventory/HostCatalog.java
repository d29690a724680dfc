package org.dcplanner.consolidation.inventory;

import java.util.List;
import java.util.Optional;

/** The inventory feature's read API: the host models plans can draw from. */
public interface HostCatalog {
    List<HostModel> all();

    Optional<HostModel> find(String id);
}
