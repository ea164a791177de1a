package dev.stowage.domain.fleet;

import static dev.stowage.domain.Fixtures.doc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.component.InferenceComponentState;
import dev.stowage.domain.component.InferenceComponentState.Deployment;
import dev.stowage.domain.component.InferenceComponentState.Updates;
import dev.stowage.domain.component.InferenceComponentStatus;
import dev.stowage.domain.endpoint.EndpointState;
import dev.stowage.domain.endpoint.EndpointStatus;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.events.Document;
import dev.stowage.events.FleetEvent;
import dev.stowage.events.FleetEvent.Capacity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One fleet round ({@link FleetRound#decide}) at fixed instants, given/when/then: given the fleet's events, the
 * inference components as their streams say, the hosts' heartbeats and the time, then the round's events — whole
 * lists compared. An endpoint {@code ep} on ml.g5.12xlarge (4 GPUs) with managed instance scaling 1–2.
 */
class FleetRoundSpec {
    private static final FleetKey FLEET = new FleetKey("ep", "AllTraffic");
    private static final String TYPE = "ml.g5.12xlarge";
    private static final Capacity G5_12XL = new Capacity(44_000, 180_000, 4);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final FleetSettings SETTINGS = FleetSettings.defaults();
    private static final Document CONFIG = doc("{'ProductionVariants':[{'VariantName':'AllTraffic','InstanceType':'"
            + TYPE + "','InitialInstanceCount':1,'ManagedInstanceScaling':{'Status':'ENABLED','MinInstanceCount':1,"
            + "'MaxInstanceCount':2}}]}");

    @Test
    void a_converged_fleet_yields_nothing() {
        given(running("i-1"), serving("a", 1, "i-1", List.of(0), T0))
                .components(component("a", 1, 1, T0))
                .heartbeats("i-1", T1)
                .at(T1)
                .thenNothing();
    }

    @Test
    void a_new_component_gets_its_copy_on_a_running_instance_with_the_specification_it_was_set_with() {
        given(running("i-1"))
                .components(component("a", 1, 1, T0))
                .heartbeats("i-1", T1)
                .at(T1)
                .then(onlyCopyOfA("a-c1"));
    }

    @Test
    void a_registered_instance_silent_past_the_heartbeat_timeout_is_lost_and_its_copies_need_a_new_one() {
        Instant now = T0.plusSeconds(31);
        given(running("i-1"), serving("a", 1, "i-1", List.of(0), T0))
                .components(component("a", 1, 1, T0))
                .heartbeats("i-1", T0)
                .at(now)
                .then(
                        new FleetEvent.InstanceLost("i-1", "No heartbeat for 30 s.", now),
                        new FleetEvent.InstanceRequested(
                                "i-2",
                                TYPE,
                                "1 copy (a=1) fit no running or requested instance; they need 1 more of 2 allowed"
                                        + " (0 running or requested)",
                                now));
    }

    @Test
    void a_requested_instance_may_take_the_boot_timeout_to_register_and_not_a_second_more() {
        Instant timeout = T0.plus(SETTINGS.bootTimeout());
        given(List.of(requested("i-1", T0)))
                .components(component("a", 1, 1, T0))
                .at(timeout)
                .thenNothing();
        given(List.of(requested("i-1", T0)))
                .components(component("a", 1, 1, T0))
                .at(timeout.plusSeconds(1))
                .then(
                        new FleetEvent.InstanceLost("i-1", "It did not register within 900 s.", timeout.plusSeconds(1)),
                        new FleetEvent.InstanceRequested(
                                "i-2",
                                TYPE,
                                "1 copy (a=1) fit no running or requested instance; they need 1 more of 2 allowed"
                                        + " (0 running or requested)",
                                timeout.plusSeconds(1)));
    }

    @Test
    void copies_that_do_not_fit_the_running_instances_ask_for_another_within_the_maximum() {
        given(running("i-1"))
                .components(component("a", 1, 3, T0), component("b", 1, 2, T0))
                .heartbeats("i-1", T1)
                .at(T1)
                .then(
                        new FleetEvent.CopyScheduled(
                                "a",
                                "a-c1",
                                "i-1",
                                List.of(0, 1, 2),
                                2000,
                                1024,
                                "",
                                "a wants 1 copy, has 0; placed on i-1 by best fit, no other copy of a is there",
                                T0,
                                T1),
                        new FleetEvent.InstanceRequested(
                                "i-2",
                                TYPE,
                                "1 copy (b=1) fit no running or requested instance; they need 1 more of 2 allowed"
                                        + " (1 running or requested)",
                                T1));
    }

    @Test
    void an_update_without_a_policy_removes_the_old_copies_once_the_new_ones_serve() {
        given(running("i-1"), serving("a", 1, "i-1", List.of(0), T0), serving("a", 2, "i-1", List.of(1), T1))
                .components(component("a", 1, 1, T1))
                .heartbeats("i-1", T2)
                .at(T2)
                .then(new FleetEvent.CopyRemovalScheduled(
                        "a-c1", "Replaced by copies running the new specification of a.", T2));
    }

    @Test
    void a_rolling_update_brings_up_one_batch_and_no_more_until_it_has_baked() {
        given(twoOldCopies())
                .components(rolling("a", 2, T1, 1, 60))
                .heartbeats("i-1", T1)
                .at(T1)
                .then(new FleetEvent.CopyScheduled(
                        "a",
                        "a-c3",
                        "i-1",
                        List.of(2),
                        2000,
                        1024,
                        "",
                        "a wants 1 copy, has 0; placed on i-1 by best fit, beside another copy of a: no instance"
                                + " without one has room",
                        T1,
                        T1));
        given(twoOldCopies(), serving("a", 3, "i-1", List.of(2), T1))
                .components(rolling("a", 2, T1, 1, 60))
                .heartbeats("i-1", T1.plusSeconds(30))
                .at(T1.plusSeconds(30))
                .thenNothing();
    }

    @Test
    void a_baked_batch_retires_one_old_copy_and_brings_up_the_next() {
        given(twoOldCopies(), serving("a", 3, "i-1", List.of(2), T1))
                .components(rolling("a", 2, T1, 1, 60))
                .heartbeats("i-1", T2)
                .at(T2)
                .then(
                        new FleetEvent.CopyScheduled(
                                "a",
                                "a-c4",
                                "i-1",
                                List.of(3),
                                2000,
                                1024,
                                "",
                                "a wants 2 copies, has 1; placed on i-1 by best fit, beside another copy of a: no"
                                        + " instance without one has room",
                                T1,
                                T2),
                        new FleetEvent.CopyRemovalScheduled(
                                "a-c1",
                                "Replaced by a copy running the new specification of a that served through its"
                                        + " baking period.",
                                T2));
    }

    @Test
    void a_copy_blocked_by_fragmentation_gets_room_from_one_move_make_before_break() {
        given(
                        running("i-1"),
                        running("i-2"),
                        serving("a", 1, "i-1", List.of(0), T0),
                        serving("b", 1, "i-1", List.of(1, 2), T0),
                        serving("a", 2, "i-2", List.of(0), T0),
                        serving("b", 2, "i-2", List.of(1, 2), T0))
                .components(component("a", 2, 1, T0), component("b", 3, 2, T0))
                .heartbeats("i-1", T1)
                .heartbeats("i-2", T1)
                .at(T1)
                .then(
                        new FleetEvent.PlacementBlocked(
                                "b",
                                "1 copy of b pending: needs 2 accelerator devices, 2 cores, 1024 MiB per copy; instances"
                                        + " have at most 1 free accelerator device; MaxInstanceCount 2 reached",
                                T1),
                        new FleetEvent.CopyScheduled(
                                "a",
                                "a-c3",
                                "i-2",
                                List.of(3),
                                2000,
                                1024,
                                "a-c1",
                                "moves a-c1 off i-1 to make room for a copy of b (enough is free in the fleet, but not"
                                        + " on one instance)",
                                T0,
                                T1));
    }

    @Test
    void a_copy_that_died_after_serving_is_replaced_and_does_not_count_towards_failing_its_component() {
        Given round = given(
                        running("i-1"),
                        serving("a", 1, "i-1", List.of(0), T0),
                        List.of(new FleetEvent.CopyFailed("a-c1", "The container exited with code 3.", "", T1)))
                .components(component("a", 1, 1, T0))
                .heartbeats("i-1", T1)
                .at(T1);

        assertThat(round.fleet.failures().get("a").inARow()).isZero();
        round.then(onlyCopyOfA("a-c2"));
    }

    @Test
    void a_model_variant_gets_no_instance_since_stowage_serves_inference_components_only() {
        Document modelVariant = doc("{'ProductionVariants':[{'VariantName':'AllTraffic','ModelName':'m',"
                + "'InstanceType':'" + TYPE + "','InitialInstanceCount':2}]}");
        given().at(T1).config(modelVariant).thenNothing();
        assertThat(given().at(T1).round()).first().isInstanceOf(FleetEvent.InstanceRequested.class);
    }

    @Test
    void a_round_appends_at_most_a_hundred_events_and_leaves_the_rest_to_the_next() {
        Given round = given(running("i-1")).heartbeats("i-1", T1).at(T1);
        for (int n = 100; n < 160; n++) {
            round.components(cpuOnly("c" + n, 2, T0));
        }

        List<FleetEvent> events = round.round();

        assertThat(events).hasSize(FleetRound.MAX_EVENTS);
        assertThat(events.getLast())
                .isInstanceOfSatisfying(FleetEvent.CopyScheduled.class, last -> assertThat(last.copyId())
                        .isEqualTo("c149-c2"));
    }

    @Test
    void a_consolidation_scale_in_policy_waits_its_cool_down_after_the_last_change_then_empties_an_instance() {
        Document consolidating = doc("{'ProductionVariants':[{'VariantName':'AllTraffic','InstanceType':'" + TYPE
                + "','InitialInstanceCount':1,'ManagedInstanceScaling':{'Status':'ENABLED','MinInstanceCount':1,"
                + "'MaxInstanceCount':2,'ScaleInPolicy':{'Strategy':'CONSOLIDATION','MaximumStepSize':1,"
                + "'CooldownInMinutes':30}}}]}");
        Instant coolDownOver = T0.plus(Duration.ofMinutes(31));
        List<FleetEvent> twoHalfEmpty = new ArrayList<>(running("i-1"));
        twoHalfEmpty.addAll(running("i-2"));
        twoHalfEmpty.addAll(serving("a", 1, "i-1", List.of(0), T0));
        twoHalfEmpty.addAll(serving("b", 1, "i-2", List.of(0), T0));

        given(twoHalfEmpty)
                .components(component("a", 1, 1, T0), component("b", 1, 1, T0))
                .heartbeats("i-1", T1)
                .heartbeats("i-2", T1)
                .config(consolidating)
                .at(T1)
                .thenNothing();
        List<FleetEvent> afterCoolDown = given(twoHalfEmpty)
                .components(component("a", 1, 1, T0), component("b", 1, 1, T0))
                .heartbeats("i-1", coolDownOver)
                .heartbeats("i-2", coolDownOver)
                .config(consolidating)
                .at(coolDownOver)
                .round();

        assertThat(afterCoolDown).singleElement().isInstanceOfSatisfying(FleetEvent.CopyScheduled.class, move -> {
            assertThat(move.replaces()).isNotBlank();
            assertThat(move.why()).startsWith("CONSOLIDATION step (instance 1 of at most 1)");
        });
    }

    @SafeVarargs
    private static Given given(List<FleetEvent>... history) {
        return new Given(new FleetDecider()
                .fold(Arrays.stream(history).flatMap(List::stream).toList()));
    }

    /** The fleet's events before the round. */
    private static final class Given {
        private final FleetState fleet;
        private final Map<String, InferenceComponentState.Present> components = new LinkedHashMap<>();
        private final Map<String, Instant> heartbeats = new LinkedHashMap<>();
        private Instant now = T0;
        private Document config = CONFIG;

        Given(FleetState fleet) {
            this.fleet = fleet;
        }

        Given components(InferenceComponentState.Present... present) {
            for (InferenceComponentState.Present ic : present) {
                components.put(ic.inferenceComponentName(), ic);
            }
            return this;
        }

        Given heartbeats(String instanceId, Instant at) {
            heartbeats.put(instanceId, at);
            return this;
        }

        Given at(Instant instant) {
            now = instant;
            return this;
        }

        Given config(Document endpointConfig) {
            config = endpointConfig;
            return this;
        }

        List<FleetEvent> round() {
            EndpointState endpoint = new EndpointState.Present("ep", config, EndpointStatus.IN_SERVICE);
            FleetPlanning planning =
                    FleetPlanning.of(FLEET, endpoint, fleet, InstanceTypeCatalog.standard(), SETTINGS, now);
            return FleetRound.decide(fleet, planning, components, heartbeats, SETTINGS, now);
        }

        void then(FleetEvent... expected) {
            assertThat(round()).containsExactly(expected);
        }

        void thenNothing() {
            assertThat(round()).isEmpty();
        }
    }

    /** {@code i-1} serving two copies of {@code a}'s specification of {@code T0} on devices 0 and 1. */
    private static List<FleetEvent> twoOldCopies() {
        List<FleetEvent> events = new ArrayList<>(running("i-1"));
        events.addAll(serving("a", 1, "i-1", List.of(0), T0));
        events.addAll(serving("a", 2, "i-1", List.of(1), T0));
        return events;
    }

    /** {@code a}'s one copy, scheduled at {@code T1} on device 0 of {@code i-1}, the only instance. */
    private static FleetEvent onlyCopyOfA(String copyId) {
        return new FleetEvent.CopyScheduled(
                "a",
                copyId,
                "i-1",
                List.of(0),
                2000,
                1024,
                "",
                "a wants 1 copy, has 0; placed on i-1 by best fit, no other copy of a is there",
                T0,
                T1);
    }

    /** An instance requested and registered at {@code T0}. */
    private static List<FleetEvent> running(String instanceId) {
        return List.of(requested(instanceId, T0), registered(instanceId, T0));
    }

    /** A copy scheduled and loaded at {@code spec}, running the specification set then. */
    private static List<FleetEvent> serving(
            String ic, int copy, String instanceId, List<Integer> devices, Instant spec) {
        return List.of(
                scheduled(ic, copy, instanceId, devices, spec), new FleetEvent.CopyLoaded(ic + "-c" + copy, spec));
    }

    private static FleetEvent requested(String instanceId, Instant at) {
        return new FleetEvent.InstanceRequested(instanceId, TYPE, "asked", at);
    }

    private static FleetEvent registered(String instanceId, Instant at) {
        return new FleetEvent.InstanceRegistered(instanceId, "http://" + instanceId, G5_12XL, at);
    }

    private static FleetEvent scheduled(String ic, int copy, String instanceId, List<Integer> devices, Instant spec) {
        return new FleetEvent.CopyScheduled(
                ic, ic + "-c" + copy, instanceId, devices, 2000, 1024, "", "placed", spec, spec);
    }

    private static InferenceComponentState.Present rolling(
            String name, int copies, Instant specifiedAt, int batch, int bake) {
        InferenceComponentState.Present ic = component(name, copies, 1, specifiedAt);
        Document config = doc("{'RollingUpdatePolicy':{'MaximumBatchSize':{'Type':'COPY_COUNT','Value':" + batch
                + "},'WaitIntervalInSeconds':" + bake + "}}");
        return new InferenceComponentState.Present(
                ic.inferenceComponentName(),
                ic.endpointName(),
                ic.variantName(),
                ic.specification(),
                ic.desiredCopyCount(),
                InferenceComponentStatus.UPDATING,
                specifiedAt,
                specifiedAt,
                new Updates(Optional.of(new Deployment(config, specifiedAt)), Optional.empty(), Optional.empty()),
                List.of());
    }

    private static InferenceComponentState.Present cpuOnly(String name, int copies, Instant specifiedAt) {
        return new InferenceComponentState.Present(
                name,
                "ep",
                "AllTraffic",
                doc("{'ModelName':'m','ComputeResourceRequirements':{'NumberOfCpuCoresRequired':0.25,"
                        + "'MinMemoryRequiredInMb':128}}"),
                copies,
                InferenceComponentStatus.CREATING,
                specifiedAt,
                specifiedAt,
                new Updates(Optional.empty(), Optional.empty(), Optional.empty()),
                List.of());
    }

    /** Component {@code name} wanting {@code copies} of {@code devices} accelerators, its specification set at {@code specifiedAt}. */
    private static InferenceComponentState.Present component(
            String name, int copies, int devices, Instant specifiedAt) {
        return new InferenceComponentState.Present(
                name,
                "ep",
                "AllTraffic",
                doc("{'ModelName':'m','ComputeResourceRequirements':{'NumberOfCpuCoresRequired':2.0,"
                        + "'NumberOfAcceleratorDevicesRequired':" + devices + ".0,'MinMemoryRequiredInMb':1024}}"),
                copies,
                InferenceComponentStatus.IN_SERVICE,
                specifiedAt,
                specifiedAt,
                new Updates(Optional.empty(), Optional.empty(), Optional.empty()),
                List.of());
    }
}
