package dev.stowage.domain.endpoint;

import dev.stowage.domain.Arns;
import dev.stowage.domain.CommandRejected;
import dev.stowage.domain.Decider;
import dev.stowage.domain.endpoint.EndpointConfigCommand.CreateEndpointConfig;
import dev.stowage.domain.endpoint.EndpointConfigCommand.DeleteEndpointConfig;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.domain.model.ModelDecider;
import dev.stowage.events.EndpointConfigEvent;
import java.util.List;

/** Creates and deletes endpoint configs, enforcing the service's rules on their variants. */
public final class EndpointConfigDecider
        implements Decider<EndpointConfigCommand, EndpointConfigState, EndpointConfigEvent> {
    private final Arns arns;
    private final InstanceTypeCatalog catalog;

    public EndpointConfigDecider(Arns arns, InstanceTypeCatalog catalog) {
        this.arns = arns;
        this.catalog = catalog;
    }

    @Override
    public EndpointConfigState initialState() {
        return new EndpointConfigState.Absent();
    }

    @Override
    public List<EndpointConfigEvent> decide(EndpointConfigCommand command, EndpointConfigState state) {
        return switch (command) {
            case CreateEndpointConfig create -> create(create, state);
            case DeleteEndpointConfig delete -> delete(delete, state);
        };
    }

    private List<EndpointConfigEvent> create(CreateEndpointConfig command, EndpointConfigState state) {
        String arn = arns.endpointConfig(command.endpointConfigName());
        if (state instanceof EndpointConfigState.Present) {
            throw CommandRejected.validation("Cannot create already existing endpoint configuration \"" + arn + "\".");
        }
        VariantRules.check(command.description(), catalog);
        command.missingModels().stream().sorted().findFirst().ifPresent(model -> {
            throw ModelDecider.notFound(arns, model);
        });
        return List.of(new EndpointConfigEvent.Created(
                command.endpointConfigName(), arn, command.description(), command.at()));
    }

    private List<EndpointConfigEvent> delete(DeleteEndpointConfig command, EndpointConfigState state) {
        if (state instanceof EndpointConfigState.Absent) {
            throw notFound(arns, command.endpointConfigName());
        }
        return List.of(new EndpointConfigEvent.Deleted(command.at()));
    }

    /** The service's answer for an endpoint config that does not exist. */
    public static CommandRejected notFound(Arns arns, String name) {
        return CommandRejected.notFound("Could not find endpoint configuration \"" + arns.endpointConfig(name) + "\".");
    }

    @Override
    public EndpointConfigState evolve(EndpointConfigState state, EndpointConfigEvent event) {
        return switch (event) {
            case EndpointConfigEvent.Created created ->
                new EndpointConfigState.Present(created.endpointConfigName(), created.description());
            case EndpointConfigEvent.Deleted deleted -> new EndpointConfigState.Absent();
        };
    }
}
