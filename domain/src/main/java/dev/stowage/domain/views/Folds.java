package dev.stowage.domain.views;

import dev.stowage.events.EventEnvelope;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** What every row fold shares: idempotence by version and folding a whole stream. */
final class Folds {
    private Folds() {}

    /** True when {@code envelope} was applied to {@code current} already (its version is not newer). */
    static boolean alreadyApplied(Optional<? extends ViewRow> current, EventEnvelope envelope) {
        return current.isPresent() && envelope.version() <= current.get().lastVersion();
    }

    static <R> Optional<R> fold(List<EventEnvelope> stream, BiFunction<Optional<R>, EventEnvelope, Optional<R>> apply) {
        Optional<R> row = Optional.empty();
        for (EventEnvelope envelope : stream) {
            row = apply.apply(row, envelope);
        }
        return row;
    }
}
