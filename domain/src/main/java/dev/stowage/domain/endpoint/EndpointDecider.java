package dev.stowage.domain.endpoint;

import dev.stowage.domain.Arns;
import dev.stowage.domain.CommandRejected;
import dev.stowage.domain.Decider;
import dev.stowage.domain.endpoint.EndpointCommand.CompleteEndpointDeletion;
import dev.stowage.domain.endpoint.EndpointCommand.CreateEndpoint;
import dev.stowage.domain.endpoint.EndpointCommand.DeleteEndpoint;
import dev.stowage.domain.endpoint.EndpointCommand.MarkEndpointInService;
import dev.stowage.domain.endpoint.EndpointCommand.UpdateEndpoint;
import dev.stowage.domain.endpoint.EndpointState.Absent;
import dev.stowage.domain.endpoint.EndpointState.Present;
import dev.stowage.events.Document;
import dev.stowage.events.EndpointEvent;
import java.util.List;

/**
 * Creates, updates and deletes endpoints. An endpoint is {@code Creating} until placement reports its initial
 * instances registered, and {@code Deleting} until its last instance is gone. An endpoint that still hosts
 * inference components cannot be deleted (ADR 0003).
 */
public final class EndpointDecider implements Decider<EndpointCommand, EndpointState, EndpointEvent> {
    private final Arns arns;

    public EndpointDecider(Arns arns) {
        this.arns = arns;
    }

    @Override
    public EndpointState initialState() {
        return new Absent();
    }

    @Override
    public List<EndpointEvent> decide(EndpointCommand command, EndpointState state) {
        return switch (command) {
            case CreateEndpoint create -> create(create, state);
            case UpdateEndpoint update -> update(update, state);
            case DeleteEndpoint delete -> delete(delete, state);
            case MarkEndpointInService mark ->
                state instanceof Present p && p.status() == EndpointStatus.CREATING
                        ? List.of(new EndpointEvent.InService(mark.at()))
                        : List.of();
            case CompleteEndpointDeletion complete ->
                state instanceof Present p && p.status() == EndpointStatus.DELETING
                        ? List.of(new EndpointEvent.Deleted(complete.at()))
                        : List.of();
        };
    }

    private List<EndpointEvent> create(CreateEndpoint command, EndpointState state) {
        String arn = arns.endpoint(command.endpointName());
        if (state instanceof Present) {
            throw CommandRejected.validation("Cannot create already existing endpoint \"" + arn + "\".");
        }
        Document config = command.endpointConfig()
                .orElseThrow(() -> EndpointConfigDecider.notFound(arns, command.endpointConfigName()));
        return List.of(new EndpointEvent.Created(
                command.endpointName(), arn, command.endpointConfigName(), config, command.at()));
    }

    private List<EndpointEvent> update(UpdateEndpoint command, EndpointState state) {
        Present present = present(command.endpointName(), state);
        if (present.status() != EndpointStatus.IN_SERVICE) {
            throw CommandRejected.validation(
                    "Cannot update in-progress endpoint \"" + arns.endpoint(command.endpointName()) + "\".");
        }
        Document config = command.endpointConfig()
                .orElseThrow(() -> EndpointConfigDecider.notFound(arns, command.endpointConfigName()));
        boolean hostedInferenceComponents = hostsInferenceComponents(present.endpointConfig());
        if (hostedInferenceComponents != hostsInferenceComponents(config)) {
            throw CommandRejected.validation("Cannot update endpoint \"" + arns.endpoint(command.endpointName())
                    + "\" between an inference component endpoint configuration and a model-based one.");
        }
        return List.of(
                new EndpointEvent.Updated(command.endpointConfigName(), config, command.at()),
                new EndpointEvent.InService(command.at()));
    }

    private List<EndpointEvent> delete(DeleteEndpoint command, EndpointState state) {
        Present present = present(command.endpointName(), state);
        if (present.status() == EndpointStatus.DELETING) {
            return List.of();
        }
        if (command.inferenceComponents() > 0) {
            throw CommandRejected.validation("Cannot delete endpoint \"" + arns.endpoint(command.endpointName())
                    + "\" because it has " + command.inferenceComponents()
                    + " inference component(s). Delete the inference components first.");
        }
        return List.of(new EndpointEvent.DeletionStarted(command.at()));
    }

    private Present present(String endpointName, EndpointState state) {
        if (state instanceof Present present) {
            return present;
        }
        throw notFound(arns, endpointName);
    }

    private static boolean hostsInferenceComponents(Document config) {
        return ProductionVariant.of(config).stream().anyMatch(ProductionVariant::hostsInferenceComponents);
    }

    public String arnOf(String endpointName) {
        return arns.endpoint(endpointName);
    }

    /** The service's answer for an endpoint that does not exist. */
    public static CommandRejected notFound(Arns arns, String endpointName) {
        return CommandRejected.notFound("Could not find endpoint \"" + arns.endpoint(endpointName) + "\".");
    }

    @Override
    public EndpointState evolve(EndpointState state, EndpointEvent event) {
        return switch (event) {
            case EndpointEvent.Created created ->
                new Present(created.endpointName(), created.endpointConfig(), EndpointStatus.CREATING);
            case EndpointEvent.InService inService -> withStatus(state, EndpointStatus.IN_SERVICE);
            case EndpointEvent.Updated updated ->
                state instanceof Present present
                        ? new Present(
                                present.endpointName(),
                                updated.endpointConfig(),
                                EndpointStatus.UPDATING,
                                present.inferenceComponents())
                        : state;
            case EndpointEvent.InferenceComponentAdded added ->
                state instanceof Present present
                        ? present.withInferenceComponent(added.inferenceComponentName())
                        : state;
            case EndpointEvent.Failed failed -> withStatus(state, EndpointStatus.FAILED);
            case EndpointEvent.DeletionStarted deleting -> withStatus(state, EndpointStatus.DELETING);
            case EndpointEvent.Deleted deleted -> new Absent();
        };
    }

    private static EndpointState withStatus(EndpointState state, EndpointStatus status) {
        return state instanceof Present present ? present.withStatus(status) : state;
    }
}
