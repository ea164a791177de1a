package dev.stowage.testing;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture rules every module checks on its own main classes (DESIGN §2, ADR 19): no package cycles, each
 * package its own slice. Modules below {@code test-resources} ({@code events}, {@code domain}) state the same rule
 * themselves.
 */
public final class Architecture {
    private Architecture() {}

    /** The module's main classes under {@code rootPackage}: no tests, nothing from a jar. */
    public static JavaClasses mainClasses(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }

    /** No cycle between any two packages of the classes checked, each package (a module's root too) a slice. */
    public static ArchRule noPackageCycles() {
        return slices().matching("dev.stowage.(**)").should().beFreeOfCycles().allowEmptyShould(true);
    }
}
