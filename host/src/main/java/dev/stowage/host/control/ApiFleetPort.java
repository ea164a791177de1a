package dev.stowage.host.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.events.Document;
import dev.stowage.events.FleetEvent.Capacity;
import dev.stowage.host.Assignment;
import dev.stowage.host.FleetPort;
import dev.stowage.wire.hostapi.AssignmentJson;
import dev.stowage.wire.hostapi.HostKeys;
import dev.stowage.wire.hostapi.HostKeysJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fleet port of a host on AWS: each call is one {@code StowageHost} operation on the API. Texts longer than the
 * service accepts are cut: a failure reason to its first 1,024 characters, a log tail to its last 16,384.
 */
public final class ApiFleetPort implements FleetPort {
    static final int MAX_REASON = 1024;
    static final int MAX_PROGRESS = 256;
    static final int MAX_LOG_TAIL = 16_384;

    private final SignedJsonClient api;

    public ApiFleetPort(SignedJsonClient api) {
        this.api = api;
    }

    @Override
    public void register(String endpoint, String variant, String instanceId, String address, Capacity capacity) {
        ObjectNode input =
                fleet(endpoint, variant).put("InstanceId", instanceId).put("Address", address);
        input.putObject("Capacity")
                .put("MilliCores", capacity.milliCores())
                .put("MemoryInMiB", capacity.memoryMib())
                .put("AcceleratorDevices", capacity.acceleratorDevices());
        api.call("RegisterInstance", input);
    }

    @Override
    public void heartbeat(String endpoint, String variant, String instanceId, Map<String, String> loading) {
        ObjectNode input = fleet(endpoint, variant).put("InstanceId", instanceId);
        if (!loading.isEmpty()) {
            ArrayNode list = input.putArray("Loading");
            loading.forEach((copy, progress) ->
                    list.addObject().put("CopyId", copy).put("Progress", first(progress, MAX_PROGRESS)));
        }
        api.call("SendHeartbeat", input);
    }

    @Override
    public List<Assignment> assignments(String endpoint, String variant, String instanceId) {
        JsonNode output =
                api.call("DescribeAssignments", fleet(endpoint, variant).put("InstanceId", instanceId));
        List<Assignment> assignments = new ArrayList<>();
        output.path("Assignments").forEach(item -> assignments.add(assignment(item)));
        return assignments;
    }

    @Override
    public void copyLoaded(String endpoint, String variant, String copyId) {
        api.call("ReportCopyLoaded", fleet(endpoint, variant).put("CopyId", copyId));
    }

    @Override
    public void adapterLoaded(String endpoint, String variant, String copyId, String adapterName, Instant specifiedAt) {
        api.call(
                "ReportAdapterLoaded",
                fleet(endpoint, variant)
                        .put("CopyId", copyId)
                        .put("AdapterName", adapterName)
                        .put("SpecifiedAt", specifiedAt.toString()));
    }

    @Override
    public void adapterLoadFailed(
            String endpoint, String variant, String copyId, String adapterName, Instant specifiedAt, String reason) {
        api.call(
                "ReportAdapterLoadFailed",
                fleet(endpoint, variant)
                        .put("CopyId", copyId)
                        .put("AdapterName", adapterName)
                        .put("SpecifiedAt", specifiedAt.toString())
                        .put("FailureReason", first(reason, MAX_REASON)));
    }

    @Override
    public void adapterUnloaded(String endpoint, String variant, String copyId, String adapterName) {
        api.call(
                "ReportAdapterUnloaded",
                fleet(endpoint, variant).put("CopyId", copyId).put("AdapterName", adapterName));
    }

    @Override
    public void copyFailed(String endpoint, String variant, String copyId, String reason, String logTail) {
        api.call(
                "ReportCopyFailed",
                fleet(endpoint, variant)
                        .put("CopyId", copyId)
                        .put("FailureReason", first(reason, MAX_REASON))
                        .put("LogTail", last(logTail, MAX_LOG_TAIL)));
    }

    @Override
    public void copyRemoved(String endpoint, String variant, String copyId) {
        api.call("ReportCopyRemoved", fleet(endpoint, variant).put("CopyId", copyId));
    }

    @Override
    public HostKeys hostKeys(String endpoint, String variant, String instanceId) {
        return HostKeysJson.decode(
                api.call("DescribeHostKeys", fleet(endpoint, variant).put("InstanceId", instanceId)));
    }

    private static ObjectNode fleet(String endpoint, String variant) {
        return JsonNodeFactory.instance
                .objectNode()
                .put("EndpointName", endpoint)
                .put("VariantName", variant);
    }

    private static Assignment assignment(JsonNode item) {
        List<Integer> devices = new ArrayList<>();
        item.path("AcceleratorDeviceIndices").forEach(index -> devices.add(index.asInt()));
        JsonNode specification = item.path("Specification");
        return new Assignment(
                item.path("CopyId").asText(),
                item.path("InferenceComponentName").asText(),
                devices,
                item.path("MilliCores").asLong(),
                item.path("MemoryInMiB").asLong(),
                Assignment.State.valueOf(item.path("Status").asText()),
                specification instanceof ObjectNode object ? Document.of(object) : Document.empty(),
                AssignmentJson.adapters(item));
    }

    private static String first(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static String last(String text, int max) {
        return text.length() <= max ? text : text.substring(text.length() - max);
    }
}
