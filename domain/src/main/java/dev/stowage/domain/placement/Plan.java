package dev.stowage.domain.placement;

import java.util.List;

/** The decisions of one placement round, in the order they are to be applied. Empty when converged. */
public record Plan(List<Decision> decisions) {
    public Plan {
        decisions = List.copyOf(decisions);
    }

    public boolean isEmpty() {
        return decisions.isEmpty();
    }

    public <D extends Decision> List<D> only(Class<D> type) {
        return decisions.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
