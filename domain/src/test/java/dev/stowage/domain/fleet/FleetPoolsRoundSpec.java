package dev.stowage.domain.fleet;

import static dev.stowage.domain.Fixtures.doc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.component.InferenceComponentState;
import dev.stowage.domain.component.InferenceComponentStatus;
import dev.stowage.domain.component.Specifications;
import dev.stowage.domain.endpoint.EndpointState;
import dev.stowage.domain.endpoint.EndpointStatus;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.events.Document;
import dev.stowage.events.FleetEvent;
import dev.stowage.events.FleetEvent.Capacity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Fleet rounds ({@link FleetRound#decide}) on a variant with two instance pools — ml.g5.12xlarge (priority 1) and
 * ml.g6.12xlarge (priority 2), 1–3 instances, a provision timeout of 300 s — given the fleet's events, then the
 * round's events.
 */
class FleetPoolsRoundSpec {
    private static final FleetKey FLEET = new FleetKey("ep", "AllTraffic");
    private static final String G5 = "ml.g5.12xlarge";
    private static final String G6 = "ml.g6.12xlarge";
    private static final Capacity FOUR_GPUS = new Capacity(44_000, 180_000, 4);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final FleetSettings SETTINGS = FleetSettings.defaults();
    private static final String NO_G5 =
            "InsufficientInstanceCapacity: We currently do not have sufficient " + G5 + " capacity.";
    private static final Document CONFIG = doc("{'ProductionVariants':[{'VariantName':'AllTraffic',"
            + "'InstancePools':[{'InstanceType':'" + G6 + "','Priority':2},{'InstanceType':'" + G5 + "','Priority':1}],"
            + "'VariantInstanceProvisionTimeoutInSeconds':300,'InitialInstanceCount':1,"
            + "'ManagedInstanceScaling':{'Status':'ENABLED','MinInstanceCount':1,'MaxInstanceCount':3}}]}");
    private static final InferenceComponentState.Present ONE_GPU = component(doc(
            "{'ComputeResourceRequirements':{'NumberOfAcceleratorDevicesRequired':1.0,'MinMemoryRequiredInMb':1024}}"));

    @Test
    void the_first_instance_comes_from_the_pool_of_highest_priority() {
        assertThat(round(List.of(), Map.of(), T0))
                .singleElement()
                .isInstanceOfSatisfying(FleetEvent.InstanceRequested.class, requested -> {
                    assertThat(requested.instanceType()).isEqualTo(G5);
                    assertThat(requested.why()).endsWith("; from pool " + G5 + " (priority 1 of 2)");
                });
    }

    @Test
    void after_a_launch_failed_for_capacity_the_next_pool_is_asked_and_the_request_says_why() {
        List<FleetEvent> history = List.of(
                new FleetEvent.InstanceRequested("i-1", G5, "asked", T0),
                new FleetEvent.InstanceLaunchFailed("i-1", G5, NO_G5, T0));

        assertThat(round(history, Map.of(), T1))
                .containsExactly(new FleetEvent.InstanceRequested(
                        "i-2",
                        G6,
                        "1 copy (a=1) fit no running or requested instance; they need 1 more of 3 allowed (0 running or"
                                + " requested); from pool " + G6 + " (priority 2 of 2), not " + G5 + ": " + NO_G5
                                + " (at " + T0 + "; asked again after " + T0.plus(Duration.ofMinutes(10)) + ")",
                        T1));
    }

    @Test
    void once_the_retry_period_has_passed_the_preferred_pool_is_asked_again() {
        List<FleetEvent> history = List.of(
                new FleetEvent.InstanceRequested("i-1", G5, "asked", T0),
                new FleetEvent.InstanceLaunchFailed("i-1", G5, NO_G5, T0));
        Instant later = T0.plus(SETTINGS.capacityRetryAfter());

        assertThat(round(history, Map.of(), later))
                .singleElement()
                .isInstanceOfSatisfying(
                        FleetEvent.InstanceRequested.class,
                        requested -> assertThat(requested.instanceType()).isEqualTo(G5));
    }

    @Test
    void an_instance_not_registered_within_the_provision_timeout_failed_for_capacity() {
        List<FleetEvent> history = List.of(new FleetEvent.InstanceRequested("i-1", G5, "asked", T0));
        Instant late = T0.plusSeconds(301);

        List<FleetEvent> events = round(history, Map.of(), late);

        assertThat(events.getFirst())
                .isEqualTo(new FleetEvent.InstanceLaunchFailed(
                        "i-1",
                        G5,
                        "It did not register within the VariantInstanceProvisionTimeoutInSeconds (300 s).",
                        late));
        assertThat(events.get(1)).isInstanceOfSatisfying(FleetEvent.InstanceRequested.class, requested -> assertThat(
                        requested.instanceType())
                .isEqualTo(G6));
        assertThat(round(history, Map.of(), T0.plusSeconds(300))).isEmpty();
    }

    @Test
    void a_copy_on_an_instance_of_the_second_pool_holds_what_that_type_s_specification_asks() {
        Document perType = Specifications.store(List.of(
                doc("{'InstanceType':'" + G5
                        + "','ComputeResourceRequirements':{'NumberOfAcceleratorDevicesRequired':2.0,"
                        + "'MinMemoryRequiredInMb':4096}}"),
                doc("{'InstanceType':'" + G6
                        + "','ComputeResourceRequirements':{'NumberOfAcceleratorDevicesRequired':1.0,"
                        + "'NumberOfCpuCoresRequired':2.0,'MinMemoryRequiredInMb':2048}}")));
        List<FleetEvent> history = List.of(
                new FleetEvent.InstanceRequested("i-1", G6, "asked", T0),
                new FleetEvent.InstanceRegistered("i-1", "http://i-1", FOUR_GPUS, T0));

        assertThat(round(history, Map.of("i-1", T1), T1, component(perType)))
                .singleElement()
                .isInstanceOfSatisfying(FleetEvent.CopyScheduled.class, copy -> {
                    assertThat(copy.deviceIndices()).containsExactly(0);
                    assertThat(copy.milliCores()).isEqualTo(2000);
                    assertThat(copy.memoryMib()).isEqualTo(2048);
                });
    }

    @Test
    void a_registration_of_the_type_ends_its_shortage_and_a_repeated_failure_report_is_nothing() {
        FleetDecider fleets = new FleetDecider();
        FleetState failed = fleets.fold(List.of(
                new FleetEvent.InstanceRequested("i-1", G5, "asked", T0),
                new FleetEvent.InstanceLaunchFailed("i-1", G5, NO_G5, T0),
                new FleetEvent.InstanceRequested("i-2", G5, "asked", T1)));
        assertThat(failed.shortages()).containsOnlyKeys(G5);
        assertThat(fleets.decide(new FleetCommand.ReportLaunchFailed("i-1", NO_G5, T1), failed))
                .isEmpty();

        FleetState registered =
                fleets.fold(failed, List.of(new FleetEvent.InstanceRegistered("i-2", "http://i-2", FOUR_GPUS, T1)));
        assertThat(registered.shortages()).isEmpty();
    }

    private static List<FleetEvent> round(List<FleetEvent> history, Map<String, Instant> heartbeats, Instant now) {
        return round(history, heartbeats, now, ONE_GPU);
    }

    private static List<FleetEvent> round(
            List<FleetEvent> history,
            Map<String, Instant> heartbeats,
            Instant now,
            InferenceComponentState.Present component) {
        FleetState fleet = new FleetDecider().fold(history);
        EndpointState endpoint = new EndpointState.Present("ep", CONFIG, EndpointStatus.IN_SERVICE);
        FleetPlanning planning =
                FleetPlanning.of(FLEET, endpoint, fleet, InstanceTypeCatalog.standard(), SETTINGS, now);
        return FleetRound.decide(fleet, planning, Map.of("a", component), heartbeats, SETTINGS, now);
    }

    private static InferenceComponentState.Present component(Document specification) {
        return new InferenceComponentState.Present(
                "a",
                "ep",
                "AllTraffic",
                specification,
                1,
                InferenceComponentStatus.IN_SERVICE,
                T0,
                T0,
                new InferenceComponentState.Updates(Optional.empty(), Optional.empty(), Optional.empty()),
                List.of());
    }
}
