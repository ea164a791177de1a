package dev.stowage.functions.ec2;

import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CapacityReservation;
import software.amazon.awssdk.services.ec2.model.Filter;

/**
 * The EC2 On-Demand Capacity Reservations that stand for a SageMaker ML reservation in this account (ADR 27): those
 * the team tagged {@value #TAG} = the variant's {@code MlReservationArn}, active, of the instance type, for Linux.
 * DescribeCapacityReservations has no resource-level permission; IAM grants it on {@code *}.
 */
final class CapacityReservations {
    /** The tag that maps an EC2 capacity reservation to an {@code MlReservationArn} (no {@code :}, as Ec2Tags). */
    static final String TAG = "stowage-ml-reservation-arn";

    /** A reservation as a launch needs it: where it is and how many instances it still has room for. */
    record Reserved(String id, String zone, int available) {
        String describe() {
            return id + " in " + zone + " (" + available + " available)";
        }
    }

    private final Ec2Client ec2;

    CapacityReservations(Ec2Client ec2) {
        this.ec2 = ec2;
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
