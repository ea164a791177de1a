package dev.stowage.host;

import dev.stowage.domain.views.EndpointRow;
import dev.stowage.domain.views.InferenceComponentRow;
import dev.stowage.host.serving.RoutingDirectory;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A control plane that knows no endpoint: for tests of a host's copies, which never invoke them through it, and the
 * base of routers' test directories, which override what they know.
 */
public class NoRoutes implements RoutingDirectory {
    @Override
    public String account() {
        return "123456789012";
    }

    @Override
    public Optional<EndpointRow> endpoint(String endpointName) {
        return Optional.empty();
    }

    @Override
    public Optional<InferenceComponentRow> component(String inferenceComponentName) {
        return Optional.empty();
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
        throw new UnsupportedOperationException("no endpoint is known, so no request can wait");
    }
}
