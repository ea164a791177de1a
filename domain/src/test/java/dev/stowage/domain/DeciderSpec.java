package dev.stowage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

/** Given events, when a command, then events or a rejection — whole lists compared. */
public final class DeciderSpec<C, S, E> {
    private final Decider<C, S, E> decider;

    private DeciderSpec(Decider<C, S, E> decider) {
        this.decider = decider;
    }

    public static <C, S, E> DeciderSpec<C, S, E> of(Decider<C, S, E> decider) {
        return new DeciderSpec<>(decider);
    }

    @SafeVarargs
    public final When given(E... history) {
        return new When(decider.fold(List.of(history)));
    }

    public final class When {
        private final S state;

        When(S state) {
            this.state = state;
        }

        public Then when(C command) {
            return new Then(state, command);
        }
    }

    public final class Then {
        private final S state;
        private final C command;

        Then(S state, C command) {
            this.state = state;
            this.command = command;
        }

        @SafeVarargs
        public final void then(E... expected) {
            assertThat(decider.decide(command, state)).containsExactly(expected);
        }

        public void thenNothing() {
            assertThat(decider.decide(command, state)).isEmpty();
        }

        public void thenRejected(CommandRejected.Kind kind, String message) {
            assertThatThrownBy(() -> decider.decide(command, state))
                    .isInstanceOfSatisfying(CommandRejected.class, rejected -> assertThat(rejected.kind())
                            .isEqualTo(kind))
                    .hasMessage(message);
        }

        public void thenRejected(String message) {
            thenRejected(CommandRejected.Kind.VALIDATION, message);
        }
    }
}
