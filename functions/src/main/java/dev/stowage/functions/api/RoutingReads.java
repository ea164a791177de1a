package dev.stowage.functions.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.CommandRejected;
import dev.stowage.domain.endpoint.ProductionVariant;
import dev.stowage.domain.views.EndpointRow;
import dev.stowage.domain.views.InferenceComponentRow;
import dev.stowage.domain.views.ViewKind;
import dev.stowage.wire.hostapi.RoutingSnapshot;
import dev.stowage.wire.hostapi.RoutingSnapshot.VariantRoutes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code DescribeRouting}: what the routers of the hosts read of an endpoint, named directly or through one of its
 * inference components. The endpoint, the named component and the fleets are consistent reads of their streams; the
 * other components come from the views (the API projects its own writes at once, ADR 4).
 */
final class RoutingReads {
    private final Reads reads;
    private final String account;

    RoutingReads(Reads reads, String account) {
        this.reads = reads;
        this.account = account;
    }

    RoutingSnapshot describe(ObjectNode input) {
        Optional<String> named = Json.text(input, "EndpointName");
        Optional<String> componentName = Json.text(input, "InferenceComponentName");
        if (named.isEmpty() && componentName.isEmpty()) {
            throw CommandRejected.validation("Either EndpointName or InferenceComponentName must be given.");
        }
        Optional<InferenceComponentRow> asked = componentName.flatMap(
                name -> reads.find(ViewKind.INFERENCE_COMPONENT, name, InferenceComponentRow.class));
        Optional<EndpointRow> endpoint = named.or(() -> asked.map(InferenceComponentRow::endpointName))
                .flatMap(name -> reads.find(ViewKind.ENDPOINT, name, EndpointRow.class));
        if (endpoint.isEmpty()) {
            return RoutingSnapshot.absent(account);
        }
        String endpointName = endpoint.get().name();
        List<InferenceComponentRow> components = new ArrayList<>();
        asked.filter(component -> component.endpointName().equals(endpointName)).ifPresent(components::add);
        reads.listAll(ViewKind.INFERENCE_COMPONENT, InferenceComponentRow.class).stream()
                .filter(row -> row.endpointName().equals(endpointName))
                .filter(row ->
                        components.stream().noneMatch(known -> known.name().equals(row.name())))
                .forEach(components::add);
        List<VariantRoutes> variants = ProductionVariant.of(endpoint.get().endpointConfig()).stream()
                .map(variant ->
                        VariantRoutes.of(variant.variantName(), reads.fleet(endpointName, variant.variantName())))
                .toList();
        return new RoutingSnapshot(account, endpoint, components, variants);
    }
}
