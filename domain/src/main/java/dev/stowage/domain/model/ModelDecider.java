package dev.stowage.domain.model;

import dev.stowage.domain.Arns;
import dev.stowage.domain.CommandRejected;
import dev.stowage.domain.Decider;
import dev.stowage.domain.model.ModelCommand.CreateModel;
import dev.stowage.domain.model.ModelCommand.DeleteModel;
import dev.stowage.events.ModelEvent;
import java.util.List;

/** Creates and deletes models; a name is free again once its model is deleted. */
public final class ModelDecider implements Decider<ModelCommand, ModelState, ModelEvent> {
    private final Arns arns;

    public ModelDecider(Arns arns) {
        this.arns = arns;
    }

    @Override
    public ModelState initialState() {
        return new ModelState.Absent();
    }

    @Override
    public List<ModelEvent> decide(ModelCommand command, ModelState state) {
        return switch (command) {
            case CreateModel create -> create(create, state);
            case DeleteModel delete -> delete(delete, state);
        };
    }

    private List<ModelEvent> create(CreateModel command, ModelState state) {
        String arn = arns.model(command.modelName());
        if (state instanceof ModelState.Present) {
            throw CommandRejected.validation("Cannot create already existing model \"" + arn + "\".");
        }
        return List.of(new ModelEvent.Created(command.modelName(), arn, command.description(), command.at()));
    }

    private List<ModelEvent> delete(DeleteModel command, ModelState state) {
        if (state instanceof ModelState.Absent) {
            throw notFound(arns, command.modelName());
        }
        return List.of(new ModelEvent.Deleted(command.at()));
    }

    /** The service's answer for a model that does not exist. */
    public static CommandRejected notFound(Arns arns, String modelName) {
        return CommandRejected.notFound("Could not find model \"" + arns.model(modelName) + "\".");
    }

    @Override
    public ModelState evolve(ModelState state, ModelEvent event) {
        return switch (event) {
            case ModelEvent.Created created -> new ModelState.Present(created.modelName(), created.description());
            case ModelEvent.Deleted deleted -> new ModelState.Absent();
        };
    }
}
