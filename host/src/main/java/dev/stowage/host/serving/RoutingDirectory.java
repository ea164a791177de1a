package dev.stowage.host.serving;

import dev.stowage.domain.views.EndpointRow;
import dev.stowage.domain.views.InferenceComponentRow;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What a router needs to know of the control plane: endpoints and inference components by name, and where the
 * serving copies of a fleet are; and what it tells it: that requests are waiting for capacity. Locally it is read from the event store and kept until the stream says it changed;
 * on AWS a host reads it through the API. Answers may lag the truth by a little: a copy that is gone refuses the
 * request and the router picks again.
 */
public interface RoutingDirectory {

    /** The AWS account the endpoints belong to (the service names it when an endpoint is not found). */
    String account();

    Optional<EndpointRow> endpoint(String endpointName);

    Optional<InferenceComponentRow> component(String inferenceComponentName);

    /** The loaded copies of a component on the running instances of the fleet, with their hosts. */
    List<PeerCopy> copies(String endpointName, String variantName, String inferenceComponentName);

    /** The runtime API addresses of the fleet's running instances. */
    List<URI> hosts(String endpointName, String variantName);

    /** A request is waiting for a component with no serving copy (see {@link CapacityDemand}). */
    void waiting(String endpointName, String variantName, String inferenceComponentName);

    /** A loaded copy on an instance, reached through the host at {@code host}. */
    record PeerCopy(String copyId, String instanceId, URI host) {}
}
