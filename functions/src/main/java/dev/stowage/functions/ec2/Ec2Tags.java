package dev.stowage.functions.ec2;

import dev.stowage.domain.fleet.FleetKey;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * The tags Stowage puts on the instances it launches (aws-contract), and the filters that find them again. Keys
 * have no {@code /} or {@code :} so that IMDS can expose them to the host.
 */
final class Ec2Tags {
    static final String DEPLOYMENT = "stowage-deployment";
    static final String FLEET = "stowage-fleet";
    static final String ENDPOINT = "stowage-endpoint";
    static final String VARIANT = "stowage-variant";
    static final String INSTANCE = "stowage-instance";
    /** The states of an instance that still counts: not shutting down, not terminated. */
    static final List<String> LIVE_STATES = List.of("pending", "running", "stopping", "stopped");

    private Ec2Tags() {}

    static List<Tag> of(String deployment, String fleetStream, String instanceId) {
        FleetKey fleet = FleetKey.ofStream(fleetStream);
        return List.of(
                tag("Name", "stowage/" + fleet.endpointName() + "/" + fleet.variantName() + "/" + instanceId),
                tag(DEPLOYMENT, deployment),
                tag(FLEET, fleetStream),
                tag(ENDPOINT, fleet.endpointName()),
                tag(VARIANT, fleet.variantName()),
                tag(INSTANCE, instanceId));
    }

    static Filter tagFilter(String key, String value) {
        return Filter.builder().name("tag:" + key).values(value).build();
    }

    static Filter liveStates() {
        return Filter.builder().name("instance-state-name").values(LIVE_STATES).build();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
