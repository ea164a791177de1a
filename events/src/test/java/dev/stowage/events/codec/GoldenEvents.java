package dev.stowage.events.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.events.CopyCountCause;
import dev.stowage.events.Document;
import dev.stowage.events.EndpointConfigEvent;
import dev.stowage.events.EndpointEvent;
import dev.stowage.events.Event;
import dev.stowage.events.InferenceComponentEvent;
import dev.stowage.events.ModelEvent;
import java.time.Instant;
import java.util.Map;

/** The record each golden file ({@code golden/<type>/v<N>.json}) must decode to. */
final class GoldenEvents {
    static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");
    static final Instant T1 = Instant.parse("2026-03-01T10:20:00.123Z");
    static final String ARN = "arn:aws:sagemaker:us-east-1:123456789012:";

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
                    "inference-component.desired-copy-count-set/v1",
                    new InferenceComponentEvent.DesiredCopyCountSet(3, CopyCountCause.API, T1)),
            Map.entry(
                    "inference-component.desired-copy-count-set/v2",
                    new InferenceComponentEvent.DesiredCopyCountSet(4, CopyCountCause.AUTOSCALING, T1)),
            Map.entry("inference-component.in-service/v1", new InferenceComponentEvent.InService(T1)),
            Map.entry(
                    "inference-component.failed/v1",
                    new InferenceComponentEvent.Failed("Model container exited with code 137.", T1)),
            Map.entry("inference-component.deletion-started/v1", new InferenceComponentEvent.DeletionStarted(T1)),
            Map.entry("inference-component.deleted/v1", new InferenceComponentEvent.Deleted(T1)));

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
