package dev.stowage.functions.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.Arns;
import dev.stowage.domain.CommandRejected;
import dev.stowage.domain.controlplane.ControlPlane;
import dev.stowage.domain.routing.RoutingStrategy;
import dev.stowage.wire.protocol.ServiceModel;
import dev.stowage.wire.protocol.WireError;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The SageMaker control-plane operations Stowage serves, by their wire names. Input arrives already
 * validated against the service model; domain rules are the deciders' to enforce.
 */
public final class SageMakerApi implements ServiceApi {
    /**
     * The service's model with Stowage's extensions to its enums: the routing strategies of Stowage's own (ADR 29),
     * which the service itself would refuse.
     */
    private static final ServiceModel MODEL = ServiceModel.sageMaker()
            .withEnumValues(
                    "RoutingStrategy",
                    Arrays.stream(RoutingStrategy.values())
                            .filter(RoutingStrategy::stowageExtension)
                            .map(RoutingStrategy::wireName)
                            .toList());

    /** An operation: validated input and the request id in, the output object out. */
    @FunctionalInterface
    interface Operation {
        ObjectNode invoke(ObjectNode input, String requestId);
    }

    private final Map<String, Operation> operations;

    /**
     * {@code componentDeleted} is told of every inference component a DeleteInferenceComponent deleted (its
     * scalable target goes with it, as on the service).
     */
    SageMakerApi(ControlPlane controlPlane, Reads reads, Arns arns, BiConsumer<String, String> componentDeleted) {
        var models = new ModelOperations(controlPlane, reads, arns);
        var configs = new EndpointConfigOperations(controlPlane, reads, arns);
        var endpoints = new EndpointOperations(controlPlane, reads, arns);
        var components = new InferenceComponentOperations(controlPlane, reads, arns, componentDeleted);
        this.operations = Map.ofEntries(
                Map.entry("CreateModel", models::create),
                Map.entry("DescribeModel", (input, id) -> models.describe(input)),
                Map.entry("DeleteModel", models::delete),
                Map.entry("ListModels", (input, id) -> models.list(input)),
                Map.entry("CreateEndpointConfig", configs::create),
                Map.entry("DescribeEndpointConfig", (input, id) -> configs.describe(input)),
                Map.entry("DeleteEndpointConfig", configs::delete),
                Map.entry("ListEndpointConfigs", (input, id) -> configs.list(input)),
                Map.entry("CreateEndpoint", endpoints::create),
                Map.entry("DescribeEndpoint", (input, id) -> endpoints.describe(input)),
                Map.entry("UpdateEndpoint", endpoints::update),
                Map.entry("DeleteEndpoint", endpoints::delete),
                Map.entry("ListEndpoints", (input, id) -> endpoints.list(input)),
                Map.entry("CreateInferenceComponent", components::create),
                Map.entry("DescribeInferenceComponent", (input, id) -> components.describe(input)),
                Map.entry("UpdateInferenceComponent", components::update),
                Map.entry("UpdateInferenceComponentRuntimeConfig", components::updateRuntimeConfig),
                Map.entry("DeleteInferenceComponent", components::delete),
                Map.entry("ListInferenceComponents", (input, id) -> components.list(input)));
    }

    @Override
    public ServiceModel model() {
        return MODEL;
    }

    @Override
    public WireError error(CommandRejected rejected) {
        return ErrorCodes.sageMaker(rejected);
    }

    @Override
    public Optional<ObjectNode> invoke(String operation, ObjectNode input, String requestId) {
        Operation handler = operations.get(operation);
        return handler == null ? Optional.empty() : Optional.of(handler.invoke(input, requestId));
    }
}
