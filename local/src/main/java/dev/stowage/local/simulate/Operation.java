package dev.stowage.local.simulate;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * The operations a deployment file may list: the SageMaker and Application Auto Scaling calls that change a
 * deployment, as a user would make them, and {@code DefaultInferenceComponent}, Stowage's template for the components a
 * workload names and the deployment does not create.
 */
public enum Operation {
    CREATE_MODEL("CreateModel"),
    DELETE_MODEL("DeleteModel"),
    CREATE_ENDPOINT_CONFIG("CreateEndpointConfig"),
    DELETE_ENDPOINT_CONFIG("DeleteEndpointConfig"),
    CREATE_ENDPOINT("CreateEndpoint"),
    UPDATE_ENDPOINT("UpdateEndpoint"),
    DELETE_ENDPOINT("DeleteEndpoint"),
    CREATE_INFERENCE_COMPONENT("CreateInferenceComponent"),
    UPDATE_INFERENCE_COMPONENT("UpdateInferenceComponent"),
    UPDATE_INFERENCE_COMPONENT_RUNTIME_CONFIG("UpdateInferenceComponentRuntimeConfig"),
    DELETE_INFERENCE_COMPONENT("DeleteInferenceComponent"),
    REGISTER_SCALABLE_TARGET("RegisterScalableTarget"),
    DEREGISTER_SCALABLE_TARGET("DeregisterScalableTarget"),
    PUT_SCALING_POLICY("PutScalingPolicy"),
    DELETE_SCALING_POLICY("DeleteScalingPolicy"),
    DEFAULT_INFERENCE_COMPONENT("DefaultInferenceComponent");

    private final String wireName;

    Operation(String wireName) {
        this.wireName = wireName;
    }

    /** The name as the file and the APIs spell it, e.g. {@code CreateInferenceComponent}. */
    public String wireName() {
        return wireName;
    }

    static Optional<Operation> named(String wireName) {
        return Stream.of(values())
                .filter(operation -> operation.wireName.equals(wireName))
                .findFirst();
    }
}
