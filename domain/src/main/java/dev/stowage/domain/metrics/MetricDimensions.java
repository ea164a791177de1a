package dev.stowage.domain.metrics;

import java.util.Map;

/**
 * The dimension sets of the inference component metrics. Every metric has the component set ({@code
 * InferenceComponentName}); with enhanced metrics SageMaker adds a per-container set ({@code EndpointName, VariantName,
 * InferenceComponentName, InstanceId, ContainerId}), where a Stowage copy is the container.
 */
public final class MetricDimensions {
    public static final String ENDPOINT = "EndpointName";
    public static final String VARIANT = "VariantName";
    public static final String COMPONENT = "InferenceComponentName";
    public static final String INSTANCE = "InstanceId";
    public static final String CONTAINER = "ContainerId";

    private MetricDimensions() {}

    /** {@code InferenceComponentName}. */
    public static Map<String, String> component(String component) {
        return Map.of(COMPONENT, component);
    }

    /** {@code EndpointName, VariantName, InferenceComponentName, InstanceId, ContainerId}. */
    public static Map<String, String> copy(
            String endpoint, String variant, String component, String instanceId, String copyId) {
        return Map.of(
                ENDPOINT, endpoint, VARIANT, variant, COMPONENT, component, INSTANCE, instanceId, CONTAINER, copyId);
    }
}
