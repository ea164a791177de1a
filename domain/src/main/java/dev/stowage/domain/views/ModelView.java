package dev.stowage.domain.views;

import dev.stowage.events.EventEnvelope;
import dev.stowage.events.ModelEvent;
import java.util.List;
import java.util.Optional;

/** Folds a {@code model/<name>} stream into its {@link ModelRow}. */
public final class ModelView {
    private ModelView() {}

    /**
     * The row after {@code envelope}: Created creates (again, after a delete), Deleted removes. Events of
     * another stream type and events at or below the row's {@code lastVersion} leave it unchanged.
     */
    public static Optional<ModelRow> apply(Optional<ModelRow> current, EventEnvelope envelope) {
        if (!(envelope.event() instanceof ModelEvent event) || Folds.alreadyApplied(current, envelope)) {
            return current;
        }
        return switch (event) {
            case ModelEvent.Created created ->
                Optional.of(new ModelRow(
                        created.modelName(),
                        created.modelArn(),
                        created.description(),
                        created.createdAt(),
                        created.createdAt(),
                        envelope.version()));
            case ModelEvent.Deleted deleted -> Optional.empty();
        };
    }

    /** The row of a whole stream, oldest event first: what DescribeModel shows. */
    public static Optional<ModelRow> describe(List<EventEnvelope> stream) {
        return Folds.fold(stream, ModelView::apply);
    }
}
