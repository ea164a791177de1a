package dev.stowage.domain.fleet;

import dev.stowage.domain.endpoint.CapacityReservationConfig;
import java.util.Optional;

/**
 * One instance for an {@link InstanceProvider} to launch.
 *
 * @param fleetStream the fleet the instance belongs to
 * @param instanceId the fleet's id of the instance
 * @param instanceType its type ({@code ml.g5.xlarge})
 * @param zone the availability zone placement asked it in; {@code ""} when zones are unknown (any will do)
 * @param clientToken unique to the instance: a repeated launch with it starts nothing new
 * @param reservation the variant's {@code CapacityReservationConfig}: launch only into that reservation
 */
public record Launch(
        String fleetStream,
        String instanceId,
        String instanceType,
        String zone,
        String clientToken,
        Optional<CapacityReservationConfig> reservation) {

    /** A launch in no particular zone and into no reservation. */
    public static Launch of(String fleetStream, String instanceId, String instanceType, String clientToken) {
        return new Launch(fleetStream, instanceId, instanceType, "", clientToken, Optional.empty());
    }

    /** This launch into the reservation {@code config}. */
    public Launch into(CapacityReservationConfig config) {
        return new Launch(fleetStream, instanceId, instanceType, zone, clientToken, Optional.of(config));
    }
}
