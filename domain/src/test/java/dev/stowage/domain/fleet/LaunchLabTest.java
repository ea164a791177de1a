package dev.stowage.domain.fleet;

import static dev.stowage.domain.Fixtures.doc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.domain.Arns;
import dev.stowage.domain.MutableClock;
import dev.stowage.domain.component.InferenceComponentStatus;
import dev.stowage.domain.controlplane.ControlPlane;
import dev.stowage.domain.controlplane.ControlPlane.SpecificationRequest;
import dev.stowage.domain.endpoint.EndpointStatus;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.domain.store.AppendContext;
import dev.stowage.domain.store.InMemoryEventStore;
import dev.stowage.domain.store.InMemoryLivenessStore;
import dev.stowage.domain.store.InMemorySnapshotStore;
import dev.stowage.domain.store.StreamIds;
import dev.stowage.domain.views.EndpointView;
import dev.stowage.domain.views.InMemoryViewStore;
import dev.stowage.domain.views.InferenceComponentView;
import dev.stowage.domain.views.Projector;
import dev.stowage.events.CopyCountCause;
import dev.stowage.events.Document;
import dev.stowage.events.EndpointEvent;
import dev.stowage.events.FleetEvent;
import dev.stowage.events.InferenceComponentEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The launch-lab scenario on in-memory stores: an endpoint on ml.g5.24xlarge (4 GPUs) scaling 1–2; three
 * components needing 1, 2 and 1 accelerators go InService on one instance; one more copy brings a second
 * instance; deleting a component lets the second instance go again after its cool-down. The test plays the
 * hosts: it registers requested instances and reports scheduled copies loaded and removed copies gone.
 */
class LaunchLabTest {
    private static final Arns ARNS = new Arns("us-east-1", "123456789012");
    private static final FleetKey FLEET = new FleetKey("lab", "AllTraffic");
    private static final FleetSettings SETTINGS = FleetSettings.defaults();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryEventStore events = new InMemoryEventStore();
    private final InMemoryViewStore views = new InMemoryViewStore();
    private final InMemoryLivenessStore liveness = new InMemoryLivenessStore();
    private final InMemorySnapshotStore snapshots = new InMemorySnapshotStore();
    private final InstanceTypeCatalog catalog = InstanceTypeCatalog.standard();
    private final Projector projector = new Projector(events, views);
    private final ControlPlane api = new ControlPlane(events, clock, ARNS, catalog, e -> 0, projector::catchUp);
    private final Set<String> alarming = new HashSet<>();
    /** Copies of specifications set at these times fail to start. */
    private final Set<Instant> broken = new HashSet<>();

    private final PlacementReactor reactor = new PlacementReactor(
            events, snapshots, views, liveness, catalog, ARNS, clock, SETTINGS, names -> names.stream()
                    .filter(alarming::contains)
                    .collect(Collectors.toSet()));
    private final FleetReports hosts = new FleetReports(events, snapshots, liveness, catalog, ARNS, clock);

    @Test
    void three_components_share_one_instance_and_a_fourth_copy_brings_a_second() {
        createLab();
        settle();
        assertThat(endpointStatus()).isEqualTo(EndpointStatus.IN_SERVICE);
        assertThat(instances()).containsExactly("i-1");

        createComponent("ic-a", 1);
        createComponent("ic-b", 2);
        createComponent("ic-c", 1);
        settle();
        assertThat(List.of("ic-a", "ic-b", "ic-c"))
                .allSatisfy(ic -> assertThat(status(ic)).isEqualTo(InferenceComponentStatus.IN_SERVICE));
        assertThat(instances()).containsExactly("i-1");

        api.setDesiredCopyCount("ic-a", 2, CopyCountCause.API, "t");
        settle();
        assertThat(instances()).containsExactly("i-1", "i-2");
        assertThat(status("ic-a")).isEqualTo(InferenceComponentStatus.IN_SERVICE);

        api.deleteInferenceComponent("ic-a", "t");
        settle();
        assertThat(componentExists("ic-a")).isFalse();
        assertThat(instances()).containsExactly("i-1", "i-2");

        clock.advance(SETTINGS.coolDown().plusSeconds(1));
        settle();
        assertThat(instances()).hasSize(1);

        api.setDesiredCopyCount("ic-b", 2, CopyCountCause.API, "t");
        settle();
        assertThat(instances())
                .as("a new instance never takes a retired one's id")
                .contains("i-3");
    }

    @Test
    void a_new_specification_replaces_every_copy_before_the_old_ones_go() {
        createLab();
        createComponent("ic-a", 1);
        api.setDesiredCopyCount("ic-a", 2, CopyCountCause.API, "t");
        settle();
        List<String> before = fleet().copiesOf("ic-a").stream()
                .map(FleetCopyRecord::copyId)
                .sorted()
                .toList();
        assertThat(before).hasSize(2);

        updateToLlmSim(Optional.empty());
        assertThat(status("ic-a")).isEqualTo(InferenceComponentStatus.UPDATING);
        settle();

        List<String> after = fleet().copiesOf("ic-a").stream()
                .map(FleetCopyRecord::copyId)
                .sorted()
                .toList();
        assertThat(after).hasSize(2).doesNotContainAnyElementsOf(before);
        assertThat(status("ic-a")).isEqualTo(InferenceComponentStatus.IN_SERVICE);
        List<String> order = events.read(FLEET.stream()).stream()
                .map(e -> e.event())
                .filter(e -> e instanceof FleetEvent.CopyLoaded || e instanceof FleetEvent.CopyRemovalScheduled)
                .map(e -> e instanceof FleetEvent.CopyLoaded l
                        ? "loaded " + l.copyId()
                        : "removing " + ((FleetEvent.CopyRemovalScheduled) e).copyId())
                .toList();
        assertThat(order.indexOf("removing " + before.getFirst()))
                .as("make before break: an old copy goes only after a new one serves")
                .isGreaterThan(order.indexOf("loaded " + after.getFirst()));
    }

    @Test
    void a_rolling_update_brings_one_batch_up_at_a_time_and_retires_old_copies_after_baking() {
        List<String> before = threeCopies();
        assertThat(before).hasSize(3);

        updateToLlmSim(Optional.of(doc("{'RollingUpdatePolicy':{'MaximumBatchSize':{'Type':'COPY_COUNT','Value':1},"
                + "'WaitIntervalInSeconds':60}}")));
        for (int batch = 1; batch <= 3; batch++) {
            settle();
            List<String> fresh =
                    copyIds().stream().filter(id -> !before.contains(id)).toList();
            assertThat(fresh).as("new copies after batch " + batch).hasSize(batch);
            assertThat(fleet().instances().keySet().stream()
                            .flatMap(id -> hosts.assignments(FLEET, id).stream())
                            .filter(a -> a.copy().status() != FleetCopyRecord.Status.REMOVING))
                    .as("each copy is assigned the specification it was scheduled with")
                    .allSatisfy(a -> assertThat(a.specification().text("Container", "Image"))
                            .contains(fresh.contains(a.copy().copyId()) ? "stowage/llm-sim" : "stowage/echo"));
            assertThat(fleet().loadedCopies("ic-a"))
                    .as("copies serving during batch " + batch)
                    .isGreaterThanOrEqualTo(3);
            assertThat(status("ic-a")).isEqualTo(InferenceComponentStatus.UPDATING);
            bake(Duration.ofSeconds(61));
        }
        settle();

        assertThat(copyIds()).hasSize(3).doesNotContainAnyElementsOf(before);
        assertThat(status("ic-a")).isEqualTo(InferenceComponentStatus.IN_SERVICE);
    }

    @Test
    void an_alarm_in_alarm_rolls_the_update_back_to_the_copies_of_the_old_specification() {
        List<String> before = threeCopiesUpdatedWith("{'RollingUpdatePolicy':{'MaximumBatchSize':"
                + "{'Type':'COPY_COUNT','Value':1},'WaitIntervalInSeconds':60},"
                + "'AutoRollbackConfiguration':{'Alarms':[{'AlarmName':'ic-a-errors'}]}}");
        settle();
        assertThat(copyIds()).hasSize(4).containsAll(before);

        alarming.add("ic-a-errors");
        settle();

        assertThat(copyIds()).as("the new copy is gone, the old ones stay").isEqualTo(before);
        assertThat(rolledBack()).containsExactly("The update was rolled back: alarm ic-a-errors is in ALARM.");
        var row = InferenceComponentView.describe(events.read(StreamIds.inferenceComponent("ic-a")))
                .orElseThrow();
        assertThat(row.specification().text("ModelName")).contains("m");
        assertThat(row.componentStatus()).isEqualTo(InferenceComponentStatus.IN_SERVICE);
    }

    @Test
    void an_update_that_runs_out_of_time_is_rolled_back_in_batches_of_the_rollback_size() {
        List<String> before = threeCopiesUpdatedWith("{'RollingUpdatePolicy':{'MaximumBatchSize':"
                + "{'Type':'COPY_COUNT','Value':1},'WaitIntervalInSeconds':250,"
                + "'MaximumExecutionTimeoutInSeconds':600,"
                + "'RollbackMaximumBatchSize':{'Type':'COPY_COUNT','Value':1}}}");
        settle();
        bake(Duration.ofSeconds(251));
        settle();
        bake(Duration.ofSeconds(251));
        settle();
        assertThat(copyIds())
                .as("two old copies replaced, the third new one baking")
                .hasSize(4);
        assertThat(rolledBack()).isEmpty();
        int rollbackAt = events.read(FLEET.stream()).size();

        bake(Duration.ofSeconds(100));
        settle();

        assertThat(rolledBack())
                .containsExactly("The update was rolled back: it did not finish within"
                        + " MaximumExecutionTimeoutInSeconds (600 s).");
        assertThat(copyIds()).hasSize(3).containsAnyElementsOf(before);
        assertThat(fleet().copiesOf("ic-a"))
                .as("every copy runs the first specification again")
                .allSatisfy(c -> assertThat(c.specifiedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(status("ic-a")).isEqualTo(InferenceComponentStatus.IN_SERVICE);
        List<String> comeBack = events.read(FLEET.stream()).stream()
                .skip(rollbackAt)
                .map(e -> e.event())
                .filter(e -> e instanceof FleetEvent.CopyScheduled || e instanceof FleetEvent.CopyLoaded)
                .map(e -> e instanceof FleetEvent.CopyScheduled ? "scheduled" : "loaded")
                .toList();
        assertThat(comeBack)
                .as("old copies come back one at a time (RollbackMaximumBatchSize 1)")
                .containsExactly("scheduled", "loaded", "scheduled", "loaded");
    }

    @Test
    void an_update_whose_new_copies_keep_failing_goes_back_to_the_old_copies() {
        List<String> before = threeCopies();
        broken.add(clock.instant());
        updateToLlmSim(Optional.empty());

        settle();

        assertThat(rolledBack())
                .containsExactly("The update was rolled back: its new copies keep failing."
                        + " The container exited with code 1.");
        assertThat(copyIds())
                .as("the copies that served before the update serve on")
                .isEqualTo(before);
        assertThat(status("ic-a")).isEqualTo(InferenceComponentStatus.IN_SERVICE);
    }

    /** ic-a with three copies of model m, then updated to llm-sim with {@code deploymentConfig}; its old copies. */
    private List<String> threeCopiesUpdatedWith(String deploymentConfig) {
        List<String> before = threeCopies();
        updateToLlmSim(Optional.of(doc(deploymentConfig)));
        return before;
    }

    /** The lab with ic-a serving three copies of model m; their ids. */
    private List<String> threeCopies() {
        createLab();
        createComponent("ic-a", 1);
        api.setDesiredCopyCount("ic-a", 3, CopyCountCause.API, "t");
        settle();
        return copyIds();
    }

    /** ic-a updated to run stowage/llm-sim, with {@code deploymentConfig} if given. */
    private void updateToLlmSim(Optional<Document> deploymentConfig) {
        api.updateInferenceComponent(
                "ic-a",
                new SpecificationRequest(
                        Optional.of(doc("{'Container':{'Image':'stowage/llm-sim'},'ComputeResourceRequirements':"
                                + "{'NumberOfCpuCoresRequired':2.0,'NumberOfAcceleratorDevicesRequired':1.0,"
                                + "'MinMemoryRequiredInMb':4096}}")),
                        List.of()),
                Optional.empty(),
                deploymentConfig,
                "t");
    }

    private List<String> rolledBack() {
        return events.read(StreamIds.inferenceComponent("ic-a")).stream()
                .map(e -> e.event())
                .filter(e -> e instanceof InferenceComponentEvent.UpdateRolledBack)
                .map(e -> ((InferenceComponentEvent.UpdateRolledBack) e).reason())
                .toList();
    }

    @Test
    void a_delete_right_after_an_update_finishes_whatever_the_update_had_started() {
        for (String deployment : List.of(
                "{}",
                "{'RollingUpdatePolicy':{'MaximumBatchSize':{'Type':'COPY_COUNT','Value':1},'WaitIntervalInSeconds':60}}")) {
            LaunchLabTest lab = new LaunchLabTest();
            lab.threeCopiesUpdatedWith(deployment);
            lab.reactor.reconcile(FLEET); // the update's first new copy is scheduled, not yet loaded
            lab.api.setDesiredCopyCount("ic-a", 1, CopyCountCause.API, "t");
            lab.api.deleteInferenceComponent("ic-a", "t");
            lab.settle();

            assertThat(lab.componentExists("ic-a")).as(deployment).isFalse();
            assertThat(lab.fleet().copiesOf("ic-a")).as(deployment).isEmpty();
        }
    }

    @Test
    void a_component_left_on_a_deleted_endpoint_is_deleted_with_it() {
        createLab();
        createComponent("ic-a", 1);
        settle();
        String endpoint = StreamIds.endpoint("lab");
        // As a DeleteEndpoint that raced a CreateInferenceComponent could before they excluded each other.
        events.append(
                endpoint,
                events.read(endpoint).size(),
                List.of(new EndpointEvent.DeletionStarted(clock.instant())),
                new AppendContext(clock.instant(), "t", "t"));
        projector.catchUp(endpoint, events.read(endpoint));

        settle();
        settle();

        assertThat(componentExists("ic-a")).isFalse();
        assertThat(endpointExists()).isFalse();
    }

    @Test
    void a_model_variant_endpoint_with_no_instance_is_in_service_and_its_deletion_completes() {
        api.createModel("m", doc("{'PrimaryContainer':{'Image':'stowage/echo'}}"), "t");
        api.createEndpointConfig(
                "lab-config",
                doc("{'ProductionVariants':[{'VariantName':'AllTraffic','ModelName':'m',"
                        + "'InstanceType':'ml.g5.xlarge','InitialInstanceCount':1}]}"),
                "t");
        api.createEndpoint("lab", "lab-config", "t");
        settle();
        assertThat(endpointStatus()).isEqualTo(EndpointStatus.IN_SERVICE);
        assertThat(instances()).isEmpty();

        api.deleteEndpoint("lab", "t");
        settle();

        assertThat(endpointExists()).isFalse();
    }

    @Test
    void a_copy_blocked_by_fragmentation_gets_room_when_another_copy_moves() {
        createLab();
        createComponent("ic-a", 1);
        createComponent("ic-b", 2);
        createComponent("ic-c", 1);
        settle();
        api.setDesiredCopyCount("ic-a", 2, CopyCountCause.API, "t");
        api.setDesiredCopyCount("ic-b", 2, CopyCountCause.API, "t");
        settle();
        api.deleteInferenceComponent("ic-c", "t");
        settle();
        // Each instance now has one free device; ic-b's third copy needs two.
        api.setDesiredCopyCount("ic-b", 3, CopyCountCause.API, "t");
        settle();

        assertThat(status("ic-b")).isEqualTo(InferenceComponentStatus.IN_SERVICE);
        assertThat(fleet().loadedCopies("ic-b")).isEqualTo(3);
        assertThat(fleet().loadedCopies("ic-a")).isEqualTo(2);
        assertThat(instances()).containsExactly("i-1", "i-2");
        assertThat(fleet().blocked()).isEmpty();
    }

    /** A model and an endpoint on ml.g5.24xlarge (4 GPUs) with managed instance scaling 1–2. */
    private void createLab() {
        api.createModel("m", doc("{'PrimaryContainer':{'Image':'stowage/echo'}}"), "t");
        api.createEndpointConfig(
                "lab-config",
                doc("{'ExecutionRoleArn':'arn:aws:iam::123456789012:role/r',"
                        + "'ProductionVariants':[{'VariantName':'AllTraffic','InstanceType':'ml.g5.24xlarge',"
                        + "'InitialInstanceCount':1,'ManagedInstanceScaling':{'Status':'ENABLED','MinInstanceCount':1,"
                        + "'MaxInstanceCount':2}}]}"),
                "t");
        api.createEndpoint("lab", "lab-config", "t");
    }

    private void createComponent(String name, int accelerators) {
        api.createInferenceComponent(
                name,
                "lab",
                Optional.empty(),
                new SpecificationRequest(
                        Optional.of(doc("{'ModelName':'m','ComputeResourceRequirements':{'NumberOfCpuCoresRequired':"
                                + "2.0,'NumberOfAcceleratorDevicesRequired':" + accelerators
                                + ".0,'MinMemoryRequiredInMb':4096}}")),
                        List.of()),
                Optional.of(1),
                "t");
    }

    /** Time passing with the hosts alive (heartbeats) but no placement round. */
    private void bake(Duration period) {
        for (Duration passed = Duration.ZERO; passed.compareTo(period) < 0; passed = passed.plusSeconds(10)) {
            clock.advance(Duration.ofSeconds(10));
            actAsHosts();
        }
    }

    /** Rounds of placement and host reports until nothing changes. */
    private void settle() {
        for (int round = 0; round < 20; round++) {
            long before = totalEvents();
            reactor.reconcile(FLEET);
            actAsHosts();
            clock.advance(Duration.ofSeconds(1));
            if (totalEvents() == before) {
                return;
            }
        }
        throw new AssertionError("the fleet did not settle");
    }

    private void actAsHosts() {
        FleetState fleet = fleet();
        fleet.instances().values().forEach(i -> {
            if (i.status() == FleetInstanceRecord.Status.REQUESTED) {
                hosts.register(
                        FLEET, i.instanceId(), "http://127.0.0.1:0", new FleetEvent.Capacity(95_000, 376_832, 4));
            } else {
                hosts.heartbeat(FLEET, i.instanceId(), Map.of());
            }
        });
        fleet.copies().values().forEach(c -> {
            switch (c.status()) {
                case SCHEDULED -> {
                    if (broken.contains(c.specifiedAt())) {
                        hosts.copyFailed(FLEET, c.copyId(), "The container exited with code 1.", "");
                    } else {
                        hosts.copyLoaded(FLEET, c.copyId());
                    }
                }
                case REMOVING -> hosts.copyRemoved(FLEET, c.copyId());
                case LOADED -> {}
            }
        });
    }

    private FleetState fleet() {
        return new FleetDecider()
                .fold(events.read(FLEET.stream()).stream()
                        .map(e -> (FleetEvent) e.event())
                        .toList());
    }

    private List<String> copyIds() {
        return fleet().copiesOf("ic-a").stream()
                .filter(c -> c.status() != FleetCopyRecord.Status.REMOVING)
                .map(FleetCopyRecord::copyId)
                .sorted()
                .toList();
    }

    private List<String> instances() {
        return fleet().instances().keySet().stream().sorted().toList();
    }

    private long totalEvents() {
        return List.of(
                        FLEET.stream(),
                        StreamIds.endpoint("lab"),
                        StreamIds.inferenceComponent("ic-a"),
                        StreamIds.inferenceComponent("ic-b"),
                        StreamIds.inferenceComponent("ic-c"))
                .stream()
                .mapToLong(s -> events.read(s).size())
                .sum();
    }

    private EndpointStatus endpointStatus() {
        return EndpointView.describe(events.read(StreamIds.endpoint("lab")))
                .orElseThrow()
                .endpointStatus();
    }

    private InferenceComponentStatus status(String ic) {
        return InferenceComponentView.describe(events.read(StreamIds.inferenceComponent(ic)))
                .orElseThrow()
                .componentStatus();
    }

    private boolean endpointExists() {
        return !events.read(StreamIds.endpoint("lab")).isEmpty()
                && !(events.read(StreamIds.endpoint("lab")).getLast().event() instanceof EndpointEvent.Deleted);
    }

    private boolean componentExists(String ic) {
        return InferenceComponentView.describe(events.read(StreamIds.inferenceComponent(ic)))
                .isPresent();
    }
}
