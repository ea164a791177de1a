package dev.stowage.domain.endpoint;

import dev.stowage.domain.CommandRejected;
import java.util.HashSet;
import java.util.Set;

/**
 * The rules on a variant's {@code InstancePools} that the wire model cannot say: a variant names its instances by
 * {@code InstanceType} or by {@code InstancePools}, not both; each pool has its own type; and a pool's {@code
 * ModelNameOverride} replaces the variant's {@code ModelName}, so a variant for inference components (which has none;
 * its components' {@code Specifications} choose a model per type) cannot have one.
 */
final class PoolRules {
    private PoolRules() {}

    static void check(ProductionVariant variant) {
        if (variant.instancePools().isEmpty()) {
            return;
        }
        String name = variant.variantName();
        if (variant.instanceType().isPresent()) {
            throw CommandRejected.validation("InstanceType and InstancePools cannot both be specified for variant \""
                    + name + "\". Specify InstanceType for a single instance type, or InstancePools for several.");
        }
        Set<String> types = new HashSet<>();
        for (ProductionVariant.InstancePool pool : variant.instancePools()) {
            if (!types.add(pool.instanceType())) {
                throw CommandRejected.validation("InstancePools of variant \"" + name + "\" list " + pool.instanceType()
                        + " more than once. Each instance pool must have a different InstanceType.");
            }
            if (pool.modelNameOverride().isPresent() && variant.hostsInferenceComponents()) {
                throw CommandRejected.validation("ModelNameOverride of instance pool " + pool.instanceType()
                        + " requires a ModelName on variant \"" + name + "\". A variant for inference components"
                        + " chooses a model per instance type with the components' Specifications.");
            }
        }
    }
}
