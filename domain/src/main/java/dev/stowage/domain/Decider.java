package dev.stowage.domain;

import java.util.List;

/**
 * Decides which events a command produces from the state folded from earlier events.
 *
 * <p>{@link #decide} may throw one {@link CommandRejected}; a command that repeats what is already true
 * returns no events (deliveries are at least once). {@link #evolve} is total: replay never fails.
 */
public interface Decider<C, S, E> {

    S initialState();

    List<E> decide(C command, S state);

    S evolve(S state, E event);

    default S fold(List<? extends E> events) {
        return fold(initialState(), events);
    }

    /** The state {@code events} make of {@code state}, oldest first. */
    default S fold(S state, List<? extends E> events) {
        S folded = state;
        for (E event : events) {
            folded = evolve(folded, event);
        }
        return folded;
    }
}
