package dev.stowage.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The shared test support has no package cycles (ADR 19). */
class ArchitectureTest {
    private static final JavaClasses CLASSES = Architecture.mainClasses("dev.stowage.testing");

    @Test
    void packages_are_free_of_cycles() {
        Architecture.noPackageCycles().check(CLASSES);
    }
}
