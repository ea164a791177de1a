package dev.stowage.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.Arns;
import dev.stowage.domain.controlplane.ControlPlane;
import dev.stowage.domain.endpoint.EndpointDecider;
import dev.stowage.domain.fleet.FleetInstanceRecord;
import dev.stowage.domain.fleet.FleetState;
import dev.stowage.domain.views.EndpointRow;
import dev.stowage.domain.views.Page;
import dev.stowage.domain.views.ViewKind;
import java.util.Map;

/** CreateEndpoint, DescribeEndpoint, UpdateEndpoint, DeleteEndpoint, ListEndpoints. */
final class EndpointOperations {
    private static final String NAME = "EndpointName";
    private static final String ARN = "EndpointArn";
    private static final String CONFIG = "EndpointConfigName";

    private final ControlPlane controlPlane;
    private final Reads reads;
    private final Arns arns;

    EndpointOperations(ControlPlane controlPlane, Reads reads, Arns arns) {
        this.controlPlane = controlPlane;
        this.reads = reads;
        this.arns = arns;
    }

    ObjectNode create(ObjectNode input, String requestId) {
        String name = Json.requiredText(input, NAME);
        controlPlane.createEndpoint(name, Json.requiredText(input, CONFIG), requestId);
        return Json.object().put(ARN, arns.endpoint(name));
    }

    ObjectNode update(ObjectNode input, String requestId) {
        String name = Json.requiredText(input, NAME);
        controlPlane.updateEndpoint(name, Json.requiredText(input, CONFIG), requestId);
        return Json.object().put(ARN, arns.endpoint(name));
    }

    ObjectNode delete(ObjectNode input, String requestId) {
        controlPlane.deleteEndpoint(Json.requiredText(input, NAME), requestId);
        return Json.object();
    }

    ObjectNode describe(ObjectNode input) {
        String name = Json.requiredText(input, NAME);
        EndpointRow row =
                reads.describe(ViewKind.ENDPOINT, name, EndpointRow.class, () -> EndpointDecider.notFound(arns, name));
        ObjectNode output =
                Json.object().put(NAME, row.name()).put(ARN, row.arn()).put(CONFIG, row.endpointConfigName());
        ArrayNode variants = output.putArray("ProductionVariants");
        row.endpointConfig()
                .at("ProductionVariants")
                .ifPresent(list -> list.forEach(v -> variants.add(
                        summary(v, reads.fleet(row.name(), v.path("VariantName").asText())))));
        output.put("EndpointStatus", row.endpointStatus().wireName());
        row.failureReason().ifPresent(reason -> output.put("FailureReason", reason));
        output.set("CreationTime", Json.epochSeconds(row.creationTime()));
        output.set("LastModifiedTime", Json.epochSeconds(row.lastModifiedTime()));
        return output;
    }

    /**
     * A variant as DescribeEndpoint shows it: current instances are those registered; desired ones those
     * registered or requested (the initial count until placement has run).
     */
    private static ObjectNode summary(JsonNode variant, FleetState fleet) {
        ObjectNode summary =
                Json.object().put("VariantName", variant.path("VariantName").asText());
        double weight = variant.path("InitialVariantWeight").asDouble(1.0);
        summary.put("CurrentWeight", weight).put("DesiredWeight", weight);
        if (variant.has("InitialInstanceCount")) {
            long desired = fleet.instances().isEmpty()
                    ? variant.path("InitialInstanceCount").intValue()
                    : fleet.instances().values().stream()
                            .filter(i -> i.status() != FleetInstanceRecord.Status.DRAINING)
                            .count();
            summary.put("CurrentInstanceCount", fleet.runningInstances()).put("DesiredInstanceCount", desired);
        }
        if (variant.path("InstancePools").isArray()) {
            Map<String, Integer> running = fleet.runningInstancesByType();
            ArrayNode pools = summary.putArray("InstancePools");
            variant.get("InstancePools").forEach(pool -> {
                String type = pool.path("InstanceType").asText();
                pools.addObject().put("InstanceType", type).put("CurrentInstanceCount", running.getOrDefault(type, 0));
            });
        }
        for (String member : new String[] {"ManagedInstanceScaling", "RoutingConfig"}) {
            if (variant.hasNonNull(member)) {
                summary.set(member, variant.get(member).deepCopy());
            }
        }
        JsonNode reservation = variant.path("CapacityReservationConfig");
        if (reservation.isObject()) {
            // Locally accepted and shown; on AWS, launches target the reservation (ADR 27).
            ObjectNode shown = summary.putObject("CapacityReservationConfig");
            for (String member : new String[] {"CapacityReservationPreference", "MlReservationArn"}) {
                if (reservation.hasNonNull(member)) {
                    shown.set(member, reservation.get(member).deepCopy());
                }
            }
        }
        return summary;
    }

    ObjectNode list(ObjectNode input) {
        Page<EndpointRow> page = reads.list(ViewKind.ENDPOINT, input, EndpointRow.class);
        ObjectNode output = Json.object();
        ArrayNode endpoints = output.putArray("Endpoints");
        for (EndpointRow row : page.items()) {
            ObjectNode item = endpoints.addObject().put(NAME, row.name()).put(ARN, row.arn());
            item.set("CreationTime", Json.epochSeconds(row.creationTime()));
            item.set("LastModifiedTime", Json.epochSeconds(row.lastModifiedTime()));
            item.put("EndpointStatus", row.endpointStatus().wireName());
        }
        page.nextToken().ifPresent(token -> output.put("NextToken", token));
        return output;
    }
}
