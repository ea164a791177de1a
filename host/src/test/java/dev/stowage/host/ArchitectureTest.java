package dev.stowage.host;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.stowage.testing.Architecture;
import org.junit.jupiter.api.Test;

/**
 * The inference host has no package cycles and never reaches into the functions: it speaks to the control plane only through the wire formats (ADR 19).
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = Architecture.mainClasses("dev.stowage.host");

    @Test
    void packages_are_free_of_cycles() {
        Architecture.noPackageCycles().check(CLASSES);
    }

    @Test
    void the_host_never_depends_on_the_functions() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.stowage.functions..")
                .check(CLASSES);
    }
}
