package dev.stowage.domain.component;

import dev.stowage.domain.Arns;
import dev.stowage.domain.CommandRejected;
import dev.stowage.domain.Decider;
import dev.stowage.domain.component.InferenceComponentCommand.CompleteDeletion;
import dev.stowage.domain.component.InferenceComponentCommand.CreateInferenceComponent;
import dev.stowage.domain.component.InferenceComponentCommand.DeleteInferenceComponent;
import dev.stowage.domain.component.InferenceComponentCommand.MarkFailed;
import dev.stowage.domain.component.InferenceComponentCommand.MarkInService;
import dev.stowage.domain.component.InferenceComponentCommand.RollBackUpdate;
import dev.stowage.domain.component.InferenceComponentCommand.SetDesiredCopyCount;
import dev.stowage.domain.component.InferenceComponentCommand.UpdateInferenceComponent;
import dev.stowage.domain.component.InferenceComponentState.Absent;
import dev.stowage.domain.component.InferenceComponentState.Deployment;
import dev.stowage.domain.component.InferenceComponentState.Present;
import dev.stowage.domain.endpoint.EndpointDecider;
import dev.stowage.domain.endpoint.EndpointStatus;
import dev.stowage.domain.endpoint.ProductionVariant;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.domain.model.ModelDecider;
import dev.stowage.events.CopyCountCause;
import dev.stowage.events.Document;
import dev.stowage.events.InferenceComponentEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Creates, updates, scales and deletes inference components. An inference component is {@code Creating} until
 * placement reports its copies serving; a change to one in service makes it {@code Updating}; a delete makes it
 * {@code Deleting} until placement has removed its last copy.
 */
public final class InferenceComponentDecider
        implements Decider<InferenceComponentCommand, InferenceComponentState, InferenceComponentEvent> {
    private final Arns arns;
    private final InstanceTypeCatalog catalog;
    private final CopyQuota quota;

    /** Within the default {@link CopyQuota}. */
    public InferenceComponentDecider(Arns arns, InstanceTypeCatalog catalog) {
        this(arns, catalog, CopyQuota.DEFAULT);
    }

    public InferenceComponentDecider(Arns arns, InstanceTypeCatalog catalog, CopyQuota quota) {
        this.arns = arns;
        this.catalog = catalog;
        this.quota = quota;
    }

    @Override
    public InferenceComponentState initialState() {
        return new Absent();
    }

    @Override
    public List<InferenceComponentEvent> decide(InferenceComponentCommand command, InferenceComponentState state) {
        return switch (command) {
            case CreateInferenceComponent create -> create(create, state);
            case UpdateInferenceComponent update -> update(update, present(update.inferenceComponentName(), state));
            case SetDesiredCopyCount scale -> scale(scale, present(scale.inferenceComponentName(), state));
            case DeleteInferenceComponent delete -> delete(delete, present(delete.inferenceComponentName(), state));
            case MarkInService mark ->
                converging(state) ? List.of(new InferenceComponentEvent.InService(mark.at())) : List.of();
            case MarkFailed mark ->
                converging(state) ? List.of(new InferenceComponentEvent.Failed(mark.reason(), mark.at())) : List.of();
            case RollBackUpdate rollBack ->
                state instanceof Present p && p.rollbackAllowed()
                        ? List.of(new InferenceComponentEvent.UpdateRolledBack(
                                p.updates().previous().orElseThrow().specification(), rollBack.reason(), rollBack.at()))
                        : List.of();
            case CompleteDeletion complete ->
                state instanceof Present p && p.status() == InferenceComponentStatus.DELETING
                        ? List.of(new InferenceComponentEvent.Deleted(complete.at()))
                        : List.of();
        };
    }

    private List<InferenceComponentEvent> create(CreateInferenceComponent command, InferenceComponentState state) {
        String arn = arns.inferenceComponent(command.inferenceComponentName());
        if (state instanceof Present) {
            throw CommandRejected.validation("Cannot create already existing inference component \"" + arn + "\".");
        }
        EndpointSnapshot endpoint =
                command.endpoint().orElseThrow(() -> EndpointDecider.notFound(arns, command.endpointName()));
        if (endpoint.status() != EndpointStatus.IN_SERVICE && endpoint.status() != EndpointStatus.CREATING) {
            throw CommandRejected.validation("Cannot create inference component on endpoint \"" + endpoint.endpointArn()
                    + "\" while it is " + endpoint.status() + ".");
        }
        Optional<String> baseName = command.specification().flatMap(Adapters::base);
        if (baseName.isPresent()) {
            return createAdapter(command, arn, endpoint, baseName.get());
        }
        ProductionVariant variant = endpoint.variant(command.variantName())
                .orElseThrow(() -> CommandRejected.validation(command.variantName()
                        .map(v ->
                                "Could not find variant \"" + v + "\" on endpoint \"" + endpoint.endpointArn() + "\".")
                        .orElse("VariantName is required: endpoint \"" + endpoint.endpointArn()
                                + "\" has more than one variant.")));
        if (!variant.hostsInferenceComponents()) {
            throw CommandRejected.validation("Invalid request provided: Inference Components are not supported in this"
                    + " Endpoint. Please make sure this endpoint can deploy inference components.");
        }
        Document specification = checkedSpecification(command.specification(), command.specifications());
        checkModel(specification, command.modelExists());
        checkFits(specification, variant);
        int copyCount = command.copyCount()
                .orElseThrow(() ->
                        CommandRejected.validation("RuntimeConfig is required when creating an inference component."));
        if (copyCount < 1) {
            throw SpecificationRules.copyCountBelow(1, copyCount);
        }
        checkLimit(copyCount, specification, Optional.of(variant));
        return List.of(new InferenceComponentEvent.Created(
                command.inferenceComponentName(),
                arn,
                endpoint.endpointName(),
                endpoint.endpointArn(),
                variant.variantName(),
                specification,
                copyCount,
                command.at()));
    }

    /**
     * An adapter inference component: no copies of its own (its desired copy count is 0), on its base's variant. The
     * caller appends {@code AdapterAttached} to the base's stream with it.
     */
    private List<InferenceComponentEvent> createAdapter(
            CreateInferenceComponent command, String arn, EndpointSnapshot endpoint, String baseName) {
        if (!command.specifications().isEmpty()) {
            throw SpecificationRules.bothGiven();
        }
        Document specification = command.specification().orElseThrow();
        Adapters.checkSpecification(specification);
        if (command.copyCount().isPresent()) {
            throw Adapters.runtimeConfigGiven();
        }
        Adapters.BaseSnapshot base =
                Adapters.checkBase(baseName, command.base(), endpoint.endpointName(), command.variantName());
        return List.of(new InferenceComponentEvent.Created(
                command.inferenceComponentName(),
                arn,
                endpoint.endpointName(),
                endpoint.endpointArn(),
                base.variantName(),
                specification,
                0,
                command.at()));
    }

    private List<InferenceComponentEvent> update(UpdateInferenceComponent command, Present state) {
        refuseWhileDeleting(state);
        if (state.baseInferenceComponentName().isPresent()) {
            return updateAdapter(command, state);
        }
        if (command.specification().flatMap(Adapters::base).isPresent()) {
            throw Adapters.baseChanged();
        }
        boolean respecifies =
                command.specification().isPresent() || !command.specifications().isEmpty();
        if (!respecifies && command.copyCount().isEmpty()) {
            throw CommandRejected.validation("At least one of Specification or RuntimeConfig must be provided.");
        }
        List<InferenceComponentEvent> events = new ArrayList<>();
        Document next = state.specification();
        if (respecifies) {
            Document specification = checkedSpecification(command.specification(), command.specifications());
            next = specification;
            checkModel(specification, command.modelExists());
            command.variant().ifPresent(variant -> checkFits(specification, variant));
            if (!specification.equals(state.specification())) {
                events.add(new InferenceComponentEvent.SpecificationUpdated(specification, command.at()));
            }
        }
        Document nextSpecification = next;
        command.copyCount().ifPresent(count -> {
            // The service model allows 0 here, as on UpdateInferenceComponentRuntimeConfig (scale to zero).
            if (count < 0) {
                throw SpecificationRules.copyCountBelow(0, count);
            }
            checkLimit(count, nextSpecification, command.variant());
            if (count != state.desiredCopyCount()) {
                events.add(new InferenceComponentEvent.DesiredCopyCountSet(count, CopyCountCause.API, command.at()));
            }
        });
        boolean respecified = events.stream().anyMatch(InferenceComponentEvent.SpecificationUpdated.class::isInstance);
        command.deploymentConfig()
                .filter(config -> respecified
                        || !state.updates()
                                .lastDeployment()
                                .map(Deployment::config)
                                .equals(Optional.of(config)))
                .ifPresent(
                        config -> events.add(new InferenceComponentEvent.DeploymentConfigured(config, command.at())));
        return List.copyOf(events);
    }

    /** An adapter's update: a new artifact for the same base, nothing else. */
    private List<InferenceComponentEvent> updateAdapter(UpdateInferenceComponent command, Present state) {
        if (command.copyCount().isPresent()) {
            throw Adapters.runtimeConfigGiven();
        }
        if (!command.specifications().isEmpty()) {
            throw Adapters.baseChanged();
        }
        Document specification = command.specification()
                .orElseThrow(() -> CommandRejected.validation(
                        "Specification is required to update an adapter" + " inference component."));
        if (!Adapters.base(specification).equals(state.baseInferenceComponentName())) {
            throw Adapters.baseChanged();
        }
        Adapters.checkSpecification(specification);
        return specification.equals(state.specification())
                ? List.of()
                : List.of(new InferenceComponentEvent.SpecificationUpdated(specification, command.at()));
    }

    private List<InferenceComponentEvent> scale(SetDesiredCopyCount command, Present state) {
        refuseWhileDeleting(state);
        state.baseInferenceComponentName().ifPresent(base -> {
            throw Adapters.scaled(state.inferenceComponentName(), base);
        });
        if (command.copyCount() < 0) {
            throw SpecificationRules.copyCountBelow(0, command.copyCount());
        }
        checkLimit(command.copyCount(), state.specification(), command.variant());
        if (command.copyCount() == state.desiredCopyCount()) {
            return List.of();
        }
        return List.of(
                new InferenceComponentEvent.DesiredCopyCountSet(command.copyCount(), command.cause(), command.at()));
    }

    private List<InferenceComponentEvent> delete(DeleteInferenceComponent command, Present state) {
        if (state.status() == InferenceComponentStatus.DELETING) {
            return List.of();
        }
        if (!command.liveAdapters().isEmpty()) {
            throw Adapters.stillAdapted(state.inferenceComponentName(), command.liveAdapters());
        }
        return List.of(new InferenceComponentEvent.DeletionStarted(command.at()));
    }

    private static boolean converging(InferenceComponentState state) {
        return state instanceof Present p
                && (p.status() == InferenceComponentStatus.CREATING || p.status() == InferenceComponentStatus.UPDATING);
    }

    /** The specification to store: the request's {@code Specification}, or its {@code Specifications}. */
    private static Document checkedSpecification(Optional<Document> specification, List<Document> specifications) {
        if (!specifications.isEmpty()) {
            if (specification.isPresent()) {
                throw SpecificationRules.bothGiven();
            }
            Adapters.refuseInSpecifications(specifications);
            SpecificationRules.checkPerType(specifications);
            return Specifications.store(specifications);
        }
        Document checked = specification.orElseThrow(
                () -> CommandRejected.validation("Specification is required when creating an inference component."));
        SpecificationRules.check(checked);
        return checked;
    }

    private void checkModel(Document specification, boolean modelExists) {
        new Specifications(specification)
                .entries().stream()
                        .flatMap(entry -> entry.text("ModelName").stream())
                        .findFirst()
                        .ifPresent(model -> {
                            if (!modelExists) {
                                throw ModelDecider.notFound(arns, model);
                            }
                        });
    }

    /** More copies than the quota allows, or than the variant could ever hold, are refused. */
    private void checkLimit(int copyCount, Document specification, Optional<ProductionVariant> variant) {
        CopyLimit.checkQuota(copyCount, quota);
        variant.ifPresent(v -> CopyLimit.checkRoom(copyCount, new Specifications(specification), v, catalog));
    }

    /**
     * A copy that could never fit one instance of any of the variant's types would stay pending forever; so would
     * a specification for a type the variant does not have.
     */
    private void checkFits(Document specification, ProductionVariant variant) {
        PoolFit.check(new Specifications(specification), variant, catalog);
    }

    private void refuseWhileDeleting(Present state) {
        if (state.status() == InferenceComponentStatus.DELETING) {
            throw CommandRejected.validation("Cannot update inference component \"" + state.inferenceComponentName()
                    + "\" while it is Deleting.");
        }
    }

    private Present present(String name, InferenceComponentState state) {
        if (state instanceof Present present) {
            return present;
        }
        throw notFound(name);
    }

    /** The service's answer for an inference component that does not exist. */
    public static CommandRejected notFound(String name) {
        return CommandRejected.notFound("Could not find inference component \"" + name + "\".");
    }

    @Override
    public InferenceComponentState evolve(InferenceComponentState state, InferenceComponentEvent event) {
        return switch (event) {
            case InferenceComponentEvent.Created created ->
                new Present(
                        created.inferenceComponentName(),
                        created.endpointName(),
                        created.variantName(),
                        created.specification(),
                        created.copyCount(),
                        InferenceComponentStatus.CREATING,
                        created.createdAt(),
                        created.createdAt(),
                        InferenceComponentState.Updates.none(),
                        List.of());
            case InferenceComponentEvent.SpecificationUpdated updated ->
                state instanceof Present p
                        ? p.changed(updated.specification(), p.desiredCopyCount(), changing(p), updated.at())
                        : state;
            case InferenceComponentEvent.DeploymentConfigured configured ->
                state instanceof Present p
                        ? p.withDeployment(new Deployment(configured.deploymentConfig(), configured.at()))
                        : state;
            case InferenceComponentEvent.UpdateRolledBack rolledBack ->
                state instanceof Present p ? p.rolledBack(rolledBack.reason(), rolledBack.at()) : state;
            case InferenceComponentEvent.DesiredCopyCountSet set ->
                state instanceof Present p
                        ? p.changed(p.specification(), set.copyCount(), changing(p), set.at())
                        : state;
            case InferenceComponentEvent.InService inService -> state instanceof Present p ? p.inService() : state;
            case InferenceComponentEvent.Failed failed -> withStatus(state, InferenceComponentStatus.FAILED);
            case InferenceComponentEvent.AdapterAttached attached ->
                state instanceof Present p ? p.withAdapter(attached.adapterName()) : state;
            case InferenceComponentEvent.DeletionStarted deleting ->
                withStatus(state, InferenceComponentStatus.DELETING);
            case InferenceComponentEvent.Deleted deleted -> new Absent();
        };
    }

    private static InferenceComponentStatus changing(Present state) {
        return state.status() == InferenceComponentStatus.CREATING
                ? InferenceComponentStatus.CREATING
                : InferenceComponentStatus.UPDATING;
    }

    private static InferenceComponentState withStatus(InferenceComponentState state, InferenceComponentStatus status) {
        return state instanceof Present p ? p.withStatus(status) : state;
    }
}
