package dev.stowage.bench;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.stowage.testing.Architecture;
import org.junit.jupiter.api.Test;

/** The benchmarks have no package cycles (ADR 19). */
class ArchitectureTest {
    private static final JavaClasses CLASSES = Architecture.mainClasses("dev.stowage.bench");

    @Test
    void packages_are_free_of_cycles() {
        Architecture.noPackageCycles().check(CLASSES);
    }
}
