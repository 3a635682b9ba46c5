package org.onegrid;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Fails the build on a cycle between modules or a reach into another module's internals. */
class ModuleStructureTest {

    @Test
    void modulesDependOnEachOtherOnlyThroughTheirPublicApiAndWithoutCycles() {
        ApplicationModules.of(OneGridApplication.class).verify();
    }
}
