package dev.stowage.domain.views;

import dev.stowage.events.EndpointConfigEvent;
import dev.stowage.events.EventEnvelope;
import java.util.List;
import java.util.Optional;

/** Folds an {@code endpoint-config/<name>} stream into its {@link EndpointConfigRow}. */
public final class EndpointConfigView {
    private EndpointConfigView() {}

    /**
     * The row after {@code envelope}: Created creates (again, after a delete), Deleted removes. Events of
     * another stream type and events at or below the row's {@code lastVersion} leave it unchanged.
     */
    public static Optional<EndpointConfigRow> apply(Optional<EndpointConfigRow> current, EventEnvelope envelope) {
        if (!(envelope.event() instanceof EndpointConfigEvent event) || Folds.alreadyApplied(current, envelope)) {
            return current;
        }
        return switch (event) {
            case EndpointConfigEvent.Created created ->
                Optional.of(new EndpointConfigRow(
                        created.endpointConfigName(),
                        created.endpointConfigArn(),
                        created.description(),
                        created.createdAt(),
                        created.createdAt(),
                        envelope.version()));
            case EndpointConfigEvent.Deleted deleted -> Optional.empty();
        };
    }

    /** The row of a whole stream, oldest event first: what DescribeEndpointConfig shows. */
    public static Optional<EndpointConfigRow> describe(List<EventEnvelope> stream) {
        return Folds.fold(stream, EndpointConfigView::apply);
    }
}
