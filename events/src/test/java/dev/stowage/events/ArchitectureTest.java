package dev.stowage.events;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The event vocabulary has no package cycles (ADR 19; {@code test-resources} states the rule for higher modules). */
class ArchitectureTest {
    @Test
    void packages_are_free_of_cycles() {
        slices().matching("dev.stowage.(**)")
                .should()
                .beFreeOfCycles()
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.stowage.events"));
    }
}
