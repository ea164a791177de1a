package dev.stowage.domain.fleet;

import static dev.stowage.domain.Fixtures.ARNS;
import static dev.stowage.domain.Fixtures.SPEC;
import static dev.stowage.domain.Fixtures.doc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.alarms.AlarmStates;
import dev.stowage.domain.component.InferenceComponentDecider;
import dev.stowage.domain.component.InferenceComponentState;
import dev.stowage.domain.component.InferenceComponentStatus;
import dev.stowage.domain.endpoint.EndpointDecider;
import dev.stowage.domain.endpoint.EndpointState;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.domain.store.AppendContext;
import dev.stowage.domain.store.CommandService;
import dev.stowage.domain.store.InMemoryEventStore;
import dev.stowage.domain.store.StreamIds;
import dev.stowage.events.Document;
import dev.stowage.events.FleetEvent;
import dev.stowage.events.InferenceComponentEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Adapter inference components in their base's copies (issue 15, ADR 30): hosts report each adapter loaded per copy
 * and specification, and the adapter is in service once every serving copy of its base has it.
 */
class AdapterLoadsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final Document ADAPTER =
            doc("{'BaseInferenceComponentName':'base','Container':{'ArtifactUrl':'s3://adapters/eu/'}}");

    private final FleetDecider decider = new FleetDecider();

    private static List<FleetEvent> baseCopies(String... copyIds) {
        List<FleetEvent> events = new ArrayList<>();
        events.add(new FleetEvent.InstanceRequested("i-1", "ml.g5.12xlarge", "min", T0));
        events.add(
                new FleetEvent.InstanceRegistered("i-1", "local:i-1", new FleetEvent.Capacity(44_000, 180_000, 4), T0));
        int device = 0;
        for (String copyId : copyIds) {
            events.add(new FleetEvent.CopyScheduled(
                    "base", copyId, "i-1", List.of(device++), 1000, 1024, "", "why", T0, T0));
            events.add(new FleetEvent.CopyLoaded(copyId, T0));
        }
        return events;
    }

    private static List<FleetEvent> plus(List<FleetEvent> events, FleetEvent... more) {
        List<FleetEvent> all = new ArrayList<>(events);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void a_copy_loads_an_adapter_once_per_specification() {
        FleetState state = decider.fold(baseCopies("base-c1"));
        FleetCommand.ReportAdapterLoaded report = new FleetCommand.ReportAdapterLoaded("base-c1", "eu", T0, T1);

        List<FleetEvent> loaded = decider.decide(report, state);
        assertThat(loaded).containsExactly(new FleetEvent.AdapterLoaded("base-c1", "eu", T0, T1));

        FleetState after = decider.evolve(state, loaded.getFirst());
        assertThat(after.copies().get("base-c1").hasAdapter("eu", T0)).isTrue();
        assertThat(decider.decide(report, after)).isEmpty();
        assertThat(decider.decide(new FleetCommand.ReportAdapterLoaded("base-c1", "eu", T1, T2), after))
                .containsExactly(new FleetEvent.AdapterLoaded("base-c1", "eu", T1, T2));
    }

    @Test
    void an_unloaded_adapter_leaves_the_copy_once() {
        FleetState loaded =
                decider.fold(plus(baseCopies("base-c1"), new FleetEvent.AdapterLoaded("base-c1", "eu", T0, T1)));
        FleetCommand.ReportAdapterUnloaded report = new FleetCommand.ReportAdapterUnloaded("base-c1", "eu", T2);

        List<FleetEvent> unloaded = decider.decide(report, loaded);
        assertThat(unloaded).containsExactly(new FleetEvent.AdapterUnloaded("base-c1", "eu", T2));

        FleetState after = decider.evolve(loaded, unloaded.getFirst());
        assertThat(after.copies().get("base-c1").adapters()).isEmpty();
        assertThat(decider.decide(report, after)).isEmpty();
    }

    @Test
    void a_copy_that_is_gone_or_being_removed_loads_nothing() {
        FleetState removing = decider.fold(
                plus(baseCopies("base-c1"), new FleetEvent.CopyRemovalScheduled("base-c1", "scale-in", T1)));

        assertThat(decider.decide(new FleetCommand.ReportAdapterLoaded("base-c1", "eu", T0, T1), removing))
                .isEmpty();
        assertThat(decider.decide(new FleetCommand.ReportAdapterLoaded("base-c9", "eu", T0, T1), removing))
                .isEmpty();
    }

    @Test
    void loaded_adapters_survive_a_snapshot_and_a_snapshot_from_before_them_has_none() throws Exception {
        FleetState state =
                decider.fold(plus(baseCopies("base-c1"), new FleetEvent.AdapterLoaded("base-c1", "eu", T0, T1)));

        assertThat(FleetSnapshots.decode(FleetSnapshots.encode(state))).isEqualTo(state);

        ObjectMapper json = new ObjectMapper();
        ObjectNode old;
        try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(FleetSnapshots.encode(state)))) {
            old = (ObjectNode) json.readTree(zip);
        }
        ((ObjectNode) old.path("copies").path("base-c1")).remove("adapters");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(bytes)) {
            json.writeValue(zip, old);
        }
        assertThat(FleetSnapshots.decode(bytes.toByteArray())
                        .copies()
                        .get("base-c1")
                        .adapters())
                .isEmpty();
    }

    @Test
    void an_adapter_is_in_service_once_every_serving_copy_of_its_base_has_it() {
        Status status = new Status();
        FleetState oneOfTwo = decider.fold(
                plus(baseCopies("base-c1", "base-c2"), new FleetEvent.AdapterLoaded("base-c1", "eu", T0, T1)));
        assertThat(status.after(oneOfTwo)).isEqualTo(InferenceComponentStatus.CREATING);

        FleetState both = decider.fold(plus(
                baseCopies("base-c1", "base-c2"),
                new FleetEvent.AdapterLoaded("base-c1", "eu", T0, T1),
                new FleetEvent.AdapterLoaded("base-c2", "eu", T0, T1)));
        assertThat(status.after(both)).isEqualTo(InferenceComponentStatus.IN_SERVICE);
    }

    @Test
    void an_adapter_a_copy_could_not_load_fails_with_the_copy_s_reason() {
        Status status = new Status();
        FleetState state = decider.fold(plus(
                baseCopies("base-c1", "base-c2"),
                new FleetEvent.AdapterLoaded("base-c1", "eu", T0, T1),
                new FleetEvent.AdapterLoadFailed("base-c2", "eu", T0, "POST /adapters answered 400: bad rank", T1)));

        assertThat(status.after(state)).isEqualTo(InferenceComponentStatus.FAILED);
        assertThat(decider.decide(new FleetCommand.ReportAdapterLoadFailed("base-c2", "eu", T0, "again", T2), state))
                .as("reported once per specification")
                .isEmpty();
    }

    @Test
    void an_adapter_stays_creating_while_its_base_has_no_serving_copy() {
        Status status = new Status();

        assertThat(status.after(decider.fold(baseCopies()))).isEqualTo(InferenceComponentStatus.CREATING);
    }

    @Test
    void an_updated_adapter_is_in_service_again_once_every_copy_has_its_new_artifact() {
        Status status = new Status();
        FleetState old =
                decider.fold(plus(baseCopies("base-c1"), new FleetEvent.AdapterLoaded("base-c1", "eu", T0, T1)));
        assertThat(status.after(old)).isEqualTo(InferenceComponentStatus.IN_SERVICE);

        Document newer = doc("{'BaseInferenceComponentName':'base','Container':{'ArtifactUrl':'s3://adapters/eu2/'}}");
        status.append(new InferenceComponentEvent.SpecificationUpdated(newer, T1));
        assertThat(status.after(old)).isEqualTo(InferenceComponentStatus.UPDATING);

        FleetState reloaded = decider.evolve(old, new FleetEvent.AdapterLoaded("base-c1", "eu", T1, T2));
        assertThat(status.after(reloaded)).isEqualTo(InferenceComponentStatus.IN_SERVICE);
    }

    /** The adapter {@code eu} of {@code base} on its stream, moved by {@link StatusAdvancer} rounds. */
    private static final class Status {
        private final InMemoryEventStore store = new InMemoryEventStore();
        private final Clock clock = Clock.fixed(T2, ZoneOffset.UTC);
        private final CommandService commands = new CommandService(store, clock);
        private final InferenceComponentDecider components =
                new InferenceComponentDecider(ARNS, InstanceTypeCatalog.standard());
        private final StatusAdvancer advancer = new StatusAdvancer(
                commands, new EndpointDecider(ARNS), components, FleetSettings.defaults(), AlarmStates.NONE);

        Status() {
            append(new InferenceComponentEvent.Created("eu", "arn:eu", "ep", "arn:ep", "AllTraffic", ADAPTER, 0, T0));
        }

        void append(InferenceComponentEvent event) {
            String stream = StreamIds.inferenceComponent("eu");
            store.append(
                    stream,
                    commands.load(stream, components).version(),
                    List.of(event),
                    new AppendContext(T0, "test", "test"));
        }

        InferenceComponentStatus after(FleetState fleet) {
            InferenceComponentState.Present adapter = present();
            FleetPlanning planning = new FleetPlanning(
                    Optional.empty(), false, false, List.of(), Map.of(), fleet, FleetSettings.defaults(), T2);
            advancer.advance(
                    new FleetKey("ep", "AllTraffic"),
                    new EndpointState.Absent(),
                    planning,
                    Map.of("eu", adapter, "base", base()),
                    fleet,
                    T2);
            return present().status();
        }

        private InferenceComponentState.Present present() {
            return (InferenceComponentState.Present) commands.load(StreamIds.inferenceComponent("eu"), components)
                    .state();
        }

        private static InferenceComponentState.Present base() {
            return new InferenceComponentState.Present(
                    "base",
                    "ep",
                    "AllTraffic",
                    SPEC,
                    2,
                    InferenceComponentStatus.IN_SERVICE,
                    T0,
                    T0,
                    new InferenceComponentState.Updates(Optional.empty(), Optional.empty(), Optional.empty()),
                    List.of("eu"));
        }
    }
}
