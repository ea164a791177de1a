package dev.stowage.functions.dashboards;

import dev.stowage.domain.endpoint.ProductionVariant;
import dev.stowage.domain.views.EndpointRow;
import dev.stowage.domain.views.InferenceComponentRow;
import java.util.List;
import java.util.Optional;

/**
 * What an endpoint's dashboard shows: the endpoint, its variants (with their instance types) and the inference
 * components on it at the moment, by name.
 */
public record EndpointOutline(String endpointName, List<Variant> variants, List<String> components) {

    /** A production variant and the instance type it runs on (none for a serverless one). */
    public record Variant(String variantName, Optional<String> instanceType) {}

    public EndpointOutline {
        variants = List.copyOf(variants);
        components = List.copyOf(components);
    }

    /** The outline of {@code endpoint} as its config describes it, with {@code components} on it. */
    public static EndpointOutline of(EndpointRow endpoint, List<InferenceComponentRow> components) {
        return new EndpointOutline(
                endpoint.name(),
                ProductionVariant.of(endpoint.endpointConfig()).stream()
                        .map(v -> new Variant(
                                v.variantName(),
                                v.instanceTypesByPriority().isEmpty()
                                        ? Optional.empty()
                                        : Optional.of(String.join(" or ", v.instanceTypesByPriority()))))
                        .toList(),
                components.stream().map(InferenceComponentRow::name).sorted().toList());
    }
}
