package dev.stowage.domain.component;

import dev.stowage.domain.CommandRejected;
import dev.stowage.domain.endpoint.ProductionVariant;
import dev.stowage.domain.instances.Demand;
import dev.stowage.domain.instances.FitCheck;
import dev.stowage.domain.instances.InstanceType;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.events.Document;
import java.util.Optional;

/**
 * The most copies an inference component may want: the operator's {@link CopyQuota}, and what its variant can
 * ever hold (its most instances, times the copies of its demand one instance of its roomiest type fits). A count beyond
 * either could never be placed; it is refused with {@code ResourceLimitExceeded}, so no valid-looking request can
 * leave a component wanting billions of copies.
 */
final class CopyLimit {
    private CopyLimit() {}

    static void checkQuota(int copyCount, CopyQuota quota) {
        if (copyCount > quota.copiesPerInferenceComponent()) {
            throw CommandRejected.limitExceeded("The account-level service limit 'Maximum copies per inference"
                    + " component' is " + quota.copiesPerInferenceComponent() + " copies, and the request asks for "
                    + copyCount + ". Ask the operator of this Stowage deployment to raise the quota"
                    + " (STOWAGE_MAX_COPIES_PER_INFERENCE_COMPONENT).");
        }
    }

    /** The variant's most instances times the copies one instance of its roomiest type for them holds. */
    static void checkRoom(
            int copyCount, Specifications specifications, ProductionVariant variant, InstanceTypeCatalog catalog) {
        Optional<InstanceType> roomiest = Optional.empty();
        long perInstance = 0;
        for (String typeName : variant.instanceTypesByPriority()) {
            Optional<InstanceType> type = catalog.find(typeName);
            Optional<Document> entry = specifications.forType(typeName);
            if (type.isPresent() && entry.isPresent()) {
                long copies = FitCheck.copiesPerInstance(Demand.ofSpecification(entry.get()), type.get());
                if (roomiest.isEmpty() || copies > perInstance) {
                    roomiest = type;
                    perInstance = copies;
                }
            }
        }
        if (roomiest.isEmpty()) {
            return;
        }
        Optional<Integer> managedMax = variant.managedInstanceScaling()
                .filter(ProductionVariant.InstanceScaling::enabled)
                .flatMap(ProductionVariant.InstanceScaling::maxInstanceCount);
        int instances =
                managedMax.orElseGet(() -> variant.initialInstanceCount().orElse(1));
        long most = perInstance * instances;
        if (copyCount > most) {
            throw CommandRejected.limitExceeded("CopyCount " + copyCount + " exceeds the " + most
                    + " copies variant \"" + variant.variantName() + "\" can hold: at most " + instances
                    + (instances == 1 ? " instance" : " instances")
                    + (managedMax.isPresent() ? " (its MaxInstanceCount)" : " (its InitialInstanceCount)")
                    + " of " + roomiest.get().name() + ", " + perInstance + (perInstance == 1 ? " copy" : " copies")
                    + " each.");
        }
    }
}
