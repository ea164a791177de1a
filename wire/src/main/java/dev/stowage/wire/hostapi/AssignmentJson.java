package dev.stowage.wire.hostapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.fleet.CopyAssignment;
import dev.stowage.domain.fleet.FleetCopyRecord;

/** An element of {@code DescribeAssignments}' {@code Assignments}: a copy on the instance and what it runs. */
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
        return out;
    }
}
