package dev.stowage.host.serving;

import dev.stowage.domain.endpoint.EndpointStatus;
import dev.stowage.domain.endpoint.ProductionVariant;
import dev.stowage.domain.routing.RoutingStrategy;
import dev.stowage.domain.views.EndpointRow;
import dev.stowage.domain.views.InferenceComponentRow;
import dev.stowage.wire.runtime.RuntimeError;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The inference component an invocation is for, on its endpoint's variant, with the variant's routing strategy and
 * how long its requests wait for capacity by default; {@link #resolve} finds it or says, in the service's words, why
 * there is none. {@code adapter} names the adapter to apply when the component is an adapter inference component
 * ({@link AdapterRouting}).
 */
record Target(
        String endpoint,
        String variant,
        String component,
        RoutingStrategy strategy,
        Duration waitForCapacity,
        Optional<Integer> concurrencyLimit,
        Optional<String> adapter) {

    /** A target that is no adapter. */
    Target(
            String endpoint,
            String variant,
            String component,
            RoutingStrategy strategy,
            Duration waitForCapacity,
            Optional<Integer> concurrencyLimit) {
        this(endpoint, variant, component, strategy, waitForCapacity, concurrencyLimit, Optional.empty());
    }

    /** The target, or the {@code ValidationError} that refuses the request. */
    sealed interface Resolution {}

    record Found(Target target) implements Resolution {}

    record Refused(RuntimeError error) implements Resolution {}

    static Resolution resolve(RoutingDirectory directory, String endpointName, Optional<String> componentName) {
        Optional<EndpointRow> endpoint =
                directory.endpoint(endpointName).filter(e -> e.endpointStatus() != EndpointStatus.DELETING);
        if (endpoint.isEmpty()) {
            return new Refused(RuntimeError.endpointNotFound(endpointName, directory.account()));
        }
        List<ProductionVariant> variants = ProductionVariant.of(endpoint.get().endpointConfig());
        if (variants.stream().noneMatch(ProductionVariant::hostsInferenceComponents)) {
            return new Refused(RuntimeError.validation("Endpoint " + endpointName + " serves a model directly;"
                    + " Stowage serves invocations of inference components only."));
        }
        if (componentName.isEmpty()) {
            return new Refused(RuntimeError.inferenceComponentRequired());
        }
        Optional<InferenceComponentRow> component = directory
                .component(componentName.get())
                .filter(ic -> ic.endpointName().equals(endpointName));
        if (component.isEmpty()) {
            return new Refused(RuntimeError.validation(
                    "Inference component " + componentName.get() + " not found on endpoint " + endpointName + "."));
        }
        String variant = component.get().variantName();
        RoutingStrategy strategy = routing(endpoint.get(), variant).orElse(RoutingStrategy.RANDOM);
        InferenceComponentRow runsOn = AdapterRouting.runsOn(directory, component.get());
        return new Found(new Target(
                endpointName,
                variant,
                componentName.get(),
                strategy,
                CapacityWait.ofSpecification(runsOn.specification()),
                CopyConcurrency.ofSpecification(runsOn.specification()),
                AdapterRouting.adapter(component.get())));
    }

    private static Optional<RoutingStrategy> routing(EndpointRow endpoint, String variantName) {
        return endpoint.endpointConfig().at("ProductionVariants").flatMap(list -> {
            for (var v : list) {
                if (v.path("VariantName").asText().equals(variantName)) {
                    return RoutingStrategy.fromWireName(
                            v.path("RoutingConfig").path("RoutingStrategy").asText());
                }
            }
            return Optional.empty();
        });
    }
}
