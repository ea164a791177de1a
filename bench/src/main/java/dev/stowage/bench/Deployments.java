package dev.stowage.bench;

import dev.stowage.domain.store.StreamIds;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.applicationautoscaling.model.AdjustmentType;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricAggregationType;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.sagemaker.model.InferenceComponentStatus;
import software.amazon.awssdk.services.sagemaker.model.ManagedInstanceScalingStatus;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariantInstanceType;

/**
 * What the autoscaling runs deploy, through the AWS SDK clients as a user would: an inference-component endpoint on
 * {@code ml.g5.12xlarge} (4 GPUs) with managed instance scaling, {@code stowage/llm-sim} components, their scalable
 * targets, target-tracking policies, and the public scale-to-zero recipe (a step policy fired by a CloudWatch alarm on
 * {@code NoCapacityInvocationFailures}).
 */
final class Deployments {
    static final String VARIANT = "AllTraffic";
    static final String ROLE = "arn:aws:iam::000000000000:role/bench";
    static final String DIMENSION = "sagemaker:inference-component:DesiredCopyCount";
    static final String INVOCATIONS_PER_COPY = "SageMakerInferenceComponentInvocationsPerCopy";
    static final String CONCURRENT_REQUESTS_PER_COPY_HIGH_RESOLUTION =
            "SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution";
    /** llm-sim's decode step (simulated), as a 7–8B model on one A10G. */
    static final int TOKEN_MS = 20;
    /** How long a copy of the model takes to load, simulated (llm-sim answers {@code /ping} after it). */
    static final Duration MODEL_LOAD = Duration.ofSeconds(30);

    private Deployments() {}

    /** An endpoint for inference components with {@code initial} instances and managed scaling within min/max. */
    static void endpoint(AutoscalingLab lab, String name, int initial, int minInstances, int maxInstances) {
        lab.sageMaker().createEndpointConfig(b -> b.endpointConfigName(name)
                .executionRoleArn(ROLE)
                .productionVariants(v -> v.variantName(VARIANT)
                        .instanceType(ProductionVariantInstanceType.ML_G5_12_XLARGE)
                        .initialInstanceCount(initial)
                        .managedInstanceScaling(m -> m.status(ManagedInstanceScalingStatus.ENABLED)
                                .minInstanceCount(minInstances)
                                .maxInstanceCount(maxInstances))));
        lab.sageMaker().createEndpoint(b -> b.endpointName(name).endpointConfigName(name));
    }

    /**
     * A {@code stowage/llm-sim} component at zero copies: created with one (CreateInferenceComponent refuses 0, as the
     * service does), then set to 0 once that copy serves.
     */
    static void llmComponentAtZero(AutoscalingLab lab, String endpoint, String name, int devices, Duration timeout)
            throws InterruptedException {
        llmComponent(lab, endpoint, name, devices, 1);
        awaitCopies(lab, List.of(name), 1, timeout);
        lab.sageMaker().updateInferenceComponentRuntimeConfig(b -> b.inferenceComponentName(name)
                .desiredRuntimeConfig(r -> r.copyCount(0)));
    }

    /** A {@code stowage/llm-sim} component needing {@code devices} accelerators per copy. */
    static void llmComponent(AutoscalingLab lab, String endpoint, String name, int devices, int copies) {
        lab.sageMaker().createInferenceComponent(b -> b.inferenceComponentName(name)
                .endpointName(endpoint)
                .variantName(VARIANT)
                .specification(s -> s.container(c -> c.image("stowage/llm-sim")
                                .environment(Map.of(
                                        "STOWAGE_TOKEN_MS", Integer.toString(TOKEN_MS),
                                        "STOWAGE_LOAD_MS", Long.toString(MODEL_LOAD.toMillis()))))
                        .computeResourceRequirements(r -> r.numberOfCpuCoresRequired(2f)
                                .numberOfAcceleratorDevicesRequired((float) devices)
                                .minMemoryRequiredInMb(8192)))
                .runtimeConfig(r -> r.copyCount(copies)));
    }

    static String resourceId(String component) {
        return "inference-component/" + component;
    }

    /** The prefix of the alarms target tracking creates for {@code component}: {@code AlarmHigh} or {@code AlarmLow}. */
    static String trackingAlarmPrefix(String component, String highOrLow) {
        return "TargetTracking-" + resourceId(component) + "-" + highOrLow + "-";
    }

    static void scalableTarget(AutoscalingLab lab, String component, int min, int max) {
        lab.autoScaling().registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.SAGEMAKER)
                .resourceId(resourceId(component))
                .scalableDimension(DIMENSION)
                .minCapacity(min)
                .maxCapacity(max));
    }

    /** Target tracking on a predefined metric, with these cooldowns (simulated seconds). */
    static void targetTracking(
            AutoscalingLab lab,
            String component,
            String metric,
            double target,
            int scaleOutCooldown,
            int scaleInCooldown) {
        lab.autoScaling().putScalingPolicy(b -> b.policyName(component + "-target-tracking")
                .serviceNamespace(ServiceNamespace.SAGEMAKER)
                .resourceId(resourceId(component))
                .scalableDimension(DIMENSION)
                .policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(target)
                        .scaleOutCooldown(scaleOutCooldown)
                        .scaleInCooldown(scaleInCooldown)
                        .predefinedMetricSpecification(m -> m.predefinedMetricType(metric))));
    }

    /**
     * The public scale-to-zero recipe's second half (AWS's "scale down to zero" post and sample notebook): a step policy
     * adding one copy, and a CloudWatch alarm on {@code NoCapacityInvocationFailures} (Maximum over 30 s, 1 of 1, ≥ 1)
     * whose action is that policy.
     */
    static void scaleFromZeroRecipe(AutoscalingLab lab, String component) {
        String policyArn = lab.autoScaling()
                .putScalingPolicy(b -> b.policyName(component + "-scale-from-zero")
                        .serviceNamespace(ServiceNamespace.SAGEMAKER)
                        .resourceId(resourceId(component))
                        .scalableDimension(DIMENSION)
                        .policyType(PolicyType.STEP_SCALING)
                        .stepScalingPolicyConfiguration(c -> c.adjustmentType(AdjustmentType.CHANGE_IN_CAPACITY)
                                .metricAggregationType(MetricAggregationType.MAXIMUM)
                                .cooldown(60)
                                .stepAdjustments(
                                        s -> s.metricIntervalLowerBound(0.0).scalingAdjustment(1))))
                .policyARN();
        lab.cloudWatch().putMetricAlarm(b -> b.alarmName("ic-step-scaling-alarm-" + component)
                .alarmActions(policyArn)
                .metricName("NoCapacityInvocationFailures")
                .namespace("AWS/SageMaker")
                .statistic(Statistic.MAXIMUM)
                .dimensions(d -> d.name("InferenceComponentName").value(component))
                .period(30)
                .evaluationPeriods(1)
                .datapointsToAlarm(1)
                .threshold(1.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData("missing"));
    }

    /** Waits (real time) until each component is InService with {@code copies} serving. */
    static void awaitCopies(AutoscalingLab lab, List<String> components, int copies, Duration timeout)
            throws InterruptedException {
        for (String component : components) {
            await(timeout, component + " InService with " + copies + " copies", () -> {
                var d = lab.sageMaker().describeInferenceComponent(b -> b.inferenceComponentName(component));
                return d.inferenceComponentStatus() == InferenceComponentStatus.IN_SERVICE
                        && d.runtimeConfig().currentCopyCount() == copies;
            });
        }
    }

    /** Waits (real time) until the endpoint's fleet runs no instance. */
    static void awaitNoInstances(AutoscalingLab lab, String endpoint, Duration timeout) throws InterruptedException {
        await(timeout, endpoint + " with no instance", () -> {
            var variant = lab.sageMaker()
                    .describeEndpoint(b -> b.endpointName(endpoint))
                    .productionVariants()
                    .getFirst();
            return variant.currentInstanceCount() != null && variant.currentInstanceCount() == 0;
        });
    }

    static String fleetStream(String endpoint) {
        return StreamIds.fleet(endpoint, VARIANT);
    }

    static void await(Duration timeout, String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not within " + timeout.toSeconds() + " s: " + what);
            }
            Thread.sleep(20);
        }
    }
}
