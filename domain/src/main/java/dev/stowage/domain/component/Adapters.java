package dev.stowage.domain.component;

import dev.stowage.domain.CommandRejected;
import dev.stowage.events.Document;
import java.util.List;
import java.util.Optional;

/**
 * The service's rules on adapter inference components: a {@code Specification} with a {@code
 * BaseInferenceComponentName} and the adapter's {@code Container.ArtifactUrl}, nothing of its own to run on (no
 * compute requirements, model or image) and no copies of its own (no {@code RuntimeConfig}): it is loaded into every
 * copy of its base, a component on the same endpoint that is not itself an adapter.
 */
public final class Adapters {
    static final String BASE = "BaseInferenceComponentName";

    private Adapters() {}

    /** The base a specification names, when it is an adapter's. */
    public static Optional<String> base(Document specification) {
        return specification.text(BASE);
    }

    /** What the base of an adapter being created is, read just before deciding. */
    public record BaseSnapshot(
            String name, String endpointName, String variantName, InferenceComponentStatus status, boolean adapter) {}

    /** An adapter's own specification, on its own. */
    static void checkSpecification(Document specification) {
        if (specification.has("ComputeResourceRequirements")) {
            throw CommandRejected.validation("ComputeResourceRequirements must not be specified for an adapter"
                    + " inference component: it uses the compute resources of its base inference component.");
        }
        if (specification.has("ModelName")
                || specification.text("Container", "Image").isPresent()) {
            throw CommandRejected.validation("An adapter inference component takes only Container.ArtifactUrl, the"
                    + " location of the adapter: ModelName and Container.Image belong to its base inference"
                    + " component.");
        }
        if (specification.text("Container", "ArtifactUrl").isEmpty()) {
            throw CommandRejected.validation(
                    "Container.ArtifactUrl is required for an adapter inference component: it names the adapter's"
                            + " artifacts.");
        }
    }

    /** {@code Specifications} (one per instance type) never name a base. */
    static void refuseInSpecifications(List<Document> specifications) {
        if (specifications.stream().anyMatch(s -> s.has(BASE))) {
            throw CommandRejected.validation(BASE + " can only be given in Specification, not in Specifications.");
        }
    }

    /** The base of an adapter being created, against the request. */
    static BaseSnapshot checkBase(
            String baseName, Optional<BaseSnapshot> base, String endpointName, Optional<String> variantName) {
        BaseSnapshot found = base.filter(b -> b.status() != InferenceComponentStatus.DELETING)
                .orElseThrow(() ->
                        CommandRejected.validation("Could not find base inference component \"" + baseName + "\"."));
        if (!found.endpointName().equals(endpointName)) {
            throw CommandRejected.validation("Base inference component \"" + baseName + "\" is on endpoint \""
                    + found.endpointName() + "\", not on endpoint \"" + endpointName + "\".");
        }
        if (found.adapter()) {
            throw CommandRejected.validation("Inference component \"" + baseName + "\" is an adapter inference"
                    + " component and cannot be the base of another.");
        }
        if (found.status() == InferenceComponentStatus.FAILED) {
            throw CommandRejected.validation("Cannot create an adapter inference component on base inference component"
                    + " \"" + baseName + "\" while it is Failed.");
        }
        variantName.filter(v -> !v.equals(found.variantName())).ifPresent(v -> {
            throw CommandRejected.validation("VariantName \"" + v + "\" does not match the variant \""
                    + found.variantName() + "\" of base inference component \"" + baseName + "\".");
        });
        return found;
    }

    static CommandRejected runtimeConfigGiven() {
        return CommandRejected.validation("RuntimeConfig cannot be specified for an adapter inference component: it is"
                + " loaded into every copy of its base inference component.");
    }

    static CommandRejected baseChanged() {
        return CommandRejected.validation(BASE + " of an inference component cannot be changed.");
    }

    static CommandRejected scaled(String adapter, String base) {
        return CommandRejected.validation("Cannot update the runtime config of adapter inference component \"" + adapter
                + "\": it runs on the copies of its base inference component \"" + base + "\".");
    }

    static CommandRejected stillAdapted(String base, List<String> adapters) {
        return CommandRejected.validation("Cannot delete inference component \"" + base + "\": it is a base inference"
                + " component for one or more associated adapter inference components (" + String.join(", ", adapters)
                + "). Delete the adapter inference components first.");
    }
}
