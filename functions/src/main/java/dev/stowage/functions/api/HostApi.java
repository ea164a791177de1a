package dev.stowage.functions.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.CommandRejected;
import dev.stowage.domain.fleet.FleetKey;
import dev.stowage.domain.fleet.FleetReports;
import dev.stowage.domain.scaling.ScalingReactor;
import dev.stowage.events.FleetEvent.Capacity;
import dev.stowage.functions.hostapi.AssignmentJson;
import dev.stowage.functions.hostapi.RoutingSnapshotJson;
import dev.stowage.functions.protocol.ServiceModel;
import dev.stowage.functions.protocol.WireError;
import java.util.Optional;

/**
 * What inference hosts call (target prefix {@code StowageHost}, served on {@code POST /host} only): the fleet
 * reports of {@link FleetReports}, and the reads and signals of their routers. Every report is idempotent, so hosts
 * retry freely.
 */
public final class HostApi implements ServiceApi {
    /** The target prefix of the hosts' operations. */
    public static final String TARGET_PREFIX = "StowageHost";

    private static final ServiceModel MODEL = ServiceModel.stowageHost();

    private final FleetReports reports;
    private final RoutingReads routing;
    private final ScalingReactor scaling;

    HostApi(FleetReports reports, RoutingReads routing, ScalingReactor scaling) {
        this.reports = reports;
        this.routing = routing;
        this.scaling = scaling;
    }

    @Override
    public ServiceModel model() {
        return MODEL;
    }

    @Override
    public Optional<ObjectNode> invoke(String operation, ObjectNode input, String requestId) {
        switch (operation) {
            case "RegisterInstance" ->
                reports.register(fleet(input), text(input, "InstanceId"), text(input, "Address"), capacity(input));
            case "SendHeartbeat" -> reports.heartbeat(fleet(input), text(input, "InstanceId"));
            case "DescribeAssignments" -> {
                ObjectNode output = Json.object();
                ArrayNode list = output.putArray("Assignments");
                reports.assignments(fleet(input), text(input, "InstanceId"))
                        .forEach(assignment -> list.add(AssignmentJson.encode(assignment)));
                return Optional.of(output);
            }
            case "ReportCopyLoaded" -> reports.copyLoaded(fleet(input), text(input, "CopyId"));
            case "ReportCopyFailed" ->
                reports.copyFailed(
                        fleet(input),
                        text(input, "CopyId"),
                        text(input, "FailureReason"),
                        Json.text(input, "LogTail").orElse(""));
            case "ReportCopyRemoved" -> reports.copyRemoved(fleet(input), text(input, "CopyId"));
            case "DescribeRouting" -> {
                return Optional.of(RoutingSnapshotJson.encode(routing.describe(input)));
            }
            // Synchronous here: a Lambda is frozen once it answers. The host does not wait for it.
            case "ReportWaitingRequest" -> scaling.onWaitingRequest(text(input, "InferenceComponentName"));
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(Json.object());
    }

    @Override
    public WireError error(CommandRejected rejected) {
        return ErrorCodes.sageMaker(rejected);
    }

    private static FleetKey fleet(ObjectNode input) {
        return new FleetKey(text(input, "EndpointName"), text(input, "VariantName"));
    }

    private static String text(ObjectNode input, String member) {
        return Json.requiredText(input, member);
    }

    private static Capacity capacity(ObjectNode input) {
        var capacity = input.path("Capacity");
        return new Capacity(
                capacity.path("MilliCores").asLong(),
                capacity.path("MemoryInMiB").asLong(),
                capacity.path("AcceleratorDevices").asInt());
    }
}
