package dev.stowage.domain.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Only types that SageMaker's {@code ProductionVariantInstanceType} enum names may be in the catalog. */
class CatalogMatchesServiceModelTest {
    /** Tests run in {@code domain/}; the shared reference folder sits beside the repository root. */
    private static final Path SERVICE_MODEL =
            Path.of("../../shared/reference/aws-models/sagemaker_2017-07-24_service-2.json");

    @Test
    void every_catalog_type_is_a_sagemaker_hosting_instance_type() throws IOException {
        assumeTrue(Files.isRegularFile(SERVICE_MODEL), "the SageMaker service model is not at " + SERVICE_MODEL);
        JsonNode values = new ObjectMapper()
                .readTree(SERVICE_MODEL.toFile())
                .path("shapes")
                .path("ProductionVariantInstanceType")
                .path("enum");
        Set<String> hosting = new HashSet<>();
        values.forEach(value -> hosting.add(value.asText()));
        assertThat(hosting).as("ProductionVariantInstanceType values").isNotEmpty();

        assertThat(InstanceTypeCatalog.standard().all())
                .extracting(InstanceType::name)
                .allSatisfy(name -> assertThat(hosting).contains(name));
    }
}
