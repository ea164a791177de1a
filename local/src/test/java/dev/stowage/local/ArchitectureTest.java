package dev.stowage.local;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.stowage.testing.Architecture;
import org.junit.jupiter.api.Test;

/** Local mode has no package cycles (ADR 19). */
class ArchitectureTest {
    private static final JavaClasses CLASSES = Architecture.mainClasses("dev.stowage.local");

    @Test
    void packages_are_free_of_cycles() {
        Architecture.noPackageCycles().check(CLASSES);
    }
}
