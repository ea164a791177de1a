package dev.stowage.events.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.events.CopyCountCause;
import dev.stowage.events.Document;
import dev.stowage.events.EndpointConfigEvent;
import dev.stowage.events.EndpointEvent;
import dev.stowage.events.Event;
import dev.stowage.events.FleetEvent;
import dev.stowage.events.InferenceComponentEvent;
import dev.stowage.events.ModelEvent;
import dev.stowage.events.ScalingEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The record each golden file ({@code golden/<type>/v<N>.json}) must decode to. */
final class GoldenEvents {
    static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");
    static final Instant T1 = Instant.parse("2026-03-01T10:20:00.123Z");
    static final String ARN = "arn:aws:sagemaker:us-east-1:123456789012:";

    static final String ROLE = "arn:aws:iam::123456789012:role/aws-service-role/sagemaker.application-autoscaling"
            + ".amazonaws.com/AWSServiceRoleForApplicationAutoScaling_SageMakerEndpoint";
    static final String POLICY_ARN = "arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:"
            + "5e3d1c2b-0a9f-4e8d-b7c6-a5b4c3d2e1f0:resource/sagemaker/inference-component/llm-ic"
            + ":policyName/llm-ic-invocations";
    static final String HIGH_ALARM =
            "TargetTracking-inference-component/llm-ic-AlarmHigh-1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b";
    static final String LOW_ALARM =
            "TargetTracking-inference-component/llm-ic-AlarmLow-2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d";
    static final String ALARM_ARN = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:";
    static final Document TARGET_TRACKING = doc(
            """
            {"TargetValue": 4.0,
             "PredefinedMetricSpecification": {"PredefinedMetricType": "SageMakerInferenceComponentInvocationsPerCopy"},
             "ScaleInCooldown": 300, "ScaleOutCooldown": 300}""");
    static final Document MODEL = doc(
            """
            {"PrimaryContainer": {"Image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/llm:1",
                                  "ModelDataUrl": "s3://models/llm.tar.gz",
                                  "Environment": {"MAX_TOKENS": "512"}},
             "ExecutionRoleArn": "arn:aws:iam::123456789012:role/sagemaker",
             "Tags": []}""");
    static final Document CONFIG = doc(
            """
            {"ProductionVariants": [{"VariantName": "AllTraffic", "InstanceType": "ml.g5.2xlarge",
                                     "InitialInstanceCount": 1,
                                     "RoutingConfig": {"RoutingStrategy": "LEAST_OUTSTANDING_REQUESTS"}}]}""");
    static final Document CONFIG_2 = doc(
            """
            {"ProductionVariants": [{"VariantName": "AllTraffic", "InstanceType": "ml.g5.12xlarge",
                                     "InitialInstanceCount": 2}]}""");
    static final Document SPEC = doc(
            """
            {"ModelName": "llm",
             "ComputeResourceRequirements": {"NumberOfAcceleratorDevicesRequired": 1,
                                             "NumberOfCpuCoresRequired": 2.5,
                                             "MinMemoryRequiredInMb": 8192}}""");
    static final Document SPEC_2 = doc(
            """
            {"ModelName": "llm-v2",
             "ComputeResourceRequirements": {"NumberOfAcceleratorDevicesRequired": 2,
                                             "MinMemoryRequiredInMb": 16384}}""");

    static final Document ROLLING = doc(
            """
            {"RollingUpdatePolicy": {"MaximumBatchSize": {"Type": "COPY_COUNT", "Value": 1},
                                     "WaitIntervalInSeconds": 120},
             "AutoRollbackConfiguration": {"Alarms": [{"AlarmName": "llm-errors"}]}}""");

    /** Keyed by {@code <type>/v<N>}. */
    static final Map<String, Event> EXPECTED = Map.ofEntries(
            Map.entry("model.created/v1", new ModelEvent.Created("llm", ARN + "model/llm", MODEL, T0)),
            Map.entry("model.deleted/v1", new ModelEvent.Deleted(T1)),
            Map.entry(
                    "endpoint-config.created/v1",
                    new EndpointConfigEvent.Created("llm-config", ARN + "endpoint-config/llm-config", CONFIG, T0)),
            Map.entry("endpoint-config.deleted/v1", new EndpointConfigEvent.Deleted(T1)),
            Map.entry(
                    "endpoint.created/v1",
                    new EndpointEvent.Created("llm-endpoint", ARN + "endpoint/llm-endpoint", "llm-config", CONFIG, T0)),
            Map.entry("endpoint.in-service/v1", new EndpointEvent.InService(T1)),
            Map.entry("endpoint.updated/v1", new EndpointEvent.Updated("llm-config-2", CONFIG_2, T1)),
            Map.entry(
                    "endpoint.failed/v1", new EndpointEvent.Failed("No capacity for ml.g5.2xlarge in us-east-1a.", T1)),
            Map.entry(
                    "endpoint.inference-component-added/v1",
                    new EndpointEvent.InferenceComponentAdded("llm-component", T1)),
            Map.entry("endpoint.deletion-started/v1", new EndpointEvent.DeletionStarted(T1)),
            Map.entry("endpoint.deleted/v1", new EndpointEvent.Deleted(T1)),
            Map.entry(
                    "inference-component.created/v1",
                    new InferenceComponentEvent.Created(
                            "llm-ic",
                            ARN + "inference-component/llm-ic",
                            "llm-endpoint",
                            ARN + "endpoint/llm-endpoint",
                            "AllTraffic",
                            SPEC,
                            2,
                            T0)),
            Map.entry(
                    "inference-component.specification-updated/v1",
                    new InferenceComponentEvent.SpecificationUpdated(SPEC_2, T1)),
            Map.entry(
                    "inference-component.deployment-configured/v1",
                    new InferenceComponentEvent.DeploymentConfigured(ROLLING, T1)),
            Map.entry(
                    "inference-component.update-rolled-back/v1",
                    new InferenceComponentEvent.UpdateRolledBack(
                            SPEC, "The update was rolled back: alarm llm-errors is in ALARM.", T1)),
            Map.entry(
                    "inference-component.desired-copy-count-set/v1",
                    new InferenceComponentEvent.DesiredCopyCountSet(3, CopyCountCause.API, T1)),
            Map.entry(
                    "inference-component.desired-copy-count-set/v2",
                    new InferenceComponentEvent.DesiredCopyCountSet(4, CopyCountCause.AUTOSCALING, T1)),
            Map.entry("inference-component.in-service/v1", new InferenceComponentEvent.InService(T1)),
            Map.entry(
                    "inference-component.failed/v1",
                    new InferenceComponentEvent.Failed("Model container exited with code 137.", T1)),
            Map.entry(
                    "inference-component.adapter-attached/v1",
                    new InferenceComponentEvent.AdapterAttached("llm-adapter", T1)),
            Map.entry("inference-component.deletion-started/v1", new InferenceComponentEvent.DeletionStarted(T1)),
            Map.entry("inference-component.deleted/v1", new InferenceComponentEvent.Deleted(T1)),
            Map.entry(
                    "fleet.instance-requested/v1",
                    new FleetEvent.InstanceRequested(
                            "i-1", "ml.g5.12xlarge", "2 copies of llm-ic do not fit the running instances.", T0)),
            Map.entry(
                    "fleet.instance-requested/v2",
                    new FleetEvent.InstanceRequested(
                            "i-2",
                            "ml.g5.12xlarge",
                            "us-east-1b",
                            "2 copies of llm-ic do not fit the running instances.",
                            T0)),
            Map.entry(
                    "fleet.instance-registered/v1",
                    new FleetEvent.InstanceRegistered(
                            "i-1", "http://127.0.0.1:41234", new FleetEvent.Capacity(47_000, 188_416, 4), T1)),
            Map.entry("fleet.instance-lost/v1", new FleetEvent.InstanceLost("i-1", "No heartbeat for 30 s.", T1)),
            Map.entry(
                    "fleet.instance-launch-failed/v1",
                    new FleetEvent.InstanceLaunchFailed(
                            "i-3",
                            "ml.g5.12xlarge",
                            "InsufficientInstanceCapacity: We currently do not have sufficient ml.g5.12xlarge capacity.",
                            T1)),
            Map.entry(
                    "fleet.instance-drain-started/v1",
                    new FleetEvent.InstanceDrainStarted("i-2", "Its copies fit on i-1.", T1)),
            Map.entry(
                    "fleet.instance-retired/v1",
                    new FleetEvent.InstanceRetired("i-2", "Hosted nothing for 10 min.", T1)),
            Map.entry(
                    "fleet.copy-scheduled/v1",
                    new FleetEvent.CopyScheduled(
                            "llm-ic",
                            "llm-ic-c2",
                            "i-1",
                            List.of(2, 3),
                            2_500,
                            8_192,
                            "llm-ic-c1",
                            "Moves llm-ic-c1 off i-2 so i-2 can be retired.",
                            T1,
                            T1)),
            Map.entry(
                    "fleet.copy-scheduled/v2",
                    new FleetEvent.CopyScheduled(
                            "llm-ic",
                            "llm-ic-c2",
                            "i-1",
                            List.of(2, 3),
                            2_500,
                            8_192,
                            "llm-ic-c1",
                            "Moves llm-ic-c1 off i-2 so i-2 can be retired.",
                            T0,
                            T1)),
            Map.entry("fleet.copy-loaded/v1", new FleetEvent.CopyLoaded("llm-ic-c2", T1)),
            Map.entry("fleet.adapter-loaded/v1", new FleetEvent.AdapterLoaded("llm-ic-c2", "llm-adapter-eu", T0, T1)),
            Map.entry(
                    "fleet.adapter-load-failed/v1",
                    new FleetEvent.AdapterLoadFailed(
                            "llm-ic-c2",
                            "llm-adapter-eu",
                            T0,
                            "POST /adapters answered 400: the adapter's rank exceeds max_lora_rank.",
                            T1)),
            Map.entry("fleet.adapter-unloaded/v1", new FleetEvent.AdapterUnloaded("llm-ic-c2", "llm-adapter-eu", T1)),
            Map.entry(
                    "fleet.copy-failed/v1",
                    new FleetEvent.CopyFailed(
                            "llm-ic-c2",
                            "The container did not answer GET /ping within 600 s.",
                            "loading weights...\nCUDA out of memory",
                            T1)),
            Map.entry(
                    "fleet.copy-removal-scheduled/v1",
                    new FleetEvent.CopyRemovalScheduled("llm-ic-c1", "Replaced by llm-ic-c2.", T1)),
            Map.entry("fleet.copy-removed/v1", new FleetEvent.CopyRemoved("llm-ic-c1", T1)),
            Map.entry(
                    "fleet.placement-blocked/v1",
                    new FleetEvent.PlacementBlocked(
                            "llm-ic", "1 copy pending: needs 2 accelerator devices; MaxInstanceCount 2 reached.", T1)),
            Map.entry(
                    "scalable-target.registered/v1",
                    new ScalingEvent.ScalableTargetRegistered(
                            "sagemaker",
                            "inference-component/llm-ic",
                            "sagemaker:inference-component:DesiredCopyCount",
                            1,
                            4,
                            ROLE,
                            ScalingEvent.SuspendedState.none(),
                            "arn:aws:application-autoscaling:us-east-1:123456789012:scalable-target/"
                                    + "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
                            T0)),
            Map.entry(
                    "scalable-target.updated/v1",
                    new ScalingEvent.ScalableTargetUpdated(
                            0, 4, ROLE, new ScalingEvent.SuspendedState(true, false, false), T1)),
            Map.entry("scalable-target.deregistered/v1", new ScalingEvent.ScalableTargetDeregistered(T1)),
            Map.entry(
                    "scalable-target.policy-put/v1",
                    new ScalingEvent.ScalingPolicyPut(
                            "llm-ic-invocations",
                            POLICY_ARN,
                            "TargetTrackingScaling",
                            TARGET_TRACKING,
                            List.of(
                                    new ScalingEvent.PolicyAlarm(HIGH_ALARM, ALARM_ARN + HIGH_ALARM),
                                    new ScalingEvent.PolicyAlarm(LOW_ALARM, ALARM_ARN + LOW_ALARM)),
                            T0,
                            T1)),
            Map.entry(
                    "scalable-target.policy-deleted/v1",
                    new ScalingEvent.ScalingPolicyDeleted("llm-ic-invocations", T1)),
            Map.entry(
                    "scalable-target.activity-recorded/v1",
                    new ScalingEvent.ScalingActivityRecorded(
                            "7d4f5c1e-2b3a-4c5d-8e9f-0a1b2c3d4e5f",
                            "llm-ic-invocations",
                            "Attempting to scale due to alarm triggered",
                            "monitor alarm " + HIGH_ALARM + " in state ALARM triggered policy llm-ic-invocations",
                            "Failed",
                            "Failed to set desired copy count to 4",
                            "",
                            4,
                            4,
                            List.of(new ScalingEvent.NotScaledReason("AlreadyAtMaxCapacity", 1, 4, 4)),
                            T1)),
            Map.entry(
                    "scalable-target.activity-completed/v1",
                    new ScalingEvent.ScalingActivityCompleted(
                            "7d4f5c1e-2b3a-4c5d-8e9f-0a1b2c3d4e5f",
                            "Successful",
                            "Successfully set desired copy count to 3. Change successfully fulfilled by sagemaker.",
                            T1)));

    private GoldenEvents() {}

    static String key(String type, int version) {
        return type + "/v" + version;
    }

    private static Document doc(String json) {
        try {
            return Document.of((ObjectNode) new ObjectMapper().readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
