package dev.stowage.domain.component;

import dev.stowage.domain.CommandRejected;
import dev.stowage.domain.endpoint.ProductionVariant;
import dev.stowage.domain.instances.Demand;
import dev.stowage.domain.instances.FitCheck;
import dev.stowage.domain.instances.InstanceType;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.events.Document;
import java.util.List;
import java.util.Optional;

/**
 * Whether a component's copies can ever run on its variant: each instance type its {@link Specifications} name is
 * one of the variant's, a specification for one type fits an empty instance of that type, and one for every type
 * fits an empty instance of at least one of them. Otherwise its copies would stay pending forever.
 */
final class PoolFit {
    private PoolFit() {}

    static void check(Specifications specifications, ProductionVariant variant, InstanceTypeCatalog catalog) {
        List<String> types = variant.instanceTypesByPriority();
        for (String named : specifications.namedTypes()) {
            if (!types.contains(named)) {
                throw CommandRejected.validation("InstanceType " + named + " of the inference component's specification"
                        + " is not an instance type of variant \"" + variant.variantName() + "\" ("
                        + String.join(", ", types) + ").");
            }
        }
        Optional<String> firstMiss = Optional.empty();
        for (String typeName : types) {
            Optional<InstanceType> type = catalog.find(typeName);
            Optional<Document> entry = specifications.forType(typeName);
            if (type.isEmpty() || entry.isEmpty()) {
                continue;
            }
            Optional<String> why = FitCheck.whyNotFits(Demand.ofSpecification(entry.get()), type.get());
            if (why.isEmpty()) {
                if (specifications.anyType()) {
                    return;
                }
                continue;
            }
            if (!specifications.anyType()) {
                throw CommandRejected.validation(why.get());
            }
            firstMiss = firstMiss.or(() -> why);
        }
        firstMiss.ifPresent(why -> {
            throw CommandRejected.validation(why);
        });
    }
}
