package dev.stowage.functions.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.Arns;
import dev.stowage.domain.controlplane.ControlPlane;
import dev.stowage.domain.endpoint.EndpointConfigDecider;
import dev.stowage.domain.views.EndpointConfigRow;
import dev.stowage.domain.views.Page;
import dev.stowage.domain.views.ViewKind;

/** CreateEndpointConfig, DescribeEndpointConfig, DeleteEndpointConfig, ListEndpointConfigs. */
final class EndpointConfigOperations {
    private static final String NAME = "EndpointConfigName";
    private static final String ARN = "EndpointConfigArn";

    private final ControlPlane controlPlane;
    private final Reads reads;
    private final Arns arns;

    EndpointConfigOperations(ControlPlane controlPlane, Reads reads, Arns arns) {
        this.controlPlane = controlPlane;
        this.reads = reads;
        this.arns = arns;
    }

    ObjectNode create(ObjectNode input, String requestId) {
        String name = Json.requiredText(input, NAME);
        controlPlane.createEndpointConfig(name, Json.description(input, NAME), requestId);
        return Json.object().put(ARN, arns.endpointConfig(name));
    }

    ObjectNode describe(ObjectNode input) {
        String name = Json.requiredText(input, NAME);
        EndpointConfigRow row = reads.describe(
                ViewKind.ENDPOINT_CONFIG,
                name,
                EndpointConfigRow.class,
                () -> EndpointConfigDecider.notFound(arns, name));
        ObjectNode output = Json.object().put(NAME, row.name()).put(ARN, row.arn());
        Json.merge(output, row.description());
        return output.set("CreationTime", Json.epochSeconds(row.creationTime()));
    }

    ObjectNode delete(ObjectNode input, String requestId) {
        controlPlane.deleteEndpointConfig(Json.requiredText(input, NAME), requestId);
        return Json.object();
    }

    ObjectNode list(ObjectNode input) {
        Page<EndpointConfigRow> page = reads.list(ViewKind.ENDPOINT_CONFIG, input, EndpointConfigRow.class);
        ObjectNode output = Json.object();
        ArrayNode configs = output.putArray("EndpointConfigs");
        for (EndpointConfigRow row : page.items()) {
            configs.addObject()
                    .put(NAME, row.name())
                    .put(ARN, row.arn())
                    .set("CreationTime", Json.epochSeconds(row.creationTime()));
        }
        page.nextToken().ifPresent(token -> output.put("NextToken", token));
        return output;
    }
}
