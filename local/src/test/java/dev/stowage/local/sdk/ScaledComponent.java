package dev.stowage.local.sdk;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScalingPolicyResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivity;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivityStatusCode;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.InferenceComponentRuntimeConfigSummary;

/**
 * An inference component under Application Auto Scaling, seen through the SDK clients: its scalable target and
 * policies, its scaling activities (DescribeScalingActivities) and its copy counts (DescribeInferenceComponent).
 */
final class ScaledComponent {
    static final String DIMENSION = ApplicationAutoScalingIT.DIMENSION;
    private static final Pattern SET_TO = Pattern.compile("Setting desired copy count to (\\d+)\\.");

    private final ApplicationAutoScalingClient autoScaling;
    private final SageMakerClient sageMaker;
    private final String component;

    ScaledComponent(ApplicationAutoScalingClient autoScaling, SageMakerClient sageMaker, String component) {
        this.autoScaling = autoScaling;
        this.sageMaker = sageMaker;
        this.component = component;
    }

    String resourceId() {
        return "inference-component/" + component;
    }

    void register(int min, int max) {
        autoScaling.registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.SAGEMAKER)
                .resourceId(resourceId())
                .scalableDimension(DIMENSION)
                .minCapacity(min)
                .maxCapacity(max));
    }

    /** A target-tracking policy on a predefined metric, with both cooldowns in seconds. */
    PutScalingPolicyResponse targetTracking(String name, String metric, double target, int cooldownSeconds) {
        return autoScaling.putScalingPolicy(b -> b.policyName(name)
                .serviceNamespace(ServiceNamespace.SAGEMAKER)
                .resourceId(resourceId())
                .scalableDimension(DIMENSION)
                .policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(target)
                        .predefinedMetricSpecification(m -> m.predefinedMetricType(metric))
                        .scaleOutCooldown(cooldownSeconds)
                        .scaleInCooldown(cooldownSeconds)));
    }

    /** Every activity of the target, not-scaled ones included, oldest first. */
    List<ScalingActivity> activities() {
        return autoScaling
                .describeScalingActivities(b -> b.serviceNamespace(ServiceNamespace.SAGEMAKER)
                        .resourceId(resourceId())
                        .scalableDimension(DIMENSION)
                        .includeNotScaledActivities(true))
                .scalingActivities()
                .stream()
                .sorted(Comparator.comparing(ScalingActivity::startTime))
                .toList();
    }

    /** The activities that changed the desired copy count, oldest first. */
    List<ScalingActivity> scalings() {
        return activities().stream()
                .filter(a -> a.statusCode() == ScalingActivityStatusCode.SUCCESSFUL)
                .toList();
    }

    /** Waits until {@code count} activities have changed the copy count and returns them, oldest first. */
    List<ScalingActivity> awaitScalings(int count, Duration wait) {
        return Eventually.await(wait, count + " scalings of " + component, this::scalings, s -> s.size() >= count);
    }

    /** The copy count an activity set. */
    static int setTo(ScalingActivity activity) {
        Matcher matcher = SET_TO.matcher(activity.description());
        if (!matcher.matches()) {
            throw new AssertionError("not a scaling: " + activity);
        }
        return Integer.parseInt(matcher.group(1));
    }

    InferenceComponentRuntimeConfigSummary runtimeConfig() {
        return sageMaker
                .describeInferenceComponent(b -> b.inferenceComponentName(component))
                .runtimeConfig();
    }

    /** Waits until {@code copies} are desired and serving. */
    void awaitServing(int copies) {
        ComponentWaits.awaitInService(sageMaker, ScenarioFleet.WAIT, component, copies);
    }
}
