package dev.stowage.functions.ec2;

import dev.stowage.domain.endpoint.CapacityReservationConfig;
import dev.stowage.domain.fleet.InsufficientCapacity;
import dev.stowage.domain.fleet.Launch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CapacityReservation;
import software.amazon.awssdk.services.ec2.model.Filter;

/**
 * Launches into the EC2 On-Demand Capacity Reservations that stand for a SageMaker ML reservation in this account
 * (ADR 27): those the team tagged {@value #TAG} = the variant's {@code MlReservationArn}, active, of the instance
 * type, for Linux. DescribeCapacityReservations has no resource-level permission; IAM grants it on {@code *}.
 */
final class CapacityReservations {
    /** The tag that maps an EC2 capacity reservation to an {@code MlReservationArn} (no {@code :}, as Ec2Tags). */
    static final String TAG = "stowage-ml-reservation-arn";

    static final String EXCEEDED = "ReservationCapacityExceeded";
    static final String NO_FREE_ADDRESSES = "InsufficientFreeAddressesInSubnet";

    /** One RunInstances into a reservation: empty when the instance runs, else the code EC2 refused it with. */
    interface Attempt {
        Optional<String> run(String subnet, String reservationId);
    }

    /** A reservation as a launch needs it: where it is and how many instances it still has room for. */
    record Reserved(String id, String zone, int available) {
        String describe() {
            return id + " in " + zone + " (" + available + " available)";
        }
    }

    private final Ec2Client ec2;
    private final Ec2FleetSettings settings;

    CapacityReservations(Ec2Client ec2, Ec2FleetSettings settings) {
        this.ec2 = ec2;
        this.settings = settings;
    }

    /**
     * Into one of the reservations for {@code config}, in the asked zone (any, when unknown), through a host subnet
     * of the reservation's zone (the next subnet only when one has no free address, else the next reservation).
     * {@code capacity-reservations-only} is never on-demand: when no reservation takes the instance, {@link
     * InsufficientCapacity} says what was found and why none took it.
     */
    void launchInto(CapacityReservationConfig config, Launch launch, Attempt attempt) {
        String ec2Type = Ec2FleetSettings.ec2Type(launch.instanceType());
        List<Reserved> found = find(config.mlReservationArn(), ec2Type);
        List<String> refusals = new ArrayList<>();
        for (Reserved reserved : found) {
            boolean inZone = launch.zone().isEmpty() || launch.zone().equals(reserved.zone());
            List<String> subnets = inZone && reserved.available() > 0
                    ? settings.subnetsFor(launch.instanceId(), reserved.zone())
                    : List.of();
            for (String subnet : subnets) {
                Optional<String> refusal = attempt.run(subnet, reserved.id());
                if (refusal.isEmpty()) {
                    return;
                }
                refusals.add(reserved.id() + " through " + subnet + ": " + refusal.get());
                if (!refusal.get().equals(NO_FREE_ADDRESSES)) {
                    break;
                }
            }
        }
        throw new InsufficientCapacity(EXCEEDED + ": " + Ec2InstanceProvider.notLaunched(launch)
                + ": its variant launches only into its capacity reservation (" + config.preference() + ", "
                + config.mlReservationArn() + "), and no active EC2 capacity reservation for " + ec2Type + " tagged "
                + TAG + " with that ARN" + (launch.zone().isEmpty() ? "" : " in " + launch.zone()) + " took it. "
                + seen(found, refusals));
    }

    private String seen(List<Reserved> found, List<String> refusals) {
        if (found.isEmpty()) {
            return "None is tagged so: tag the reservation(s) that stand for it in this account.";
        }
        List<String> seen = new ArrayList<>();
        for (Reserved reserved : found) {
            String note = settings.subnetsFor("", reserved.zone()).isEmpty() ? ", no host subnet in its zone" : "";
            seen.add(reserved.describe() + note);
        }
        return "Found: " + String.join("; ", seen) + "."
                + (refusals.isEmpty() ? "" : " Refused: " + String.join(", ", refusals) + ".");
    }

    /** The reservations for {@code mlReservationArn} and {@code ec2Type}, the roomiest first (then by id). */
    List<Reserved> find(String mlReservationArn, String ec2Type) {
        List<Filter> filters = List.of(
                Ec2Tags.tagFilter(TAG, mlReservationArn),
                filter("instance-type", ec2Type),
                filter("state", "active"),
                filter("instance-platform", "Linux/UNIX"));
        return ec2.describeCapacityReservationsPaginator(b -> b.filters(filters)).capacityReservations().stream()
                .map(CapacityReservations::reserved)
                .sorted(Comparator.comparingInt(Reserved::available).reversed().thenComparing(Reserved::id))
                .toList();
    }

    private static Reserved reserved(CapacityReservation reservation) {
        Integer available = reservation.availableInstanceCount();
        return new Reserved(
                reservation.capacityReservationId(), reservation.availabilityZone(), available == null ? 0 : available);
    }

    private static Filter filter(String name, String value) {
        return Filter.builder().name(name).values(value).build();
    }
}
