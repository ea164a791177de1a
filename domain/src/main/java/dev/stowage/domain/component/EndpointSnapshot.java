package dev.stowage.domain.component;

import dev.stowage.domain.endpoint.EndpointStatus;
import dev.stowage.domain.endpoint.ProductionVariant;
import java.util.List;
import java.util.Optional;

/** What an inference component needs to know of its endpoint, read just before deciding. */
public record EndpointSnapshot(
        String endpointName, String endpointArn, EndpointStatus status, List<ProductionVariant> variants) {

    /** The named variant, or the endpoint's only variant when no name is given. */
    public Optional<ProductionVariant> variant(Optional<String> variantName) {
        if (variantName.isEmpty()) {
            return variants.size() == 1 ? Optional.of(variants.getFirst()) : Optional.empty();
        }
        return variants.stream()
                .filter(v -> v.variantName().equals(variantName.get()))
                .findFirst();
    }
}
