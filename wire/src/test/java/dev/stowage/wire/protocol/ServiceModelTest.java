package dev.stowage.wire.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceModelTest {

    private static final ServiceModel SAGEMAKER = ServiceModel.sageMaker();
    private static final ServiceModel AUTOSCALING = ServiceModel.applicationAutoScaling();

    @Test
    void readsTheMetadataOfBothServices() {
        assertThat(SAGEMAKER.targetPrefix()).isEqualTo("SageMaker");
        assertThat(SAGEMAKER.signingName()).isEqualTo("sagemaker");
        assertThat(AUTOSCALING.targetPrefix()).isEqualTo("AnyScaleFrontendService");
        assertThat(AUTOSCALING.signingName()).isEqualTo("application-autoscaling");
    }

    @Test
    void keepsExactlyTheServedOperations() {
        assertThat(SAGEMAKER.operations()).hasSize(19).containsKey("UpdateInferenceComponentRuntimeConfig");
        assertThat(AUTOSCALING.operations()).hasSize(7).containsKey("DescribeScalingActivities");
        assertThat(SAGEMAKER.operation("CreateInferenceComponent").orElseThrow())
                .isEqualTo(new Operation(
                        "CreateInferenceComponent",
                        "CreateInferenceComponentInput",
                        "CreateInferenceComponentOutput",
                        List.of("ResourceLimitExceeded")));
        assertThat(SAGEMAKER.operation("CreateTrainingJob")).isEmpty();
    }

    @Test
    void readsStructuresInModelOrderWithRequiredMembers() {
        Shape.Structure input = (Shape.Structure) SAGEMAKER.shape("CreateInferenceComponentInput");
        assertThat(input.members().sequencedKeySet())
                .startsWith("InferenceComponentName", "EndpointName", "VariantName", "Specification");
        assertThat(input.required()).containsExactly("InferenceComponentName", "EndpointName");
    }

    @Test
    void readsStringListMapAndNumberConstraints() {
        assertThat(SAGEMAKER.shape("InferenceComponentName"))
                .isEqualTo(new Shape.Text(
                        "InferenceComponentName", 0L, 63L, "[a-zA-Z0-9]([\\-a-zA-Z0-9]*[a-zA-Z0-9])?", List.of()));
        assertThat(SAGEMAKER.shape("OrderKey"))
                .isEqualTo(new Shape.Text("OrderKey", null, null, null, List.of("Ascending", "Descending")));
        assertThat(SAGEMAKER.shape("ProductionVariantList"))
                .isEqualTo(new Shape.ListOf("ProductionVariantList", "ProductionVariant", 1L, 10L));
        assertThat(SAGEMAKER.shape("EnvironmentMap"))
                .isEqualTo(new Shape.MapOf("EnvironmentMap", "EnvironmentKey", "EnvironmentValue", 0L, 100L));
        assertThat(SAGEMAKER.shape("NumberOfCpuCores"))
                .isEqualTo(new Shape.Numeric("NumberOfCpuCores", Shape.NumberKind.FLOAT, new BigDecimal("0.25"), null));
        assertThat(SAGEMAKER.shape("MaxResults"))
                .isEqualTo(new Shape.Numeric(
                        "MaxResults", Shape.NumberKind.INTEGER, BigDecimal.ONE, new BigDecimal("100")));
        assertThat(SAGEMAKER.shape("Timestamp")).isEqualTo(new Shape.Timestamp("Timestamp"));
    }

    @Test
    void everyReferencedShapeIsInTheTrimmedModel() {
        for (ServiceModel model : List.of(SAGEMAKER, AUTOSCALING)) {
            model.shapes().values().forEach(shape -> {
                switch (shape) {
                    case Shape.Structure s -> s.members().values().forEach(model::shape);
                    case Shape.ListOf l -> model.shape(l.member());
                    case Shape.MapOf m -> {
                        model.shape(m.key());
                        model.shape(m.value());
                    }
                    default -> {}
                }
            });
        }
    }

    @Test
    void an_enum_takes_stowages_own_values_in_a_copy_of_the_model() {
        ServiceModel service = ServiceModel.sageMaker();
        ServiceModel extended = service.withEnumValues("RoutingStrategy", List.of("STOWAGE_PREFIX_AWARE", "RANDOM"));

        assertThat(((Shape.Text) extended.shape("RoutingStrategy")).enumValues())
                .containsExactly("LEAST_OUTSTANDING_REQUESTS", "RANDOM", "STOWAGE_PREFIX_AWARE");
        assertThat(((Shape.Text) service.shape("RoutingStrategy")).enumValues())
                .containsExactly("LEAST_OUTSTANDING_REQUESTS", "RANDOM");
        assertThatThrownBy(() -> service.withEnumValues("EndpointName", List.of("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
