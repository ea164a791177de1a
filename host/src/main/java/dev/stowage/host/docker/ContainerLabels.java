package dev.stowage.host.docker;

import dev.stowage.host.runtime.Launch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The labels that say whose a container is — the deployment, the copy's endpoint, variant and instance, its inference
 * component, copy id and specification — and its name. Labels are how a restarted host finds its containers, and how
 * it tells them from another host's on an engine several hosts share (local mode).
 */
final class ContainerLabels {
    static final String PREFIX = "dev.stowage.";
    static final String DEPLOYMENT = PREFIX + "deployment";
    static final String ENDPOINT = PREFIX + "endpoint";
    static final String VARIANT = PREFIX + "variant";
    static final String INSTANCE = PREFIX + "instance";
    static final String COMPONENT = PREFIX + "inference-component";
    static final String COPY = PREFIX + "copy";
    static final String SPECIFICATION = PREFIX + "specification";

    private ContainerLabels() {}

    static Map<String, String> of(String deployment, Launch.CopyIdentity copy) {
        Map<String, String> labels =
                new LinkedHashMap<>(host(deployment, copy.endpointName(), copy.variantName(), copy.instanceId()));
        labels.put(COMPONENT, copy.inferenceComponentName());
        labels.put(COPY, copy.copyId());
        labels.put(SPECIFICATION, copy.specification());
        return labels;
    }

    /** The labels every container of one host carries. */
    static Map<String, String> host(String deployment, String endpointName, String variantName, String instanceId) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(DEPLOYMENT, deployment);
        labels.put(ENDPOINT, endpointName);
        labels.put(VARIANT, variantName);
        labels.put(INSTANCE, instanceId);
        return labels;
    }

    /** Docker's label filters, {@code key=value} each. */
    static List<String> filter(Map<String, String> labels) {
        return labels.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .toList();
    }

    /**
     * {@code stowage.<deployment>.<endpoint>.<variant>.<instance>.<copy>}: unique on the engine while the copy lives,
     * and the same again after its host restarts. Every part is a SageMaker name or a Stowage id ({@code
     * [a-zA-Z0-9-]}), which Docker's names allow.
     */
    static String name(String deployment, Launch.CopyIdentity copy) {
        return String.join(
                ".", "stowage", deployment, copy.endpointName(), copy.variantName(), copy.instanceId(), copy.copyId());
    }
}
