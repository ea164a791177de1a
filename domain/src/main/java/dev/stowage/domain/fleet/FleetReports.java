package dev.stowage.domain.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.Arns;
import dev.stowage.domain.component.InferenceComponentDecider;
import dev.stowage.domain.component.InferenceComponentState;
import dev.stowage.domain.component.Specifications;
import dev.stowage.domain.fleet.FleetCommand.RegisterInstance;
import dev.stowage.domain.fleet.FleetCommand.ReportAdapterLoadFailed;
import dev.stowage.domain.fleet.FleetCommand.ReportAdapterLoaded;
import dev.stowage.domain.fleet.FleetCommand.ReportAdapterUnloaded;
import dev.stowage.domain.fleet.FleetCommand.ReportCopyFailed;
import dev.stowage.domain.fleet.FleetCommand.ReportCopyLoaded;
import dev.stowage.domain.fleet.FleetCommand.ReportCopyRemoved;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.domain.model.ModelDecider;
import dev.stowage.domain.model.ModelState;
import dev.stowage.domain.store.CommandService;
import dev.stowage.domain.store.EventStore;
import dev.stowage.domain.store.LivenessStore;
import dev.stowage.domain.store.SnapshotStore;
import dev.stowage.domain.store.StreamIds;
import dev.stowage.events.Document;
import dev.stowage.events.FleetEvent.Capacity;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What inference hosts tell the control plane and read from it. Reports are commands on the fleet stream
 * (idempotent: a host may repeat them); heartbeats go to the {@link LivenessStore}.
 */
public final class FleetReports {
    private final CommandService commands;
    private final LivenessStore liveness;
    private final Clock clock;
    private final FleetRepository fleetRepository;
    private final InferenceComponentDecider components;
    private final ModelDecider models;

    public FleetReports(
            EventStore events,
            SnapshotStore snapshots,
            LivenessStore liveness,
            InstanceTypeCatalog catalog,
            Arns arns,
            Clock clock) {
        this.commands = new CommandService(events, clock);
        this.fleetRepository = new FleetRepository(events, snapshots);
        this.liveness = liveness;
        this.clock = clock;
        this.components = new InferenceComponentDecider(arns, catalog);
        this.models = new ModelDecider(arns);
    }

    public void register(FleetKey key, String instanceId, String address, Capacity capacity) {
        liveness.beat(key.stream(), instanceId, clock.instant());
        fleetRepository.handle(
                key.stream(), new RegisterInstance(instanceId, address, capacity, clock.instant()), clock, instanceId);
    }

    /** The instance is alive; {@code loading} is how far its loading copies have come, by copy id. */
    public void heartbeat(FleetKey key, String instanceId, Map<String, String> loading) {
        liveness.beat(key.stream(), instanceId, clock.instant(), loading);
    }

    public void copyLoaded(FleetKey key, String copyId) {
        fleetRepository.handle(key.stream(), new ReportCopyLoaded(copyId, clock.instant()), clock, copyId);
    }

    /** The copy's runtime registered the adapter inference component at the specification of {@code specifiedAt}. */
    public void adapterLoaded(FleetKey key, String copyId, String adapterName, Instant specifiedAt) {
        fleetRepository.handle(
                key.stream(),
                new ReportAdapterLoaded(copyId, adapterName, specifiedAt, clock.instant()),
                clock,
                copyId);
    }

    /** The copy's runtime could not register the adapter inference component at that specification, try after try. */
    public void adapterLoadFailed(FleetKey key, String copyId, String adapterName, Instant specifiedAt, String reason) {
        fleetRepository.handle(
                key.stream(),
                new ReportAdapterLoadFailed(copyId, adapterName, specifiedAt, reason, clock.instant()),
                clock,
                copyId);
    }

    /** The copy's runtime unregistered the adapter inference component. */
    public void adapterUnloaded(FleetKey key, String copyId, String adapterName) {
        fleetRepository.handle(
                key.stream(), new ReportAdapterUnloaded(copyId, adapterName, clock.instant()), clock, copyId);
    }

    public void copyFailed(FleetKey key, String copyId, String reason, String logTail) {
        fleetRepository.handle(
                key.stream(), new ReportCopyFailed(copyId, reason, logTail, clock.instant()), clock, copyId);
    }

    public void copyRemoved(FleetKey key, String copyId) {
        fleetRepository.handle(key.stream(), new ReportCopyRemoved(copyId, clock.instant()), clock, copyId);
    }

    /**
     * The copies on {@code instanceId} now, each with its component's specification and, unless it is being removed,
     * the adapters of its component.
     */
    public List<CopyAssignment> assignments(FleetKey key, String instanceId) {
        FleetState fleet = fleetRepository.load(key.stream()).state();
        Map<String, InferenceComponentState> read = new HashMap<>(); // each component once, however many copies
        return fleet.copies().values().stream()
                .filter(copy -> copy.instanceId().equals(instanceId))
                .sorted(Comparator.comparing(FleetCopyRecord::copyId))
                .map(copy -> {
                    InferenceComponentState component = read(read, copy.inferenceComponentName());
                    return new CopyAssignment(
                            copy,
                            specification(copy, instanceType(fleet, copy), component),
                            copy.status() == FleetCopyRecord.Status.REMOVING
                                    ? List.of()
                                    : adapters(copy, component, read));
                })
                .toList();
    }

    private InferenceComponentState read(Map<String, InferenceComponentState> read, String name) {
        return read.computeIfAbsent(name, n -> commands.load(StreamIds.inferenceComponent(n), components)
                .state());
    }

    /**
     * The adapters the copy's component is the base of that exist and are not being deleted, each at its current
     * specification, and whether the fleet has it loaded in the copy at that specification.
     */
    private List<CopyAdapter> adapters(
            FleetCopyRecord copy, InferenceComponentState component, Map<String, InferenceComponentState> read) {
        if (!(component instanceof InferenceComponentState.Present base)) {
            return List.of();
        }
        List<CopyAdapter> adapters = new ArrayList<>();
        for (String name : base.adapters()) {
            if (read(read, name) instanceof InferenceComponentState.Present adapter
                    && adapter.liveAdapterOf(base.inferenceComponentName())) {
                adapters.add(new CopyAdapter(
                        name,
                        adapter.specification().text("Container", "ArtifactUrl").orElse(""),
                        adapter.specifiedAt(),
                        copy.hasAdapter(name, adapter.specifiedAt())));
            }
        }
        return List.copyOf(adapters);
    }

    /**
     * The specification {@code copy} runs: of those {@code component} had when the copy was scheduled (during an
     * update or its rollback the component has two sets, else its current one), the one for the type of the
     * instance it is on.
     */
    private Document specification(FleetCopyRecord copy, String instanceType, InferenceComponentState component) {
        return component instanceof InferenceComponentState.Present p
                ? new Specifications(p.specificationAt(copy.specifiedAt()))
                        .forType(instanceType)
                        .map(this::withModelContainer)
                        .orElse(Document.empty())
                : Document.empty();
    }

    private static String instanceType(FleetState fleet, FleetCopyRecord copy) {
        FleetInstanceRecord instance = fleet.instances().get(copy.instanceId());
        return instance == null ? "" : instance.instanceType();
    }

    /**
     * A specification that names only a model runs the model's {@code PrimaryContainer}: its image, its {@code
     * ModelDataUrl} as the artifact and its environment, as the service does. Hosts read {@code Container} only.
     */
    private Document withModelContainer(Document specification) {
        if (specification.has("Container") || specification.text("ModelName").isEmpty()) {
            return specification;
        }
        String model = specification.text("ModelName").orElseThrow();
        if (!(commands.load(StreamIds.model(model), models).state() instanceof ModelState.Present present)) {
            return specification;
        }
        Document primary = present.description()
                .at("PrimaryContainer")
                .filter(JsonNode::isObject)
                .map(node -> Document.of((ObjectNode) node))
                .orElse(Document.empty());
        ObjectNode container = JsonNodeFactory.instance.objectNode();
        primary.text("Image").ifPresent(image -> container.put("Image", image));
        primary.text("ModelDataUrl").ifPresent(url -> container.put("ArtifactUrl", url));
        primary.at("Environment").ifPresent(environment -> container.set("Environment", environment));
        return specification.with("Container", container);
    }
}
