package dev.stowage.functions;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.stowage.testing.Architecture;
import org.junit.jupiter.api.Test;

/**
 * The functions' shape (ADR 19): no package cycles; handlers stay thin, reaching DynamoDB only through the adapters of {@code functions.dynamodb}; only {@code functions.config} reads the environment.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = Architecture.mainClasses("dev.stowage.functions");

    @Test
    void packages_are_free_of_cycles() {
        Architecture.noPackageCycles().check(CLASSES);
    }

    @Test
    void no_handler_references_a_dynamodb_client() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Handler")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("software.amazon.awssdk.services.dynamodb..")
                .check(CLASSES);
    }

    @Test
    void only_the_config_package_reads_the_environment() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.stowage.functions.config..")
                .should()
                .callMethod(System.class, "getenv")
                .orShould()
                .callMethod(System.class, "getenv", String.class)
                .check(CLASSES);
    }
}
