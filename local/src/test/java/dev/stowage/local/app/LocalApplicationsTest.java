package dev.stowage.local.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.local.wiring.StowageApplication;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalApplicationsTest {
    private static final LocalApplication OTHER = environment -> {
        throw new UnsupportedOperationException();
    };
    private static final LocalApplication PREFERRED = new LocalApplication() {
        @Override
        public LocalHandlers setUp(LocalEnvironment environment) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int priority() {
            return 1;
        }
    };

    @Test
    void stowageIsTheRegisteredApplication() {
        assertThat(LocalApplications.discover()).isInstanceOf(StowageApplication.class);
    }

    @Test
    void theHighestPriorityWins() {
        assertThat(LocalApplications.choose(List.of(OTHER, PREFERRED))).isSameAs(PREFERRED);
    }

    @Test
    void noApplicationOrATieIsAClearError() {
        assertThatThrownBy(() -> LocalApplications.choose(List.of()))
                .isInstanceOf(LocalApplications.NoApplicationException.class)
                .hasMessageContaining("META-INF/services/dev.stowage.local.app.LocalApplication");
        assertThatThrownBy(() -> LocalApplications.choose(List.of(OTHER, OTHER)))
                .isInstanceOf(LocalApplications.NoApplicationException.class)
                .hasMessageContaining("several");
    }
}
