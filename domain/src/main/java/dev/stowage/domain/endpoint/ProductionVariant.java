package dev.stowage.domain.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.events.Document;
import java.util.ArrayList;
import java.util.Comparator;
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
        List<InstancePool> instancePools,
        Optional<Integer> initialInstanceCount,
        Optional<InstanceScaling> managedInstanceScaling,
        Optional<Integer> provisionTimeoutSeconds,
        Optional<CapacityReservationConfig> capacityReservation) {

    /** {@code ManagedInstanceScaling} of a variant. */
    public record InstanceScaling(
            boolean enabled,
            Optional<Integer> minInstanceCount,
            Optional<Integer> maxInstanceCount,
            Optional<ScaleInPolicy> scaleInPolicy) {}

    /**
     * {@code ManagedInstanceScaling.ScaleInPolicy}: {@code Strategy} IDLE_RELEASE or CONSOLIDATION,
     * {@code MaximumStepSize} (default 1), {@code CooldownInMinutes} (default 20).
     */
    public record ScaleInPolicy(String strategy, int maximumStepSize, int cooldownInMinutes) {}

    /** One of a variant's {@code InstancePools}: a type new instances may be, and its priority (1 first). */
    public record InstancePool(String instanceType, int priority, Optional<String> modelNameOverride) {}

    public ProductionVariant {
        instancePools = List.copyOf(instancePools);
    }

    /**
     * The types new instances may be, first choice first: the pools by {@code Priority} (equal priorities in the
     * order given), or the variant's one {@code InstanceType}.
     */
    public List<String> instanceTypesByPriority() {
        if (instancePools.isEmpty()) {
            return instanceType.stream().toList();
        }
        return instancePools.stream()
                .sorted(Comparator.comparingInt(InstancePool::priority))
                .map(InstancePool::instanceType)
                .toList();
    }

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
                pools(v.path("InstancePools")),
                integer(v.path("InitialInstanceCount")),
                Optional.ofNullable(v.get("ManagedInstanceScaling")).map(ProductionVariant::scaling),
                integer(v.path("VariantInstanceProvisionTimeoutInSeconds")),
                Optional.ofNullable(v.get("CapacityReservationConfig"))
                        .filter(c -> c.hasNonNull("MlReservationArn"))
                        .map(c -> new CapacityReservationConfig(
                                c.path("CapacityReservationPreference")
                                        .asText(CapacityReservationConfig.RESERVATIONS_ONLY),
                                c.path("MlReservationArn").asText())));
    }

    private static List<InstancePool> pools(JsonNode list) {
        List<InstancePool> pools = new ArrayList<>();
        list.forEach(pool -> pools.add(new InstancePool(
                pool.path("InstanceType").asText(), pool.path("Priority").asInt(), text(pool, "ModelNameOverride"))));
        return pools;
    }

    private static InstanceScaling scaling(JsonNode s) {
        return new InstanceScaling(
                "ENABLED".equals(s.path("Status").asText()),
                integer(s.path("MinInstanceCount")),
                integer(s.path("MaxInstanceCount")),
                Optional.ofNullable(s.get("ScaleInPolicy"))
                        .filter(JsonNode::isObject)
                        .map(p -> new ScaleInPolicy(
                                p.path("Strategy").asText("IDLE_RELEASE"),
                                integer(p.path("MaximumStepSize")).orElse(1),
                                integer(p.path("CooldownInMinutes")).orElse(20))));
    }

    private static Optional<String> text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static Optional<Integer> integer(JsonNode value) {
        return value.isNumber() ? Optional.of(value.intValue()) : Optional.empty();
    }
}
