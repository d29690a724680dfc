package org.dcplanner.consolidation;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The module graph stays one-way: each direct sub-package of the application package is a module,
 * its top-level package is its API and its sub-packages are internal unless exposed as a named
 * interface. Fails on any cycle between modules or on a reach into another module's internals.
 * See docs/architecture.md.
 */
class ModuleStructureTest {

    @Test
    void modulesDependOneWayAndOnlyOnPublishedTypes() {
        ApplicationModules.of(ConsolidationApplication.class).verify();
    }
}
