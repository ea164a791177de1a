package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stowage.domain.alarms.AlarmDefinition;
import dev.stowage.domain.alarms.AlarmService;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.AdjustmentType;
import software.amazon.awssdk.services.applicationautoscaling.model.Alarm;
import software.amazon.awssdk.services.applicationautoscaling.model.ApplicationAutoScalingException;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricAggregationType;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScalingPolicyResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;

/**
 * The Application Auto Scaling calls of the IC announcement and of the scale-to-zero recipe, through the real SDK:
 * targets and policies described back, the policies' alarms kept, bad requests refused with the service's error and
 * no event written.
 */
class ApplicationAutoScalingIT {
    @RegisterExtension
    static final LocalModeExtension STOWAGE = new LocalModeExtension();

    static final String EU = "travel-eu";
    static final String US = "travel-us";
    static final String DIMENSION = "sagemaker:inference-component:DesiredCopyCount";
    private static ApplicationAutoScalingClient autoScaling;

    @BeforeAll
    static void anEndpointWithTwoComponents() {
        ScalingSetup.endpointWith(STOWAGE, 1, List.of(EU, US));
        autoScaling = STOWAGE.running().autoScaling();
    }

    @AfterAll
    static void closeClient() {
        autoScaling.close();
    }

    static String resource(String component) {
        return "inference-component/" + component;
    }

    @Test
    void the_announcements_target_tracking_policy() {
        var registered = autoScaling.registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.SAGEMAKER)
                .resourceId(resource(EU))
                .scalableDimension(DIMENSION)
                .minCapacity(1)
                .maxCapacity(4));
        assertThat(registered.scalableTargetARN())
                .startsWith("arn:aws:application-autoscaling:us-east-1:123456789012:scalable-target/");

        PutScalingPolicyResponse put = autoScaling.putScalingPolicy(b -> b.policyName("travel-eu-invocations")
                .serviceNamespace(ServiceNamespace.SAGEMAKER)
                .resourceId(resource(EU))
                .scalableDimension(DIMENSION)
                .policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(4.0)
                        .predefinedMetricSpecification(
                                m -> m.predefinedMetricType("SageMakerInferenceComponentInvocationsPerCopy"))
                        .scaleInCooldown(300)
                        .scaleOutCooldown(300)));

        assertThat(put.policyARN())
                .startsWith("arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:")
                .endsWith(":resource/sagemaker/inference-component/travel-eu:policyName/travel-eu-invocations");
        assertThat(put.alarms())
                .extracting(Alarm::alarmName)
                .satisfiesExactly(
                        high -> assertThat(high).startsWith("TargetTracking-inference-component/travel-eu-AlarmHigh-"),
                        low -> assertThat(low).startsWith("TargetTracking-inference-component/travel-eu-AlarmLow-"));
        assertThat(put.alarms().getFirst().alarmARN())
                .isEqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:"
                        + put.alarms().getFirst().alarmName());
        AlarmDefinition high =
                alarms().describe(put.alarms().getFirst().alarmName()).orElseThrow();
        assertThat(high.metricName()).isEqualTo("InvocationsPerCopy");
        assertThat(high.threshold()).isEqualTo(4.0);
        assertThat(high.alarmActions()).containsExactly(put.policyARN());

        ScalableTarget target = targets(EU).getFirst();
        assertThat(target.minCapacity()).isEqualTo(1);
        assertThat(target.maxCapacity()).isEqualTo(4);
        assertThat(target.scalableDimension())
                .isEqualTo(ScalableDimension.SAGEMAKER_INFERENCE_COMPONENT_DESIRED_COPY_COUNT);
        assertThat(target.roleARN()).contains("AWSServiceRoleForApplicationAutoScaling_SageMakerEndpoint");
        assertThat(target.creationTime()).isNotNull();
        ScalingPolicy policy = policies(EU).getFirst();
        assertThat(policy.policyARN()).isEqualTo(put.policyARN());
        assertThat(policy.targetTrackingScalingPolicyConfiguration().targetValue())
                .isEqualTo(4.0);
        assertThat(policy.targetTrackingScalingPolicyConfiguration().scaleInCooldown())
                .isEqualTo(300);
        assertThat(policy.alarms()).isEqualTo(put.alarms());

        autoScaling.deleteScalingPolicy(b -> b.policyName("travel-eu-invocations")
                .serviceNamespace(ServiceNamespace.SAGEMAKER)
                .resourceId(resource(EU))
                .scalableDimension(DIMENSION));

        assertThat(policies(EU)).isEmpty();
        assertThat(alarms().list("TargetTracking-inference-component/travel-eu-"))
                .isEmpty();
    }

    @Test
    void the_scale_to_zero_recipe() {
        autoScaling.registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.SAGEMAKER)
                .resourceId(resource(US))
                .scalableDimension(DIMENSION)
                .minCapacity(0)
                .maxCapacity(4));
        autoScaling.putScalingPolicy(b -> b.policyName("travel-us-target-tracking")
                .serviceNamespace(ServiceNamespace.SAGEMAKER)
                .resourceId(resource(US))
                .scalableDimension(DIMENSION)
                .policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(5.0)
                        .predefinedMetricSpecification(m -> m.predefinedMetricType(
                                "SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution"))
                        .scaleInCooldown(200)
                        .scaleOutCooldown(200)));
        PutScalingPolicyResponse step = autoScaling.putScalingPolicy(b -> b.policyName("travel-us-from-zero")
                .serviceNamespace(ServiceNamespace.SAGEMAKER)
                .resourceId(resource(US))
                .scalableDimension(DIMENSION)
                .policyType(PolicyType.STEP_SCALING)
                .stepScalingPolicyConfiguration(c -> c.adjustmentType(AdjustmentType.CHANGE_IN_CAPACITY)
                        .metricAggregationType(MetricAggregationType.MAXIMUM)
                        .cooldown(60)
                        .stepAdjustments(s -> s.metricIntervalLowerBound(0.0).scalingAdjustment(1))));

        assertThat(step.alarms()).isEmpty();
        assertThat(targets(US).getFirst().minCapacity()).isZero();
        assertThat(policies(US))
                .extracting(ScalingPolicy::policyName, ScalingPolicy::policyType)
                .containsExactly(
                        Tuple.tuple("travel-us-target-tracking", PolicyType.TARGET_TRACKING_SCALING),
                        Tuple.tuple("travel-us-from-zero", PolicyType.STEP_SCALING));
        var stepConfig = policies(US).getLast().stepScalingPolicyConfiguration();
        assertThat(stepConfig.adjustmentType()).isEqualTo(AdjustmentType.CHANGE_IN_CAPACITY);
        assertThat(stepConfig.stepAdjustments().getFirst().metricIntervalLowerBound())
                .isEqualTo(0.0);
        List<AlarmDefinition> highResolution = alarms().list("TargetTracking-inference-component/travel-us-");
        assertThat(highResolution).extracting(AlarmDefinition::periodSeconds).containsOnly(10);
        assertThat(highResolution)
                .extracting(AlarmDefinition::evaluationPeriods)
                .containsExactlyInAnyOrder(3, 90);

        autoScaling.deregisterScalableTarget(b -> b.serviceNamespace(ServiceNamespace.SAGEMAKER)
                .resourceId(resource(US))
                .scalableDimension(DIMENSION));

        assertThat(targets(US)).isEmpty();
        assertThat(policies(US)).isEmpty();
        assertThat(alarms().list("TargetTracking-inference-component/travel-us-"))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void bad_requests_get_the_services_error_and_write_nothing(BadCall bad) {
        long before = STOWAGE.eventCount();
        int alarmsBefore = alarms().list("").size();

        ApplicationAutoScalingException error = catchThrowableOfType(
                ApplicationAutoScalingException.class, () -> bad.call().accept(autoScaling));

        assertThat(error).as("refused").isNotNull();
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo(bad.code());
        assertThat(error.getClass().getSimpleName()).isEqualTo(bad.code());
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(bad.message());
        assertThat(STOWAGE.eventCount()).as("events written").isEqualTo(before);
        assertThat(alarms().list("")).as("alarms").hasSize(alarmsBefore);
    }

    static Stream<BadCall> badRequests() {
        return ApplicationAutoScalingBadRequests.all().stream();
    }

    /** One bad call with the error it must get. */
    record BadCall(String name, Consumer<ApplicationAutoScalingClient> call, String code, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static List<ScalableTarget> targets(String component) {
        return autoScaling
                .describeScalableTargets(
                        b -> b.serviceNamespace(ServiceNamespace.SAGEMAKER).resourceIds(resource(component)))
                .scalableTargets();
    }

    private static List<ScalingPolicy> policies(String component) {
        return autoScaling
                .describeScalingPolicies(
                        b -> b.serviceNamespace(ServiceNamespace.SAGEMAKER).resourceId(resource(component)))
                .scalingPolicies();
    }

    private static AlarmService alarms() {
        return STOWAGE.application().alarms();
    }
}
