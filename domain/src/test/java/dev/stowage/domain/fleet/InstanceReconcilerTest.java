package dev.stowage.domain.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.Arns;
import dev.stowage.domain.endpoint.CapacityReservationConfig;
import dev.stowage.domain.store.AppendContext;
import dev.stowage.domain.store.InMemoryEventStore;
import dev.stowage.domain.store.InMemorySnapshotStore;
import dev.stowage.domain.store.StreamIds;
import dev.stowage.events.Document;
import dev.stowage.events.EndpointEvent;
import dev.stowage.events.EventEnvelope;
import dev.stowage.events.FleetEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InstanceReconcilerTest {
    private static final FleetKey FLEET = new FleetKey("e", "AllTraffic");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final InMemoryEventStore events = new InMemoryEventStore();
    private final Provider provider = new Provider();
    private final InstanceReconciler reconciler = new InstanceReconciler(
            new FleetRepository(events, new InMemorySnapshotStore()),
            new FleetVariants(events, new Arns("us-east-1", "123456789012")),
            provider,
            Clock.fixed(T0, ZoneOffset.UTC));

    /** A provider whose launches of {@code refused} fail, as EC2's do without capacity. */
    private static final class Provider implements InstanceProvider {
        final Set<String> launched = new HashSet<>(Set.of("i-old"));
        final Set<String> refused = new HashSet<>();
        final Set<String> noCapacity = new HashSet<>();
        final List<String> tokens = new ArrayList<>();
        final List<Launch> launches = new ArrayList<>();

        @Override
        public void launch(Launch launch) {
            if (noCapacity.contains(launch.instanceType())) {
                throw new InsufficientCapacity("InsufficientInstanceCapacity: no " + launch.instanceType() + " now.");
            }
            if (refused.contains(launch.instanceId())) {
                throw new IllegalStateException("InsufficientInstanceCapacity for " + launch.instanceId());
            }
            tokens.add(launch.clientToken());
            launches.add(launch);
            launched.add(launch.instanceId());
        }

        @Override
        public void terminate(String fleetStream, String instanceId) {
            launched.remove(instanceId);
        }

        @Override
        public Set<String> launched(String fleetStream) {
            return Set.copyOf(launched);
        }
    }

    @Test
    void a_refused_launch_holds_up_nothing_else_and_is_thrown_for_a_retry() {
        requested("ml.g5.xlarge", "ml.g5.xlarge");
        provider.refused.add("i-1");

        assertThatThrownBy(() -> reconciler.reconcile(FLEET)).hasMessageContaining("i-1");

        assertThat(provider.launched).containsExactly("i-2");
        provider.refused.clear();
        reconciler.reconcile(FLEET);
        assertThat(provider.launched).containsExactlyInAnyOrder("i-1", "i-2");
        assertThat(provider.tokens).containsExactly("fleet/e/AllTraffic/i-2", "fleet/e/AllTraffic/i-1");
    }

    @Test
    void a_launch_refused_for_capacity_is_recorded_on_the_fleet_so_placement_turns_to_the_next_pool() {
        requested("ml.g5.12xlarge", "ml.g6.12xlarge");
        provider.noCapacity.add("ml.g5.12xlarge");

        reconciler.reconcile(FLEET);

        assertThat(provider.launched).containsExactly("i-2");
        assertThat(events.read(FLEET.stream(), 2).stream()
                        .map(EventEnvelope::event)
                        .toList())
                .containsExactly(new FleetEvent.InstanceLaunchFailed(
                        "i-1", "ml.g5.12xlarge", "InsufficientInstanceCapacity: no ml.g5.12xlarge now.", T0));
    }

    @Test
    void each_launch_is_asked_in_the_zone_placement_chose() {
        events.append(
                FLEET.stream(),
                0,
                List.of(
                        new FleetEvent.InstanceRequested("i-1", "ml.g5.xlarge", "us-east-1a", "copies", T0),
                        new FleetEvent.InstanceRequested("i-2", "ml.g5.xlarge", "us-east-1b", "copies", T0)),
                new AppendContext(T0, "t", "t"));

        reconciler.reconcile(FLEET);

        assertThat(provider.launches)
                .containsExactlyInAnyOrder(
                        new Launch(
                                FLEET.stream(),
                                "i-1",
                                "ml.g5.xlarge",
                                "us-east-1a",
                                "fleet/e/AllTraffic/i-1",
                                Optional.empty()),
                        new Launch(
                                FLEET.stream(),
                                "i-2",
                                "ml.g5.xlarge",
                                "us-east-1b",
                                "fleet/e/AllTraffic/i-2",
                                Optional.empty()));
    }

    @Test
    void a_variant_with_a_capacity_reservation_config_launches_into_it() {
        String arn = "arn:aws:sagemaker:us-east-1:123456789012:ml-reservation/r-1";
        ObjectNode config = new ObjectMapper().createObjectNode();
        ObjectNode variant = config.putArray("ProductionVariants").addObject();
        variant.put("VariantName", "AllTraffic").put("InstanceType", "ml.g5.xlarge");
        variant.putObject("CapacityReservationConfig")
                .put("CapacityReservationPreference", "capacity-reservations-only")
                .put("MlReservationArn", arn);
        events.append(
                StreamIds.endpoint("e"),
                0,
                List.of(new EndpointEvent.Created("e", "arn:e", "cfg", Document.of(config), T0)),
                new AppendContext(T0, "t", "t"));
        requested("ml.g5.xlarge", "ml.g5.xlarge");

        reconciler.reconcile(FLEET);

        assertThat(provider.launches)
                .extracting(Launch::reservation)
                .containsOnly(Optional.of(new CapacityReservationConfig("capacity-reservations-only", arn)));
    }

    /** The fleet asked for {@code i-1} of {@code first} and {@code i-2} of {@code second}. */
    private void requested(String first, String second) {
        events.append(
                FLEET.stream(),
                0,
                List.of(
                        new FleetEvent.InstanceRequested("i-1", first, "copies", T0),
                        new FleetEvent.InstanceRequested("i-2", second, "copies", T0)),
                new AppendContext(T0, "t", "t"));
    }
}
