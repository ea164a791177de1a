package dev.stowage.functions.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.CommandRejected;
import dev.stowage.domain.fleet.FleetCopyRecord;
import dev.stowage.domain.fleet.FleetKey;
import dev.stowage.domain.fleet.FleetReports;
import dev.stowage.domain.fleet.FleetRepository;
import dev.stowage.domain.scaling.ScalingReactor;
import dev.stowage.events.FleetEvent.Capacity;
import dev.stowage.functions.ec2.HostVerifier;
import dev.stowage.functions.hostkeys.DeploymentKeys;
import dev.stowage.wire.hostapi.AssignmentJson;
import dev.stowage.wire.hostapi.HostKeysJson;
import dev.stowage.wire.hostapi.RoutingSnapshotJson;
import dev.stowage.wire.protocol.Caller;
import dev.stowage.wire.protocol.ServiceModel;
import dev.stowage.wire.protocol.WireError;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What inference hosts call (target prefix {@code StowageHost}, served on {@code POST /host} only): the fleet
 * reports of {@link FleetReports}, the reads and signals of their routers, and the keys they trust each other and their
 * front by ({@link DeploymentKeys}, ADR 23). Every report is idempotent, so hosts retry freely.
 */
public final class HostApi implements ServiceApi {
    private static final ServiceModel MODEL = ServiceModel.stowageHost();

    /** The target prefix of the hosts' operations. */
    public static final String TARGET_PREFIX = MODEL.targetPrefix();

    private final FleetReports reports;
    private final RoutingReads routing;
    private final ScalingReactor scaling;
    private final FleetRepository fleets;
    private final HostVerifier verifier;
    private final DeploymentKeys keys;

    HostApi(
            FleetReports reports,
            RoutingReads routing,
            ScalingReactor scaling,
            FleetRepository fleets,
            HostVerifier verifier,
            DeploymentKeys keys) {
        this.reports = reports;
        this.routing = routing;
        this.scaling = scaling;
        this.fleets = fleets;
        this.verifier = verifier;
        this.keys = keys;
    }

    @Override
    public ServiceModel model() {
        return MODEL;
    }

    @Override
    public Optional<ObjectNode> invoke(String operation, ObjectNode input, String requestId) {
        return invoke(operation, input, requestId, Caller.UNKNOWN);
    }

    @Override
    public Optional<ObjectNode> invoke(String operation, ObjectNode input, String requestId, Caller caller) {
        verify(operation, input, caller);
        switch (operation) {
            case "RegisterInstance" ->
                reports.register(fleet(input), text(input, "InstanceId"), text(input, "Address"), capacity(input));
            case "SendHeartbeat" -> reports.heartbeat(fleet(input), text(input, "InstanceId"), loading(input));
            case "DescribeAssignments" -> {
                ObjectNode output = Json.object();
                ArrayNode list = output.putArray("Assignments");
                reports.assignments(fleet(input), text(input, "InstanceId"))
                        .forEach(assignment -> list.add(AssignmentJson.encode(assignment)));
                return Optional.of(output);
            }
            case "ReportCopyLoaded" -> reports.copyLoaded(fleet(input), text(input, "CopyId"));
            case "ReportAdapterLoaded" ->
                reports.adapterLoaded(
                        fleet(input),
                        text(input, "CopyId"),
                        text(input, "AdapterName"),
                        specifiedAt(text(input, "SpecifiedAt")));
            case "ReportAdapterLoadFailed" ->
                reports.adapterLoadFailed(
                        fleet(input),
                        text(input, "CopyId"),
                        text(input, "AdapterName"),
                        specifiedAt(text(input, "SpecifiedAt")),
                        text(input, "FailureReason"));
            case "ReportAdapterUnloaded" ->
                reports.adapterUnloaded(fleet(input), text(input, "CopyId"), text(input, "AdapterName"));
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
            case "DescribeHostKeys" -> {
                return Optional.of(HostKeysJson.encode(keys.describe()));
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

    /**
     * A host speaks only for its own instance: its registration, heartbeats and assignments, and the copies placed on
     * it; and only an instance of the deployment gets its keys. Routing reads and waiting requests concern any endpoint
     * a host routes, so anyone the API lets in may ask.
     */
    private void verify(String operation, ObjectNode input, Caller caller) {
        switch (operation) {
            case "RegisterInstance", "SendHeartbeat", "DescribeAssignments", "DescribeHostKeys" ->
                verifier.verify(caller, fleet(input), text(input, "InstanceId"));
            case "ReportCopyLoaded",
                    "ReportAdapterLoaded",
                    "ReportAdapterUnloaded",
                    "ReportAdapterLoadFailed",
                    "ReportCopyFailed",
                    "ReportCopyRemoved" -> verifyCopyReport(caller, fleet(input), text(input, "CopyId"));
            default -> {}
        }
    }

    /**
     * A copy is reported on by the instance it is placed on. A report on a copy that is gone changes nothing (the
     * fleet ignores it), so it needs no check; a caller no one authenticated is for the verifier to judge.
     */
    private void verifyCopyReport(Caller caller, FleetKey fleet, String copyId) {
        if (caller.principalArn().isEmpty()) {
            verifier.verify(caller, fleet, "");
            return;
        }
        FleetCopyRecord copy = fleets.load(fleet.stream()).state().copies().get(copyId);
        if (copy != null) {
            verifier.verify(caller, fleet, copy.instanceId());
        }
    }

    /** A heartbeat's {@code Loading}: each loading copy's progress, by copy id. */
    private static Map<String, String> loading(ObjectNode input) {
        Map<String, String> loading = new TreeMap<>();
        input.path("Loading")
                .forEach(copy -> loading.put(
                        copy.path("CopyId").asText(), copy.path("Progress").asText()));
        return loading;
    }

    private static Instant specifiedAt(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw CommandRejected.validation("SpecifiedAt must be an ISO-8601 instant, not \"" + text + "\".");
        }
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
