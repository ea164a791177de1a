package dev.stowage.domain.fleet;

import static dev.stowage.domain.Fixtures.doc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.component.InferenceComponentState;
import dev.stowage.domain.component.InferenceComponentStatus;
import dev.stowage.domain.endpoint.EndpointState;
import dev.stowage.domain.endpoint.EndpointStatus;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.events.Document;
import dev.stowage.events.FleetEvent;
import dev.stowage.events.FleetEvent.Capacity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Fleet rounds ({@link FleetRound#decide}) in two zones (us-east-1a, us-east-1b) on a variant of two ml.g5.12xlarge
 * instances, with a component of two 1-GPU copies whose specification has a SchedulingConfig: given the fleet's
 * events, then the round's events.
 */
class FleetSchedulingRoundSpec {
    private static final FleetKey FLEET = new FleetKey("ep", "AllTraffic");
    private static final String G5 = "ml.g5.12xlarge";
    private static final Capacity FOUR_GPUS = new Capacity(44_000, 180_000, 4);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final FleetSettings SETTINGS = FleetSettings.defaults().withZones(2);
    private static final Document CONFIG = doc("{'ProductionVariants':[{'VariantName':'AllTraffic',"
            + "'InstanceType':'" + G5 + "','InitialInstanceCount':2}]}");
    private static final List<FleetEvent> TWO_ZONES = List.of(
            new FleetEvent.InstanceRequested("i-1", G5, "us-east-1a", "asked", T0),
            new FleetEvent.InstanceRequested("i-2", G5, "us-east-1b", "asked", T0),
            new FleetEvent.InstanceRegistered("i-1", "http://i-1", FOUR_GPUS, T0),
            new FleetEvent.InstanceRegistered("i-2", "http://i-2", FOUR_GPUS, T0));
    private static final Map<String, Instant> HEARTBEATS = Map.of("i-1", T1, "i-2", T1);

    @Test
    void new_instances_are_requested_in_the_least_used_zone() {
        assertThat(round(List.of(), Map.of(), "{'PlacementStrategy':'SPREAD'}"))
                .extracting(e -> ((FleetEvent.InstanceRequested) e).zone())
                .containsExactly("us-east-1a", "us-east-1b");
    }

    @Test
    void a_zone_on_the_stream_is_the_instance_s_zone() {
        assertThat(new FleetDecider().fold(TWO_ZONES).instances().get("i-2").zone())
                .isEqualTo("us-east-1b");
    }

    @Test
    void spread_puts_the_copies_on_both_instances() {
        assertThat(round(TWO_ZONES, HEARTBEATS, "{'PlacementStrategy':'SPREAD'}"))
                .extracting(e -> ((FleetEvent.CopyScheduled) e).instanceId())
                .containsExactly("i-1", "i-2");
    }

    @Test
    void binpack_puts_the_copies_on_one_instance() {
        assertThat(round(TWO_ZONES, HEARTBEATS, "{'PlacementStrategy':'BINPACK'}"))
                .extracting(e -> ((FleetEvent.CopyScheduled) e).instanceId())
                .containsExactly("i-1", "i-1");
    }

    @Test
    void a_permissive_zone_balance_outranks_binpack_and_keeps_the_zones_even() {
        assertThat(round(
                        TWO_ZONES,
                        HEARTBEATS,
                        "{'PlacementStrategy':'BINPACK',"
                                + "'AvailabilityZoneBalance':{'EnforcementMode':'PERMISSIVE','MaxImbalance':0}}"))
                .extracting(e -> ((FleetEvent.CopyScheduled) e).instanceId())
                .containsExactly("i-1", "i-2");
    }

    private static List<FleetEvent> round(
            List<FleetEvent> history, Map<String, Instant> heartbeats, String schedulingConfig) {
        FleetState fleet = new FleetDecider().fold(history);
        EndpointState endpoint = new EndpointState.Present("ep", CONFIG, EndpointStatus.IN_SERVICE);
        FleetPlanning planning = FleetPlanning.of(FLEET, endpoint, fleet, InstanceTypeCatalog.standard(), SETTINGS, T1);
        return FleetRound.decide(fleet, planning, Map.of("a", component(schedulingConfig)), heartbeats, SETTINGS, T1);
    }

    private static InferenceComponentState.Present component(String schedulingConfig) {
        return new InferenceComponentState.Present(
                "a",
                "ep",
                "AllTraffic",
                doc("{'ComputeResourceRequirements':{'NumberOfAcceleratorDevicesRequired':1.0,"
                        + "'MinMemoryRequiredInMb':1024},'SchedulingConfig':" + schedulingConfig + "}"),
                2,
                InferenceComponentStatus.IN_SERVICE,
                T0,
                T0,
                new InferenceComponentState.Updates(Optional.empty(), Optional.empty(), Optional.empty()),
                List.of());
    }
}
