package dev.stowage.local.sdk;

import static dev.stowage.local.sdk.ApplicationAutoScalingIT.DIMENSION;

import dev.stowage.local.sdk.ApplicationAutoScalingIT.BadCall;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;

/** The table of {@link ApplicationAutoScalingIT}'s bad requests: the call, the error code and the message. */
final class ApplicationAutoScalingBadRequests {
    private static final String VALIDATION = "ValidationException";
    private static final String NOT_FOUND = "ObjectNotFoundException";
    private static final String MISSING = "inference-component/missing";
    private static final String NOT_REGISTERED = "No scalable target registered for service namespace: sagemaker,"
            + " resource ID: " + MISSING + ", scalable dimension: " + DIMENSION;

    private static final String LONG_NAME = "p".repeat(257);

    private final List<BadCall> calls = new ArrayList<>();

    private ApplicationAutoScalingBadRequests() {}

    static List<BadCall> all() {
        var table = new ApplicationAutoScalingBadRequests();
        table.targets();
        table.policies();
        table.describes();
        return List.copyOf(table.calls);
    }

    private void targets() {
        add(
                "RegisterScalableTarget of a missing component",
                a -> a.registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.SAGEMAKER)
                        .resourceId(MISSING)
                        .scalableDimension(DIMENSION)
                        .minCapacity(1)
                        .maxCapacity(2)),
                VALIDATION,
                "Could not find inference component \"missing\".");
        add(
                "RegisterScalableTarget with MinCapacity above MaxCapacity",
                a -> a.registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.SAGEMAKER)
                        .resourceId("inference-component/travel-eu")
                        .scalableDimension(DIMENSION)
                        .minCapacity(3)
                        .maxCapacity(2)),
                VALIDATION,
                "Minimum capacity cannot be greater than maximum capacity");
        add(
                "RegisterScalableTarget of an endpoint variant",
                a -> a.registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.SAGEMAKER)
                        .resourceId("endpoint/travel-endpoint/variant/AllTraffic")
                        .scalableDimension(DIMENSION)
                        .minCapacity(1)
                        .maxCapacity(2)),
                VALIDATION,
                "Unsupported service namespace, resource type or scalable dimension");
        add(
                "RegisterScalableTarget without ResourceId",
                a -> a.registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.SAGEMAKER)
                        .scalableDimension(DIMENSION)
                        .minCapacity(1)
                        .maxCapacity(2)),
                VALIDATION,
                "1 validation error detected: Value null at 'resourceId' failed to satisfy constraint: Member must"
                        + " not be null");
        add(
                "DeregisterScalableTarget of an unregistered target",
                a -> a.deregisterScalableTarget(b -> b.serviceNamespace(ServiceNamespace.SAGEMAKER)
                        .resourceId(MISSING)
                        .scalableDimension(DIMENSION)),
                NOT_FOUND,
                NOT_REGISTERED);
    }

    private void policies() {
        add(
                "PutScalingPolicy without a registered target",
                a -> a.putScalingPolicy(b -> b.serviceNamespace(ServiceNamespace.SAGEMAKER)
                        .resourceId(MISSING)
                        .scalableDimension(DIMENSION)
                        .policyName("p")
                        .policyType(PolicyType.TARGET_TRACKING_SCALING)
                        .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(4.0)
                                .predefinedMetricSpecification(
                                        m -> m.predefinedMetricType("SageMakerInferenceComponentInvocationsPerCopy")))),
                NOT_FOUND,
                NOT_REGISTERED);
        add(
                "PutScalingPolicy with a 257-character PolicyName",
                a -> a.putScalingPolicy(b -> b.serviceNamespace(ServiceNamespace.SAGEMAKER)
                        .resourceId(MISSING)
                        .scalableDimension(DIMENSION)
                        .policyName(LONG_NAME)),
                VALIDATION,
                "1 validation error detected: Value '" + LONG_NAME + "' at 'policyName' failed to satisfy constraint:"
                        + " Member must have length less than or equal to 256");
        add(
                "DeleteScalingPolicy of an unknown policy",
                a -> a.deleteScalingPolicy(b -> b.serviceNamespace(ServiceNamespace.SAGEMAKER)
                        .resourceId("inference-component/travel-eu")
                        .scalableDimension(DIMENSION)
                        .policyName("unknown")),
                NOT_FOUND,
                "No scaling policy found for service namespace: sagemaker, resource ID:"
                        + " inference-component/travel-eu, scalable dimension: " + DIMENSION
                        + ", policy name: unknown");
    }

    private void describes() {
        add(
                "DescribeScalableTargets with MaxResults 51",
                a -> a.describeScalableTargets(
                        b -> b.serviceNamespace(ServiceNamespace.SAGEMAKER).maxResults(51)),
                VALIDATION,
                "1 validation error detected: Value '51' at 'maxResults' failed to satisfy constraint: Member must"
                        + " have value less than or equal to 50");
        add(
                "DescribeScalingActivities with a NextToken that is not ours",
                a -> a.describeScalingActivities(
                        b -> b.serviceNamespace(ServiceNamespace.SAGEMAKER).nextToken("not-a-token")),
                "InvalidNextTokenException",
                "Invalid NextToken");
    }

    private void add(String name, Consumer<ApplicationAutoScalingClient> call, String code, String message) {
        calls.add(new BadCall(name, call, code, message));
    }
}
