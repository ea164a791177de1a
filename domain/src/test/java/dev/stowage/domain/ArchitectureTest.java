package dev.stowage.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The domain's shape (ADR 19): no package cycles, and the leaf packages that hold pure computation — placement,
 * routing, the instance catalog, metric statistics — need nothing but the JDK and the event vocabulary (nullness
 * annotations aside), so they can be reasoned about, tested and reused (the simulator) on their own.
 */
class ArchitectureTest {
    private static final JavaClasses DOMAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.stowage.domain");

    @Test
    void packages_are_free_of_cycles() {
        slices().matching("dev.stowage.(**)").should().beFreeOfCycles().check(DOMAIN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"placement", "routing", "instances", "metrics"})
    void pure_leaf_packages_depend_only_on_the_jdk_and_the_events(String leaf) {
        String own = "dev.stowage.domain." + leaf + "..";
        classes()
                .that()
                .resideInAPackage(own)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(own, "java..", "dev.stowage.events..", "org.jspecify.annotations..")
                .check(DOMAIN);
    }
}
