package dev.stowage.local.fuzz;

import dev.stowage.wire.protocol.ServiceModel;
import java.util.List;
import java.util.Set;

/**
 * A JSON service local mode serves, as the fuzzer calls it.
 *
 * @param model its service model
 * @param path where it is served
 * @param signingName what its requests are signed for
 * @param reads its operations that write no event, whatever they are sent
 */
record ApiService(ServiceModel model, String path, String signingName, Set<String> reads) {
    static final String HOST_PATH = "/host";

    /** SageMaker's, Application Auto Scaling's, Stowage's and the hosts' services, from their models. */
    static List<ApiService> jsonServices() {
        return List.of(
                new ApiService(
                        ServiceModel.sageMaker(),
                        "/",
                        "sagemaker",
                        Set.of(
                                "DescribeModel",
                                "ListModels",
                                "DescribeEndpointConfig",
                                "ListEndpointConfigs",
                                "DescribeEndpoint",
                                "ListEndpoints",
                                "DescribeInferenceComponent",
                                "ListInferenceComponents")),
                new ApiService(
                        ServiceModel.applicationAutoScaling(),
                        "/",
                        "application-autoscaling",
                        Set.of("DescribeScalableTargets", "DescribeScalingPolicies", "DescribeScalingActivities")),
                new ApiService(
                        ServiceModel.stowage(), "/", "sagemaker", Set.of("DescribeInstanceTypes", "ExplainPlacement")),
                new ApiService(
                        ServiceModel.stowageHost(),
                        HOST_PATH,
                        "execute-api",
                        Set.of("DescribeAssignments", "DescribeRouting")));
    }

    String target(String operation) {
        return model.targetPrefix() + "." + operation;
    }

    boolean writes(String operation) {
        return !reads.contains(operation);
    }
}
