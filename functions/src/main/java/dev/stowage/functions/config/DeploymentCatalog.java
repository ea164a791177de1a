package dev.stowage.functions.config;

import dev.stowage.domain.instances.InstanceTypeCatalog;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The instance types a deployment allows: {@code STOWAGE_INSTANCE_TYPES} (comma-separated {@code ml.*} names, set
 * from the CDK context {@code stowage:instanceTypes}); unset or empty, every type Stowage supports. An endpoint
 * configuration naming another type is refused as unsupported, and {@code Stowage.DescribeInstanceTypes} lists only
 * these.
 */
public final class DeploymentCatalog {
    public static final String VARIABLE = "STOWAGE_INSTANCE_TYPES";

    private DeploymentCatalog() {}

    public static InstanceTypeCatalog fromEnvironment() {
        return of(Environment.variables());
    }

    static InstanceTypeCatalog of(Map<String, String> environment) {
        List<String> names = Arrays.stream(
                        environment.getOrDefault(VARIABLE, "").split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .toList();
        return names.isEmpty()
                ? InstanceTypeCatalog.standard()
                : InstanceTypeCatalog.standard().restrictedTo(names);
    }
}
