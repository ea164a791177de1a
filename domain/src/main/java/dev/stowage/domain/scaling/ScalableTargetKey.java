package dev.stowage.domain.scaling;

import dev.stowage.domain.CommandRejected;
import dev.stowage.domain.store.StreamIds;
import java.util.Optional;

/**
 * What names a scalable target on the wire: service namespace, resource id and scalable dimension. Stowage scales
 * one kind: {@code sagemaker}, {@code inference-component/<name>}, {@code
 * sagemaker:inference-component:DesiredCopyCount}.
 */
public record ScalableTargetKey(String serviceNamespace, String resourceId, String scalableDimension) {
    public static final String NAMESPACE = "sagemaker";
    public static final String DIMENSION = "sagemaker:inference-component:DesiredCopyCount";
    public static final String RESOURCE_TYPE = "inference-component/";

    /** The key of an inference component's desired copy count. */
    public static ScalableTargetKey ofComponent(String componentName) {
        return new ScalableTargetKey(NAMESPACE, RESOURCE_TYPE + componentName, DIMENSION);
    }

    /** The inference component the resource id names, when the key is one Stowage scales. */
    public Optional<String> componentName() {
        if (!NAMESPACE.equals(serviceNamespace) || !DIMENSION.equals(scalableDimension)) {
            return Optional.empty();
        }
        if (!resourceId.startsWith(RESOURCE_TYPE)) {
            return Optional.empty();
        }
        String name = resourceId.substring(RESOURCE_TYPE.length());
        return name.isEmpty() || name.contains("/") ? Optional.empty() : Optional.of(name);
    }

    /** The component name, or the service's refusal of a namespace, resource type or dimension it does not scale. */
    public String requireComponent() {
        return componentName()
                .orElseThrow(() -> CommandRejected.validation(
                        "Unsupported service namespace, resource type or scalable dimension"));
    }

    /** The event stream of this target. */
    public String stream() {
        return StreamIds.scalableTarget(resourceId);
    }

    /** The service's answer when no target is registered under this key. */
    public CommandRejected notRegistered() {
        return CommandRejected.notFound("No scalable target registered for service namespace: " + serviceNamespace
                + ", resource ID: " + resourceId + ", scalable dimension: " + scalableDimension);
    }
}
