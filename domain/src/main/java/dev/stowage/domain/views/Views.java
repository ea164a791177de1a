package dev.stowage.domain.views;

import dev.stowage.events.EventEnvelope;
import java.util.List;
import java.util.Optional;

/** The row folds of every {@link ViewKind}, behind one signature for code that handles any stream. */
public final class Views {
    private Views() {}

    /**
     * The row of kind {@code kind} after {@code envelope}; see {@link ModelView#apply}, {@link
     * EndpointConfigView#apply}, {@link EndpointView#apply} and {@link InferenceComponentView#apply}. A
     * {@code current} row of another kind counts as absent.
     */
    public static Optional<ViewRow> apply(ViewKind kind, Optional<ViewRow> current, EventEnvelope envelope) {
        return switch (kind) {
            case MODEL -> widen(ModelView.apply(narrow(current, ModelRow.class), envelope));
            case ENDPOINT_CONFIG -> widen(EndpointConfigView.apply(narrow(current, EndpointConfigRow.class), envelope));
            case ENDPOINT -> widen(EndpointView.apply(narrow(current, EndpointRow.class), envelope));
            case INFERENCE_COMPONENT ->
                widen(InferenceComponentView.apply(narrow(current, InferenceComponentRow.class), envelope));
        };
    }

    /** The row of kind {@code kind} folded from a whole stream, oldest event first. */
    public static Optional<ViewRow> describe(ViewKind kind, List<EventEnvelope> stream) {
        Optional<ViewRow> row = Optional.empty();
        for (EventEnvelope envelope : stream) {
            row = apply(kind, row, envelope);
        }
        return row;
    }

    private static <R extends ViewRow> Optional<R> narrow(Optional<ViewRow> row, Class<R> type) {
        return row.filter(type::isInstance).map(type::cast);
    }

    private static Optional<ViewRow> widen(Optional<? extends ViewRow> row) {
        return row.map(ViewRow.class::cast);
    }
}
