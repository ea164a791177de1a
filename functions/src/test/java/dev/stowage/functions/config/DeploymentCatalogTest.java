package dev.stowage.functions.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.stowage.domain.instances.InstanceType;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentCatalogTest {

    @Test
    void every_supported_type_when_the_deployment_names_none() {
        assertThat(DeploymentCatalog.of(Map.of()).all())
                .isEqualTo(InstanceTypeCatalog.standard().all());
        assertThat(DeploymentCatalog.of(Map.of(DeploymentCatalog.VARIABLE, " ")).all())
                .isEqualTo(InstanceTypeCatalog.standard().all());
    }

    @Test
    void only_the_named_types_in_catalog_order() {
        InstanceTypeCatalog catalog =
                DeploymentCatalog.of(Map.of(DeploymentCatalog.VARIABLE, "ml.inf2.xlarge, ml.g5.xlarge"));
        assertThat(catalog.all()).extracting(InstanceType::name).containsExactly("ml.g5.xlarge", "ml.inf2.xlarge");
        assertThat(catalog.find("ml.g5.12xlarge")).isEmpty();
    }

    @Test
    void a_type_stowage_does_not_support_stops_the_function_from_starting() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DeploymentCatalog.of(Map.of(DeploymentCatalog.VARIABLE, "ml.nope.xlarge")))
                .withMessageContaining("ml.nope.xlarge");
    }
}
