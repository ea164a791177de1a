package dev.stowage.wire.hostapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.component.InferenceComponentStatus;
import dev.stowage.domain.endpoint.EndpointStatus;
import dev.stowage.domain.views.EndpointRow;
import dev.stowage.domain.views.InferenceComponentRow;
import dev.stowage.events.Document;
import dev.stowage.wire.hostapi.RoutingSnapshot.LoadedCopy;
import dev.stowage.wire.hostapi.RoutingSnapshot.VariantRoutes;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code DescribeRouting}'s output ({@code service-models/stowage-host.json}) to and from a {@link RoutingSnapshot}.
 * Of the endpoint's config only {@code ProductionVariants} travels (the router reads nothing else); timestamps are
 * epoch seconds as on the AWS JSON wire.
 */
public final class RoutingSnapshotJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RoutingSnapshotJson() {}

    public static ObjectNode encode(RoutingSnapshot snapshot) {
        ObjectNode out = NODES.objectNode().put("Account", snapshot.account());
        snapshot.endpoint().ifPresent(endpoint -> out.set("Endpoint", endpoint(endpoint)));
        ArrayNode components = out.putArray("InferenceComponents");
        snapshot.components().forEach(component -> components.add(component(component)));
        ArrayNode variants = out.putArray("Variants");
        for (VariantRoutes routes : snapshot.variants()) {
            ObjectNode variant = variants.addObject().put("VariantName", routes.variantName());
            ArrayNode hosts = variant.putArray("Hosts");
            routes.hosts().forEach(host -> hosts.add(host.toString()));
            ArrayNode copies = variant.putArray("Copies");
            routes.copies().forEach(copy -> {
                ObjectNode loaded = copies.addObject()
                        .put("InferenceComponentName", copy.inferenceComponentName())
                        .put("CopyId", copy.copyId())
                        .put("InstanceId", copy.instanceId())
                        .put("Host", copy.host().toString());
                if (!copy.adapters().isEmpty()) {
                    copy.adapters().forEach(loaded.putArray("Adapters")::add);
                }
            });
        }
        return out;
    }

    private static List<String> texts(JsonNode list) {
        List<String> texts = new ArrayList<>();
        list.forEach(text -> texts.add(text.asText()));
        return texts;
    }

    public static RoutingSnapshot decode(JsonNode in) {
        Optional<EndpointRow> endpoint = Optional.ofNullable(in.get("Endpoint")).map(RoutingSnapshotJson::endpoint);
        List<InferenceComponentRow> components = new ArrayList<>();
        in.path("InferenceComponents").forEach(component -> components.add(component(component)));
        List<VariantRoutes> variants = new ArrayList<>();
        for (JsonNode variant : in.path("Variants")) {
            List<URI> hosts = new ArrayList<>();
            variant.path("Hosts").forEach(host -> hosts.add(URI.create(host.asText())));
            List<LoadedCopy> copies = new ArrayList<>();
            variant.path("Copies")
                    .forEach(copy -> copies.add(new LoadedCopy(
                            copy.path("InferenceComponentName").asText(),
                            copy.path("CopyId").asText(),
                            copy.path("InstanceId").asText(),
                            URI.create(copy.path("Host").asText()),
                            texts(copy.path("Adapters")))));
            variants.add(new VariantRoutes(variant.path("VariantName").asText(), hosts, copies));
        }
        return new RoutingSnapshot(in.path("Account").asText(), endpoint, components, variants);
    }

    private static ObjectNode endpoint(EndpointRow row) {
        ObjectNode out = NODES.objectNode()
                .put("EndpointName", row.name())
                .put("EndpointArn", row.arn())
                .put("EndpointConfigName", row.endpointConfigName())
                .put("EndpointStatus", row.endpointStatus().wireName());
        row.failureReason().ifPresent(reason -> out.put("FailureReason", reason));
        out.set(
                "ProductionVariants",
                row.endpointConfig().at("ProductionVariants").orElse(NODES.arrayNode()));
        return times(out, row.creationTime(), row.lastModifiedTime(), row.lastVersion());
    }

    private static EndpointRow endpoint(JsonNode in) {
        ObjectNode config = NODES.objectNode();
        config.set("ProductionVariants", in.path("ProductionVariants").deepCopy());
        return new EndpointRow(
                in.path("EndpointName").asText(),
                in.path("EndpointArn").asText(),
                in.path("EndpointConfigName").asText(),
                Document.of(config),
                EndpointStatus.fromWireName(in.path("EndpointStatus").asText()),
                text(in, "FailureReason"),
                instant(in, "CreationTime"),
                instant(in, "LastModifiedTime"),
                in.path("LastVersion").asLong());
    }

    private static ObjectNode component(InferenceComponentRow row) {
        ObjectNode out = NODES.objectNode()
                .put("InferenceComponentName", row.name())
                .put("InferenceComponentArn", row.arn())
                .put("EndpointName", row.endpointName())
                .put("EndpointArn", row.endpointArn())
                .put("VariantName", row.variantName())
                .put("InferenceComponentStatus", row.componentStatus().wireName())
                .put("DesiredCopyCount", row.desiredCopyCount())
                .put("CurrentCopyCount", row.currentCopyCount());
        out.set("Specification", row.specification().toJson());
        row.failureReason().ifPresent(reason -> out.put("FailureReason", reason));
        return times(out, row.creationTime(), row.lastModifiedTime(), row.lastVersion());
    }

    private static InferenceComponentRow component(JsonNode in) {
        JsonNode specification = in.path("Specification");
        return new InferenceComponentRow(
                in.path("InferenceComponentName").asText(),
                in.path("InferenceComponentArn").asText(),
                in.path("EndpointName").asText(),
                in.path("EndpointArn").asText(),
                in.path("VariantName").asText(),
                specification instanceof ObjectNode object ? Document.of(object.deepCopy()) : Document.empty(),
                InferenceComponentStatus.fromWireName(
                        in.path("InferenceComponentStatus").asText()),
                text(in, "FailureReason"),
                in.path("DesiredCopyCount").asInt(),
                in.path("CurrentCopyCount").asInt(),
                instant(in, "CreationTime"),
                instant(in, "LastModifiedTime"),
                in.path("LastVersion").asLong());
    }

    private static ObjectNode times(ObjectNode out, Instant created, Instant modified, long version) {
        out.set("CreationTime", epochSeconds(created));
        out.set("LastModifiedTime", epochSeconds(modified));
        return out.put("LastVersion", version);
    }

    private static JsonNode epochSeconds(Instant instant) {
        return DecimalNode.valueOf(BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3));
    }

    private static Instant instant(JsonNode in, String member) {
        JsonNode value = in.path(member);
        return value.isNumber()
                ? Instant.ofEpochMilli(value.decimalValue().movePointRight(3).longValue())
                : Instant.EPOCH;
    }

    private static Optional<String> text(JsonNode in, String member) {
        JsonNode value = in.get(member);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }
}
