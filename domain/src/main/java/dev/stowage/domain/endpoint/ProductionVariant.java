package dev.stowage.domain.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.events.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a production variant the domain reasons about. A variant without {@code ModelName} hosts
 * inference components; one with a model would serve that model alone, which Stowage does not do: such a
 * variant gets no instances.
 */
public record ProductionVariant(
        String variantName,
        Optional<String> modelName,
        Optional<String> instanceType,
        Optional<Integer> initialInstanceCount,
        Optional<InstanceScaling> managedInstanceScaling) {

    /** {@code ManagedInstanceScaling} of a variant. */
    public record InstanceScaling(
            boolean enabled, Optional<Integer> minInstanceCount, Optional<Integer> maxInstanceCount) {}

    public boolean hostsInferenceComponents() {
        return modelName.isEmpty();
    }

    /** The {@code ProductionVariants} of an endpoint config's description. */
    public static List<ProductionVariant> of(Document endpointConfig) {
        List<ProductionVariant> variants = new ArrayList<>();
        endpointConfig.at("ProductionVariants").ifPresent(list -> list.forEach(v -> variants.add(from(v))));
        return List.copyOf(variants);
    }

    private static ProductionVariant from(JsonNode v) {
        return new ProductionVariant(
                v.path("VariantName").asText(),
                text(v, "ModelName"),
                text(v, "InstanceType"),
                integer(v.path("InitialInstanceCount")),
                Optional.ofNullable(v.get("ManagedInstanceScaling")).map(ProductionVariant::scaling));
    }

    private static InstanceScaling scaling(JsonNode s) {
        return new InstanceScaling(
                "ENABLED".equals(s.path("Status").asText()),
                integer(s.path("MinInstanceCount")),
                integer(s.path("MaxInstanceCount")));
    }

    private static Optional<String> text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static Optional<Integer> integer(JsonNode value) {
        return value.isNumber() ? Optional.of(value.intValue()) : Optional.empty();
    }
}
