package dev.stowage.functions.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.domain.endpoint.CapacityReservationConfig;
import dev.stowage.domain.fleet.InsufficientCapacity;
import dev.stowage.domain.fleet.Launch;
import dev.stowage.functions.ec2.Ec2Responses.Reservation;
import dev.stowage.testing.aws.CannedResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Launches into the EC2 capacity reservations that stand for a variant's MlReservationArn (ADR 27). */
class Ec2ReservedLaunchTest {
    private static final String FLEET = "fleet/ep/AllTraffic";
    private static final String ARN = "arn:aws:sagemaker:us-east-1:123456789012:ml-reservation/r-1";
    private static final CapacityReservationConfig ONLY =
            new CapacityReservationConfig(CapacityReservationConfig.RESERVATIONS_ONLY, ARN);

    private final ScriptedEc2 aws = new ScriptedEc2();
    private final Ec2InstanceProvider provider =
            new Ec2InstanceProvider(aws.ec2, aws.elb, Ec2InstanceProviderTest.SETTINGS);

    @AfterEach
    void close() {
        aws.close();
    }

    private void script(List<Reservation> reservations, CannedResponse... runs) {
        aws.script(Map.of(
                "DescribeInstances", List.of(Ec2Responses.describe(List.of(), "")),
                "DescribeCapacityReservations", List.of(Ec2Responses.describeCapacityReservations(reservations)),
                "RunInstances", runs.length == 0 ? List.of(Ec2Responses.runInstances("i-0aaa")) : List.of(runs)));
    }

    private static Launch reserved(String zone) {
        return new Launch(FLEET, "i-1", "ml.g5.xlarge", zone, "token-1", Optional.of(ONLY));
    }

    @Test
    void the_launch_targets_the_tagged_reservation_through_a_subnet_of_its_zone() {
        script(List.of(new Reservation("cr-b", "g5.xlarge", "us-east-1b", 2)));

        provider.launch(reserved("us-east-1b"));

        Map<String, String> find =
                aws.server.requests("DescribeCapacityReservations").getFirst().form();
        assertThat(find)
                .containsEntry("Filter.1.Name", "tag:stowage-ml-reservation-arn")
                .containsEntry("Filter.1.Value.1", ARN)
                .containsEntry("Filter.2.Name", "instance-type")
                .containsEntry("Filter.2.Value.1", "g5.xlarge")
                .containsEntry("Filter.3.Name", "state")
                .containsEntry("Filter.3.Value.1", "active")
                .containsEntry("Filter.4.Name", "instance-platform")
                .containsEntry("Filter.4.Value.1", "Linux/UNIX");
        assertThat(aws.server.requests("RunInstances").getFirst().form())
                .containsEntry(
                        "CapacityReservationSpecification.CapacityReservationTarget.CapacityReservationId", "cr-b")
                .containsEntry("SubnetId", "subnet-b")
                .containsEntry("InstanceType", "g5.xlarge")
                .containsEntry("ClientToken", "token-1")
                .doesNotContainKey("CapacityReservationSpecification.CapacityReservationPreference");
    }

    @Test
    void an_instance_of_no_particular_zone_goes_to_the_roomiest_reservation_with_a_host_subnet() {
        script(List.of(
                new Reservation("cr-x", "g5.xlarge", "us-east-1f", 9),
                new Reservation("cr-a", "g5.xlarge", "us-east-1a", 1),
                new Reservation("cr-b", "g5.xlarge", "us-east-1b", 3)));

        provider.launch(reserved(""));

        assertThat(aws.server.requests("RunInstances").getFirst().form())
                .containsEntry(
                        "CapacityReservationSpecification.CapacityReservationTarget.CapacityReservationId", "cr-b")
                .containsEntry("SubnetId", "subnet-b");
    }

    @Test
    void a_full_reservation_passes_to_the_next_one_in_the_zone() {
        script(
                List.of(
                        new Reservation("cr-a1", "g5.xlarge", "us-east-1a", 2),
                        new Reservation("cr-a2", "g5.xlarge", "us-east-1a", 1)),
                Ec2Responses.ec2Error(400, "ReservationCapacityExceeded"),
                Ec2Responses.runInstances("i-0aaa"));

        provider.launch(reserved("us-east-1a"));

        assertThat(aws.server.requests("RunInstances"))
                .extracting(r -> r.form()
                        .get("CapacityReservationSpecification.CapacityReservationTarget.CapacityReservationId"))
                .containsExactly("cr-a1", "cr-a2");
    }

    @Test
    void no_reservation_with_room_in_the_zone_is_a_shortage_and_never_an_on_demand_launch() {
        script(List.of(
                new Reservation("cr-a", "g5.xlarge", "us-east-1a", 0),
                new Reservation("cr-b", "g5.xlarge", "us-east-1b", 4)));

        assertThatThrownBy(() -> provider.launch(reserved("us-east-1a")))
                .isInstanceOf(InsufficientCapacity.class)
                .hasMessage("ReservationCapacityExceeded: Instance i-1 (ml.g5.xlarge) was not launched: its variant"
                        + " launches only into its capacity reservation (capacity-reservations-only, " + ARN + "), and"
                        + " no active EC2 capacity reservation for g5.xlarge tagged stowage-ml-reservation-arn with"
                        + " that ARN in us-east-1a took it. Found: cr-b in us-east-1b (4 available);"
                        + " cr-a in us-east-1a (0 available).");
        assertThat(aws.server.requests("RunInstances")).isEmpty();
    }

    @Test
    void a_reservation_nobody_tagged_is_a_shortage_that_says_how_to_map_it() {
        script(List.of());

        assertThatThrownBy(() -> provider.launch(reserved("")))
                .isInstanceOf(InsufficientCapacity.class)
                .hasMessageEndingWith("None is tagged so: tag the reservation(s) that stand for it in this account.");
        assertThat(aws.server.requests("RunInstances")).isEmpty();
    }

    @Test
    void every_reservation_refusing_is_a_shortage_listing_the_refusals() {
        script(
                List.of(new Reservation("cr-a", "g5.xlarge", "us-east-1a", 1)),
                Ec2Responses.ec2Error(400, "ReservationCapacityExceeded"));

        assertThatThrownBy(() -> provider.launch(reserved("")))
                .isInstanceOf(InsufficientCapacity.class)
                .hasMessageContaining("Refused: cr-a through subnet-")
                .hasMessageEndingWith(": ReservationCapacityExceeded.");
        assertThat(aws.server.requests("RunInstances")).hasSize(1);
    }
}
