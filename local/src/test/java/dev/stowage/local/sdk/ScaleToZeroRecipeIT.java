package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.AdjustmentType;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricAggregationType;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivity;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;
import software.amazon.awssdk.services.sagemakerruntime.model.ValidationErrorException;

/**
 * The public scale-to-zero recipe for inference components, end to end with the Java SDK at time scale 120: a
 * scalable target with MinCapacity 0, target tracking on the high-resolution concurrency metric, a step scaling policy
 * adding one copy, and a CloudWatch alarm the user puts on {@code NoCapacityInvocationFailures} whose action is the
 * step policy. Idle, the component scales in to zero copies and, with MinInstanceCount 0, the instance is retired; a
 * request then gets the service's no-capacity error, which is counted, fires the alarm, and brings a copy back.
 */
class ScaleToZeroRecipeIT {
    private static final double SCALE = 120;

    @RegisterExtension
    static final LocalModeExtension STOWAGE = new LocalModeExtension(ScenarioFleet.atTimeScale(SCALE));

    private static final String ENDPOINT = "recipe-ep";
    private static final String IC = "recipe-ic";
    private static final String ALARM = "ic-step-scaling-policy-alarm";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void an_idle_component_goes_to_zero_and_a_request_at_zero_brings_a_copy_back() {
        ScenarioFleet.endpoint(STOWAGE, ENDPOINT, 0);
        ScenarioFleet.component(STOWAGE, ENDPOINT, IC, "stowage/echo", Map.of(), 1);
        try (ApplicationAutoScalingClient autoScaling = STOWAGE.running().autoScaling();
                CloudWatchClient cloudWatch = STOWAGE.running().cloudWatch();
                SageMakerRuntimeClient runtime = STOWAGE.running().runtime(false)) {
            ScaledComponent ic = new ScaledComponent(autoScaling, STOWAGE.sageMaker(), IC);
            ic.register(0, 2);
            ic.targetTracking(
                    "recipe-target-tracking",
                    "SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution",
                    5.0,
                    200);
            String stepPolicy = autoScaling
                    .putScalingPolicy(b -> b.policyName("recipe-from-zero")
                            .serviceNamespace(ServiceNamespace.SAGEMAKER)
                            .resourceId(ic.resourceId())
                            .scalableDimension(ScaledComponent.DIMENSION)
                            .policyType(PolicyType.STEP_SCALING)
                            .stepScalingPolicyConfiguration(c -> c.adjustmentType(AdjustmentType.CHANGE_IN_CAPACITY)
                                    .metricAggregationType(MetricAggregationType.MAXIMUM)
                                    .cooldown(60)
                                    .stepAdjustments(
                                            s -> s.metricIntervalLowerBound(0.0).scalingAdjustment(1))))
                    .policyARN();
            cloudWatch.putMetricAlarm(b -> b.alarmName(ALARM)
                    .alarmActions(stepPolicy)
                    .namespace("AWS/SageMaker")
                    .metricName("NoCapacityInvocationFailures")
                    .dimensions(d -> d.name("InferenceComponentName").value(IC))
                    .statistic(Statistic.MAXIMUM)
                    .period(30)
                    .evaluationPeriods(1)
                    .datapointsToAlarm(1)
                    .threshold(1.0)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                    .treatMissingData("missing"));

            Eventually.await(
                    WAIT,
                    "the idle component scaled in to zero copies",
                    () -> ic.runtimeConfig().currentCopyCount() == 0);
            assertThat(ic.runtimeConfig().desiredCopyCount()).isZero();
            assertThat(ic.scalings())
                    .last()
                    .satisfies(in -> assertThat(in.cause()).contains("AlarmLow").endsWith("recipe-target-tracking"));
            Eventually.await(WAIT, "the endpoint's instance retired", () -> currentInstances() == 0);

            Instant firstFailure = Instant.now();
            ValidationErrorException atZero =
                    catchThrowableOfType(ValidationErrorException.class, () -> invoke(runtime));
            assertThat(atZero).as("a request at zero copies").isNotNull();
            assertThat(atZero.statusCode()).isEqualTo(400);
            assertThat(atZero.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
            assertThat(atZero.awsErrorDetails().errorMessage())
                    .startsWith("Inference Component " + IC + " has no capacity to process this request.");
            assertThat(noCapacityFailures(cloudWatch, firstFailure))
                    .as("NoCapacityInvocationFailures")
                    .isEqualTo(1.0);

            ScalingActivity fromZero = Eventually.await(
                    WAIT,
                    "the step policy scaled out",
                    () -> ic.scalings().getLast(),
                    a -> ScaledComponent.setTo(a) == 1);
            assertThat(fromZero.cause())
                    .isEqualTo("monitor alarm " + ALARM + " in state ALARM triggered policy" + " recipe-from-zero");
            assertThat(cloudWatch
                            .describeAlarms(b -> b.alarmNames(ALARM))
                            .metricAlarms()
                            .getFirst()
                            .stateValue())
                    .isEqualTo(StateValue.ALARM);
            InvokeEndpointResponse served = Eventually.await(
                    WAIT, "a request served again", () -> invokeOrNull(runtime), response -> response != null);
            assertThat(served.body().asUtf8String()).isEqualTo("{\"inputs\":\"back\"}");
            assertThat(currentInstances()).isEqualTo(1);
            assertThat(ic.runtimeConfig().currentCopyCount()).isEqualTo(1);
        }
    }

    private static InvokeEndpointResponse invoke(SageMakerRuntimeClient runtime) {
        return runtime.invokeEndpoint(b -> b.endpointName(ENDPOINT)
                .inferenceComponentName(IC)
                .contentType("application/json")
                .body(SdkBytes.fromUtf8String("{\"inputs\":\"back\"}")));
    }

    private static InvokeEndpointResponse invokeOrNull(SageMakerRuntimeClient runtime) {
        try {
            return invoke(runtime);
        } catch (ValidationErrorException stillAtZero) {
            return null;
        }
    }

    private static int currentInstances() {
        return STOWAGE.sageMaker()
                .describeEndpoint(b -> b.endpointName(ENDPOINT))
                .productionVariants()
                .getFirst()
                .currentInstanceCount();
    }

    /** The failures counted since {@code since}, read back with GetMetricStatistics (real seconds). */
    private static double noCapacityFailures(CloudWatchClient cloudWatch, Instant since) {
        return cloudWatch
                .getMetricStatistics(b -> b.namespace("AWS/SageMaker")
                        .metricName("NoCapacityInvocationFailures")
                        .dimensions(d -> d.name("InferenceComponentName").value(IC))
                        .startTime(since.minusSeconds(120))
                        .endTime(Instant.now().plusSeconds(60))
                        .period(60)
                        .statistics(Statistic.SUM))
                .datapoints()
                .stream()
                .mapToDouble(Datapoint::sum)
                .sum();
    }
}
