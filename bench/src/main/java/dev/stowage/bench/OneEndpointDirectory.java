package dev.stowage.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.component.InferenceComponentStatus;
import dev.stowage.domain.endpoint.EndpointStatus;
import dev.stowage.domain.views.EndpointRow;
import dev.stowage.domain.views.InferenceComponentRow;
import dev.stowage.events.Document;
import dev.stowage.host.serving.RoutingDirectory;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the benchmarked host's router knows of the control plane: one endpoint (one variant hosting inference
 * components, LEAST_OUTSTANDING_REQUESTS) and its components, all in service. Copies are the host's own, so no peer
 * is known; a request never waits for capacity.
 */
final class OneEndpointDirectory implements RoutingDirectory {
    private static final String ACCOUNT = "000000000000";
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private final EndpointRow endpoint;
    private final Map<String, InferenceComponentRow> components;

    /** {@code components}: each component's name and its specification. */
    OneEndpointDirectory(String endpointName, String variantName, Map<String, ObjectNode> components) {
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.putArray("ProductionVariants")
                .addObject()
                .put("VariantName", variantName)
                .putObject("RoutingConfig")
                .put("RoutingStrategy", "LEAST_OUTSTANDING_REQUESTS");
        String endpointArn = arn("endpoint", endpointName);
        this.endpoint = new EndpointRow(
                endpointName,
                endpointArn,
                endpointName,
                Document.of(config),
                EndpointStatus.IN_SERVICE,
                Optional.empty(),
                T0,
                T0,
                1);
        Map<String, InferenceComponentRow> rows = new LinkedHashMap<>();
        components.forEach((name, specification) -> rows.put(
                name,
                new InferenceComponentRow(
                        name,
                        arn("inference-component", name),
                        endpointName,
                        endpointArn,
                        variantName,
                        Document.of(specification),
                        InferenceComponentStatus.IN_SERVICE,
                        Optional.empty(),
                        1,
                        1,
                        T0,
                        T0,
                        1)));
        this.components = Map.copyOf(rows);
    }

    /** A directory that knows only the benchmark's endpoint, with no component: for hosts nobody invokes through. */
    static OneEndpointDirectory none() {
        return new OneEndpointDirectory(ContainerHost.ENDPOINT, ContainerHost.VARIANT, Map.of());
    }

    @Override
    public String account() {
        return ACCOUNT;
    }

    @Override
    public Optional<EndpointRow> endpoint(String endpointName) {
        return endpoint.name().equals(endpointName) ? Optional.of(endpoint) : Optional.empty();
    }

    @Override
    public Optional<InferenceComponentRow> component(String inferenceComponentName) {
        return Optional.ofNullable(components.get(inferenceComponentName));
    }

    @Override
    public List<PeerCopy> copies(String endpointName, String variantName, String inferenceComponentName) {
        return List.of();
    }

    @Override
    public List<URI> hosts(String endpointName, String variantName) {
        return List.of();
    }

    @Override
    public void waiting(String endpointName, String variantName, String inferenceComponentName) {
        throw new UnsupportedOperationException("the benchmark's components always have a copy");
    }

    private static String arn(String kind, String name) {
        return "arn:aws:sagemaker:us-east-1:" + ACCOUNT + ":" + kind + "/" + name;
    }
}
