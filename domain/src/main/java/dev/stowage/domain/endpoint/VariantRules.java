package dev.stowage.domain.endpoint;

import dev.stowage.domain.CommandRejected;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.events.Document;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The service's rules on an endpoint config's production variants, beyond what the wire model checks, and
 * Stowage's own: it runs instance-backed variants only, so a config that asks for something else (serverless,
 * asynchronous, shadow or explainer endpoints) is refused at once rather than left {@code Creating} forever.
 */
final class VariantRules {
    /** Members of a config Stowage cannot run, and what each asks for. */
    private static final Map<String, String> UNSUPPORTED_CONFIG = Map.of(
            "AsyncInferenceConfig", "asynchronous inference",
            "ShadowProductionVariants", "shadow variants",
            "ExplainerConfig", "online explainability");
    /** Members of a variant Stowage cannot run, and what each asks for. */
    private static final Map<String, String> UNSUPPORTED_VARIANT = Map.of(
            "ServerlessConfig", "serverless inference",
            "AcceleratorType", "Elastic Inference accelerators");

    private VariantRules() {}

    static void check(Document config, InstanceTypeCatalog catalog) {
        refuseWhatStowageDoesNotRun(config);
        List<ProductionVariant> variants = ProductionVariant.of(config);
        Set<String> names = new HashSet<>();
        for (ProductionVariant variant : variants) {
            if (!names.add(variant.variantName())) {
                throw CommandRejected.validation("Variant names must be unique. Variant name \"" + variant.variantName()
                        + "\" is used more than once.");
            }
            checkOne(variant);
            PoolRules.check(variant);
            variant.instanceTypesByPriority().stream()
                    .filter(type -> catalog.find(type).isEmpty())
                    .findFirst()
                    .ifPresent(type -> {
                        throw CommandRejected.validation("Instance type " + type + " is not supported by Stowage."
                                + " Stowage.DescribeInstanceTypes lists the supported types.");
                    });
        }
        boolean anyInferenceComponents = variants.stream().anyMatch(ProductionVariant::hostsInferenceComponents);
        if (anyInferenceComponents && variants.size() > 1) {
            throw CommandRejected.validation(
                    "An endpoint configuration for inference components must have exactly one production variant.");
        }
        if (anyInferenceComponents && !config.has("ExecutionRoleArn")) {
            throw CommandRejected.validation(
                    "ExecutionRoleArn is required when the production variant does not specify a ModelName.");
        }
    }

    private static void refuseWhatStowageDoesNotRun(Document config) {
        UNSUPPORTED_CONFIG.forEach((member, what) -> {
            if (config.has(member)) {
                throw unsupported(member, what, "the endpoint configuration");
            }
        });
        config.at("ProductionVariants")
                .ifPresent(variants -> variants.forEach(variant -> {
                    String where = "variant \"" + variant.path("VariantName").asText() + "\"";
                    UNSUPPORTED_VARIANT.forEach((member, what) -> {
                        if (variant.hasNonNull(member)) {
                            throw unsupported(member, what, where);
                        }
                    });
                }));
    }

    private static CommandRejected unsupported(String member, String what, String where) {
        return CommandRejected.validation("Stowage does not run " + what + ": remove " + member + " from " + where
                + ". Stowage runs variants with an InstanceType or InstancePools, and an InitialInstanceCount.");
    }

    private static void checkOne(ProductionVariant variant) {
        String name = variant.variantName();
        if (variant.instanceType().isEmpty() && variant.instancePools().isEmpty()) {
            throw CommandRejected.validation("Variant \"" + name + "\" must specify an InstanceType or InstancePools.");
        }
        if (variant.initialInstanceCount().isEmpty()) {
            throw CommandRejected.validation("InitialInstanceCount is required for variant \"" + name + "\" with "
                    + (variant.instancePools().isEmpty() ? "an InstanceType." : "InstancePools."));
        }
        variant.managedInstanceScaling().ifPresent(scaling -> checkScaling(variant, scaling));
    }

    private static void checkScaling(ProductionVariant variant, ProductionVariant.InstanceScaling scaling) {
        if (!variant.hostsInferenceComponents()) {
            throw CommandRejected.validation(
                    "ManagedInstanceScaling is only supported for inference component endpoints.");
        }
        if (scaling.enabled() && scaling.maxInstanceCount().isEmpty()) {
            throw CommandRejected.validation(
                    "MaxInstanceCount is required when ManagedInstanceScaling Status is ENABLED.");
        }
        int min = scaling.minInstanceCount().orElse(0);
        int max = scaling.maxInstanceCount().orElse(Integer.MAX_VALUE);
        if (min > max) {
            throw CommandRejected.validation(
                    "MinInstanceCount (" + min + ") must be less than or equal to MaxInstanceCount (" + max + ").");
        }
        int initial = variant.initialInstanceCount().orElse(0);
        if (scaling.enabled() && (initial < min || initial > max)) {
            throw CommandRejected.validation("InitialInstanceCount (" + initial + ") must be between MinInstanceCount ("
                    + min + ") and MaxInstanceCount (" + max + ").");
        }
    }
}
