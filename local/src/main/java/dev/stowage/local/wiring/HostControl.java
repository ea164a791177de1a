package dev.stowage.local.wiring;

import dev.stowage.functions.api.ApiHandler;
import dev.stowage.host.FleetPort;
import dev.stowage.host.control.ApiFleetPort;
import dev.stowage.host.control.ApiRoutingDirectory;
import dev.stowage.host.control.Backoff;
import dev.stowage.host.control.SignedJsonClient;
import dev.stowage.host.serving.RoutingDirectory;
import dev.stowage.local.app.LocalEnvironment;
import dev.stowage.wire.protocol.ServiceModel;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** How local mode's hosts reach the control plane: in process, or through the local API as on AWS. */
record HostControl(FleetPort fleet, RoutingDirectory directory) {

    /**
     * The adapters of a host on AWS, calling the local API's {@code POST /host} signed with the local credentials;
     * routing answers are kept {@code fresh}.
     */
    static HostControl throughApi(LocalEnvironment environment, Duration fresh) {
        SignedJsonClient api = new SignedJsonClient(
                URI.create(environment.endpoint() + ApiHandler.HOST_PATH),
                ServiceModel.stowageHost().targetPrefix(),
                environment.region().id(),
                StaticCredentialsProvider.create(environment.credentials()),
                Backoff.standard());
        return new HostControl(new ApiFleetPort(api), new ApiRoutingDirectory(api, fresh, Duration.ofMinutes(5)));
    }
}
