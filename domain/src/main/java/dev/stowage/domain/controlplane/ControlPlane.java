package dev.stowage.domain.controlplane;

import dev.stowage.domain.Arns;
import dev.stowage.domain.Decider;
import dev.stowage.domain.component.Adapters;
import dev.stowage.domain.component.CopyQuota;
import dev.stowage.domain.component.EndpointSnapshot;
import dev.stowage.domain.component.InferenceComponentCommand.CreateInferenceComponent;
import dev.stowage.domain.component.InferenceComponentCommand.DeleteInferenceComponent;
import dev.stowage.domain.component.InferenceComponentCommand.SetDesiredCopyCount;
import dev.stowage.domain.component.InferenceComponentCommand.UpdateInferenceComponent;
import dev.stowage.domain.component.InferenceComponentDecider;
import dev.stowage.domain.component.InferenceComponentState;
import dev.stowage.domain.endpoint.EndpointCommand.CreateEndpoint;
import dev.stowage.domain.endpoint.EndpointCommand.DeleteEndpoint;
import dev.stowage.domain.endpoint.EndpointCommand.UpdateEndpoint;
import dev.stowage.domain.endpoint.EndpointConfigCommand.CreateEndpointConfig;
import dev.stowage.domain.endpoint.EndpointConfigCommand.DeleteEndpointConfig;
import dev.stowage.domain.endpoint.EndpointConfigDecider;
import dev.stowage.domain.endpoint.EndpointConfigState;
import dev.stowage.domain.endpoint.EndpointDecider;
import dev.stowage.domain.endpoint.EndpointState;
import dev.stowage.domain.endpoint.ProductionVariant;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.domain.model.ModelCommand.CreateModel;
import dev.stowage.domain.model.ModelCommand.DeleteModel;
import dev.stowage.domain.model.ModelDecider;
import dev.stowage.domain.model.ModelState;
import dev.stowage.domain.store.AppendContext;
import dev.stowage.domain.store.CommandService;
import dev.stowage.domain.store.EventStore;
import dev.stowage.domain.store.EventStore.Append;
import dev.stowage.domain.store.OnConflict;
import dev.stowage.domain.store.StreamIds;
import dev.stowage.events.CopyCountCause;
import dev.stowage.events.Document;
import dev.stowage.events.EndpointEvent;
import dev.stowage.events.Event;
import dev.stowage.events.EventEnvelope;
import dev.stowage.events.InferenceComponentEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The SageMaker control plane's write side: each operation looks up the facts it needs from other streams,
 * then runs one command through its decider. {@code afterAppend} hears every stream that changed (local mode
 * and the API handler use it to project at once, so a List right after a Create sees the new resource).
 */
public final class ControlPlane {
    private final EventStore store;
    private final CommandService commands;
    private final Clock clock;
    private final ModelDecider models;
    private final EndpointConfigDecider endpointConfigs;
    private final EndpointDecider endpoints;
    private final InferenceComponentDecider components;
    private final ToIntFunction<String> inferenceComponentsOnEndpoint;
    private final BiConsumer<String, List<EventEnvelope>> afterAppend;

    public ControlPlane(
            EventStore store,
            Clock clock,
            Arns arns,
            InstanceTypeCatalog catalog,
            ToIntFunction<String> inferenceComponentsOnEndpoint,
            BiConsumer<String, List<EventEnvelope>> afterAppend) {
        this(store, clock, arns, catalog, CopyQuota.DEFAULT, inferenceComponentsOnEndpoint, afterAppend);
    }

    public ControlPlane(
            EventStore store,
            Clock clock,
            Arns arns,
            InstanceTypeCatalog catalog,
            CopyQuota quota,
            ToIntFunction<String> inferenceComponentsOnEndpoint,
            BiConsumer<String, List<EventEnvelope>> afterAppend) {
        this.store = store;
        this.commands = new CommandService(store, clock);
        this.clock = clock;
        this.models = new ModelDecider(arns);
        this.endpointConfigs = new EndpointConfigDecider(arns, catalog);
        this.endpoints = new EndpointDecider(arns);
        this.components = new InferenceComponentDecider(arns, catalog, quota);
        this.inferenceComponentsOnEndpoint = inferenceComponentsOnEndpoint;
        this.afterAppend = afterAppend;
    }

    public void createModel(String name, Document description, String requestId) {
        run(StreamIds.model(name), models, new CreateModel(name, description, clock.instant()), requestId);
    }

    public void deleteModel(String name, String requestId) {
        run(StreamIds.model(name), models, new DeleteModel(name, clock.instant()), requestId);
    }

    public void createEndpointConfig(String name, Document description, String requestId) {
        Set<String> missing = ProductionVariant.of(description).stream()
                .flatMap(v -> Stream.concat(
                        v.modelName().stream(),
                        v.instancePools().stream().flatMap(pool -> pool.modelNameOverride().stream())))
                .filter(model -> !modelExists(model))
                .collect(Collectors.toSet());
        run(
                StreamIds.endpointConfig(name),
                endpointConfigs,
                new CreateEndpointConfig(name, description, missing, clock.instant()),
                requestId);
    }

    public void deleteEndpointConfig(String name, String requestId) {
        run(
                StreamIds.endpointConfig(name),
                endpointConfigs,
                new DeleteEndpointConfig(name, clock.instant()),
                requestId);
    }

    public void createEndpoint(String name, String configName, String requestId) {
        run(
                StreamIds.endpoint(name),
                endpoints,
                new CreateEndpoint(name, configName, endpointConfig(configName), clock.instant()),
                requestId);
    }

    public void updateEndpoint(String name, String configName, String requestId) {
        run(
                StreamIds.endpoint(name),
                endpoints,
                new UpdateEndpoint(name, configName, endpointConfig(configName), clock.instant()),
                requestId);
    }

    /**
     * Counts the endpoint's components from the endpoint as loaded for the decision: a component created after
     * that moved the endpoint's stream ({@code InferenceComponentAdded}), so the delete loses the race and counts
     * again.
     */
    public void deleteEndpoint(String name, String requestId) {
        decideOnLoaded(
                StreamIds.endpoint(name),
                endpoints,
                endpoint -> new DeleteEndpoint(
                        name,
                        Math.max(inferenceComponentsOnEndpoint.applyAsInt(name), componentsNamedBy(name, endpoint)),
                        clock.instant()),
                requestId);
    }

    /** The components the endpoint's stream names that exist now, on it (consistent reads of their streams). */
    private int componentsNamedBy(String endpointName, EndpointState endpoint) {
        if (!(endpoint instanceof EndpointState.Present present)) {
            return 0;
        }
        return (int) present.inferenceComponents().stream()
                .filter(component -> commands.load(StreamIds.inferenceComponent(component), components)
                                        .state()
                                instanceof InferenceComponentState.Present p
                        && p.endpointName().equals(endpointName))
                .count();
    }

    /** The request's {@code Specification} and {@code Specifications} (empty when not given). */
    public record SpecificationRequest(Optional<Document> specification, List<Document> specifications) {
        public SpecificationRequest {
            specifications = List.copyOf(specifications);
        }

        /** The model names of every specification given. */
        List<String> modelNames() {
            return Stream.concat(specification.stream(), specifications.stream())
                    .flatMap(s -> s.text("ModelName").stream())
                    .toList();
        }
    }

    public void createInferenceComponent(
            String name,
            String endpointName,
            Optional<String> variantName,
            SpecificationRequest specification,
            Optional<Integer> copyCount,
            String requestId) {
        String stream = StreamIds.inferenceComponent(name);
        String endpointStream = StreamIds.endpoint(endpointName);
        boolean modelExists = specificationModelExists(specification);
        Optional<String> baseName = specification.specification().flatMap(Adapters::base);
        List<EventEnvelope> appended = OnConflict.retry(() -> {
            CommandService.Loaded<EndpointState> endpoint = commands.load(endpointStream, endpoints);
            CommandService.Loaded<InferenceComponentState> component = commands.load(stream, components);
            Optional<CommandService.Loaded<InferenceComponentState>> base =
                    baseName.map(b -> commands.load(StreamIds.inferenceComponent(b), components));
            var command = new CreateInferenceComponent(
                    name,
                    snapshot(endpointName, endpoint.state()),
                    endpointName,
                    variantName,
                    specification.specification(),
                    specification.specifications(),
                    copyCount,
                    modelExists,
                    base.flatMap(b -> baseSnapshot(b.state())),
                    clock.instant());
            List<InferenceComponentEvent> created = components.decide(command, component.state());
            if (created.isEmpty()) {
                return List.of();
            }
            // All or none: the endpoint's stream moves with the component, so a racing DeleteEndpoint loses; an
            // adapter's base moves with it, so a racing delete of the base loses.
            List<Append> appends = new ArrayList<>(List.of(
                    new Append(stream, component.version(), created),
                    new Append(
                            endpointStream,
                            endpoint.version(),
                            List.of(new EndpointEvent.InferenceComponentAdded(name, command.at())))));
            base.ifPresent(b -> appends.add(new Append(
                    StreamIds.inferenceComponent(baseName.get()),
                    b.version(),
                    List.of(new InferenceComponentEvent.AdapterAttached(name, command.at())))));
            return store.appendAll(appends, context(requestId));
        });
        announce(appended);
    }

    public void updateInferenceComponent(
            String name,
            SpecificationRequest specification,
            Optional<Integer> copyCount,
            Optional<Document> deploymentConfig,
            String requestId) {
        var command = new UpdateInferenceComponent(
                name,
                currentVariant(name),
                specification.specification(),
                specification.specifications(),
                copyCount,
                deploymentConfig,
                specificationModelExists(specification),
                clock.instant());
        run(StreamIds.inferenceComponent(name), components, command, requestId);
    }

    public void setDesiredCopyCount(String name, int copyCount, CopyCountCause cause, String requestId) {
        run(
                StreamIds.inferenceComponent(name),
                components,
                new SetDesiredCopyCount(name, currentVariant(name), copyCount, cause, clock.instant()),
                requestId);
    }

    /** The desired copy count of the inference component {@code name} now, if it exists (a consistent read). */
    public Optional<Integer> desiredCopyCount(String name) {
        return commands.load(StreamIds.inferenceComponent(name), components).state()
                        instanceof InferenceComponentState.Present present
                ? Optional.of(present.desiredCopyCount())
                : Optional.empty();
    }

    /**
     * The component whose copies serve {@code name}: the base of an adapter inference component, else {@code name}
     * itself (a consistent read).
     */
    public String servedBy(String name) {
        return commands.load(StreamIds.inferenceComponent(name), components).state()
                        instanceof InferenceComponentState.Present present
                ? present.baseInferenceComponentName().orElse(name)
                : name;
    }

    /**
     * Refused while adapters that exist name the component as their base, counted from its stream as loaded for the
     * decision: an adapter created after that moved the stream ({@code AdapterAttached}), so the delete loses the
     * race and counts again.
     */
    public void deleteInferenceComponent(String name, String requestId) {
        decideOnLoaded(
                StreamIds.inferenceComponent(name),
                components,
                component -> new DeleteInferenceComponent(name, liveAdapters(name, component), clock.instant()),
                requestId);
    }

    /** The adapters the component's stream names that exist now, not being deleted, with it as their base. */
    private List<String> liveAdapters(String base, InferenceComponentState state) {
        if (!(state instanceof InferenceComponentState.Present present)) {
            return List.of();
        }
        return present.adapters().stream()
                .filter(adapter -> commands.load(StreamIds.inferenceComponent(adapter), components)
                                        .state()
                                instanceof InferenceComponentState.Present p
                        && p.liveAdapterOf(base))
                .toList();
    }

    private static Optional<Adapters.BaseSnapshot> baseSnapshot(InferenceComponentState state) {
        return state instanceof InferenceComponentState.Present p
                ? Optional.of(new Adapters.BaseSnapshot(
                        p.inferenceComponentName(),
                        p.endpointName(),
                        p.variantName(),
                        p.status(),
                        p.baseInferenceComponentName().isPresent()))
                : Optional.empty();
    }

    /**
     * Decides the command made from {@code stream}'s state as loaded, and appends at the version it decided on; a
     * writer that moved the stream meanwhile makes the append conflict, and the decision is made again.
     */
    private <C, S, E extends Event> void decideOnLoaded(
            String stream, Decider<C, S, E> decider, Function<S, C> command, String requestId) {
        List<EventEnvelope> appended = OnConflict.retry(() -> {
            CommandService.Loaded<S> loaded = commands.load(stream, decider);
            List<E> events = decider.decide(command.apply(loaded.state()), loaded.state());
            return events.isEmpty()
                    ? List.<EventEnvelope>of()
                    : store.appendAll(List.of(new Append(stream, loaded.version(), events)), context(requestId));
        });
        announce(appended);
    }

    private <C, S, E extends Event> void run(String stream, Decider<C, S, E> decider, C command, String requestId) {
        announce(commands.handle(stream, decider, command, requestId));
    }

    private boolean modelExists(String name) {
        return commands.load(StreamIds.model(name), models).state() instanceof ModelState.Present;
    }

    private boolean specificationModelExists(SpecificationRequest specification) {
        return specification.modelNames().stream().allMatch(this::modelExists);
    }

    private Optional<Document> endpointConfig(String name) {
        return commands.load(StreamIds.endpointConfig(name), endpointConfigs).state()
                        instanceof EndpointConfigState.Present present
                ? Optional.of(present.description())
                : Optional.empty();
    }

    private Optional<ProductionVariant> currentVariant(String inferenceComponentName) {
        if (commands.load(StreamIds.inferenceComponent(inferenceComponentName), components)
                        .state()
                instanceof InferenceComponentState.Present present) {
            return endpointSnapshot(present.endpointName())
                    .flatMap(endpoint -> endpoint.variant(Optional.of(present.variantName())));
        }
        return Optional.empty();
    }

    private Optional<EndpointSnapshot> endpointSnapshot(String name) {
        return snapshot(name, commands.load(StreamIds.endpoint(name), endpoints).state());
    }

    private Optional<EndpointSnapshot> snapshot(String name, EndpointState endpoint) {
        if (endpoint instanceof EndpointState.Present present) {
            return Optional.of(new EndpointSnapshot(
                    name, endpoints.arnOf(name), present.status(), ProductionVariant.of(present.endpointConfig())));
        }
        return Optional.empty();
    }

    private AppendContext context(String requestId) {
        return new AppendContext(clock.instant(), requestId, requestId);
    }

    /** Tells {@code afterAppend} of each stream that changed, with its envelopes. */
    private void announce(List<EventEnvelope> appended) {
        appended.stream()
                .collect(Collectors.groupingBy(EventEnvelope::stream, LinkedHashMap::new, Collectors.toList()))
                .forEach(afterAppend);
    }
}
