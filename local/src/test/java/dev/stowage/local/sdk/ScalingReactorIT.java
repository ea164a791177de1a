package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.alarms.AlarmDefinition;
import dev.stowage.domain.alarms.AlarmState;
import dev.stowage.domain.alarms.AlarmStateChange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivity;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivityStatusCode;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.sagemaker.model.DescribeInferenceComponentResponse;

/**
 * The scaling reactor of a running local Stowage: a target-tracking policy's high alarm going into ALARM (a synthetic
 * state change, as the local alarm engine will send) sets the component's desired copy count, the fleet loads the
 * copies, and the SDK sees both the count and the scaling activity. A lower maximum set afterwards brings the count
 * down at once, as its own activity.
 */
class ScalingReactorIT {
    @RegisterExtension
    static final LocalModeExtension STOWAGE = new LocalModeExtension();

    private static final String IC = "travel-eu";
    private static final String RESOURCE = "inference-component/" + IC;
    private static final String DIMENSION = ApplicationAutoScalingIT.DIMENSION;

    @Test
    void a_high_alarm_scales_the_component_out() {
        ScalingSetup.endpointWith(STOWAGE, 1, List.of(IC));
        try (ApplicationAutoScalingClient autoScaling = STOWAGE.running().autoScaling()) {
            autoScaling.registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.SAGEMAKER)
                    .resourceId(RESOURCE)
                    .scalableDimension(DIMENSION)
                    .minCapacity(1)
                    .maxCapacity(4));
            var put = autoScaling.putScalingPolicy(b -> b.policyName("invocations")
                    .serviceNamespace(ServiceNamespace.SAGEMAKER)
                    .resourceId(RESOURCE)
                    .scalableDimension(DIMENSION)
                    .policyType(PolicyType.TARGET_TRACKING_SCALING)
                    .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(2.0)
                            .predefinedMetricSpecification(
                                    m -> m.predefinedMetricType("SageMakerInferenceComponentInvocationsPerCopy"))));
            String highName = put.alarms().getFirst().alarmName();
            AlarmDefinition high =
                    STOWAGE.application().alarms().describe(highName).orElseThrow();

            var change = new AlarmStateChange(
                    high,
                    put.alarms().getFirst().alarmARN(),
                    AlarmState.OK,
                    AlarmState.ALARM,
                    "Threshold Crossed: 3 datapoints were greater than the threshold (2.0).",
                    List.of(6.0, 6.0, 6.0),
                    Instant.now());
            STOWAGE.application().scaling().onStateChange(change);
            STOWAGE.application().scaling().onStateChange(change);

            DescribeInferenceComponentResponse component =
                    STOWAGE.sageMaker().describeInferenceComponent(b -> b.inferenceComponentName(IC));
            assertThat(component.runtimeConfig().desiredCopyCount())
                    .as("ceil(1 × 6 ÷ 2)")
                    .isEqualTo(3);
            List<ScalingActivity> activities = autoScaling
                    .describeScalingActivities(b -> b.serviceNamespace(ServiceNamespace.SAGEMAKER)
                            .resourceId(RESOURCE)
                            .scalableDimension(DIMENSION))
                    .scalingActivities();
            assertThat(activities).as("one activity for a change told twice").hasSize(1);
            ScalingActivity activity = activities.getFirst();
            assertThat(activity.statusCode()).isEqualTo(ScalingActivityStatusCode.SUCCESSFUL);
            assertThat(activity.description()).isEqualTo("Setting desired copy count to 3.");
            assertThat(activity.cause())
                    .isEqualTo("monitor alarm " + highName + " in state ALARM triggered policy invocations");
            assertThat(activity.statusMessage())
                    .isEqualTo("Successfully set desired copy count to 3. Change successfully fulfilled by sagemaker.");
            assertThat(activity.endTime()).isNotNull();
            Eventually.await(
                    Duration.ofSeconds(30),
                    "three copies serving",
                    () -> STOWAGE.sageMaker()
                                    .describeInferenceComponent(b -> b.inferenceComponentName(IC))
                                    .runtimeConfig()
                                    .currentCopyCount()
                            == 3);

            autoScaling.registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.SAGEMAKER)
                    .resourceId(RESOURCE)
                    .scalableDimension(DIMENSION)
                    .maxCapacity(2));

            assertThat(STOWAGE.sageMaker()
                            .describeInferenceComponent(b -> b.inferenceComponentName(IC))
                            .runtimeConfig()
                            .desiredCopyCount())
                    .as("held within the new maximum at once")
                    .isEqualTo(2);
            ScalingActivity lowered = autoScaling
                    .describeScalingActivities(b -> b.serviceNamespace(ServiceNamespace.SAGEMAKER)
                            .resourceId(RESOURCE)
                            .scalableDimension(DIMENSION))
                    .scalingActivities()
                    .getFirst();
            assertThat(lowered.cause()).isEqualTo("maximum capacity was set to 2");
            assertThat(lowered.description()).isEqualTo("Setting desired copy count to 2.");
            assertThat(lowered.statusCode()).isEqualTo(ScalingActivityStatusCode.SUCCESSFUL);
        }
    }
}
