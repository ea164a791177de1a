package dev.stowage.wire.hostapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.fleet.CopyAdapter;
import dev.stowage.domain.fleet.CopyAssignment;
import dev.stowage.domain.fleet.FleetCopyRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An element of {@code DescribeAssignments}' {@code Assignments}: a copy on the instance, what it runs and the adapters
 * it is to have loaded. Specification times travel as ISO-8601 text, exact to the nanosecond, since hosts report them
 * back to be compared.
 */
public final class AssignmentJson {
    private AssignmentJson() {}

    public static ObjectNode encode(CopyAssignment assignment) {
        FleetCopyRecord copy = assignment.copy();
        ObjectNode out = JsonNodeFactory.instance
                .objectNode()
                .put("CopyId", copy.copyId())
                .put("InferenceComponentName", copy.inferenceComponentName())
                .put("MilliCores", copy.milliCores())
                .put("MemoryInMiB", copy.memoryMib())
                .put("Status", copy.status().name());
        copy.deviceIndices().forEach(out.putArray("AcceleratorDeviceIndices")::add);
        out.set("Specification", assignment.specification().toJson());
        if (!assignment.adapters().isEmpty()) {
            ArrayNode adapters = out.putArray("Adapters");
            assignment.adapters().forEach(adapter -> adapters.addObject()
                    .put("AdapterName", adapter.adapterName())
                    .put("ArtifactUrl", adapter.artifactUrl())
                    .put("SpecifiedAt", adapter.specifiedAt().toString())
                    .put("Reported", adapter.reported()));
        }
        return out;
    }

    /** The {@code Adapters} of an encoded assignment (none when absent). */
    public static List<CopyAdapter> adapters(JsonNode assignment) {
        List<CopyAdapter> adapters = new ArrayList<>();
        assignment
                .path("Adapters")
                .forEach(adapter -> adapters.add(new CopyAdapter(
                        adapter.path("AdapterName").asText(),
                        adapter.path("ArtifactUrl").asText(),
                        Instant.parse(adapter.path("SpecifiedAt").asText()),
                        adapter.path("Reported").asBoolean())));
        return List.copyOf(adapters);
    }
}
