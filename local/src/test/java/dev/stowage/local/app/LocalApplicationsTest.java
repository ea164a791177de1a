package dev.stowage.local.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocalApplicationsTest {
    private static final LocalApplication REAL = environment -> new UnwiredApplication().setUp(environment);

    @Test
    void theUnwiredApplicationIsRegisteredByDefault() {
        assertThat(LocalApplications.discover()).isInstanceOf(UnwiredApplication.class);
    }

    @Test
    void anyOtherApplicationWinsOverTheUnwiredOne() {
        assertThat(LocalApplications.choose(List.of(new UnwiredApplication(), REAL)))
                .isSameAs(REAL);
    }

    @Test
    void noApplicationOrATieIsAClearError() {
        assertThatThrownBy(() -> LocalApplications.choose(List.of()))
                .isInstanceOf(LocalApplications.NoApplicationException.class)
                .hasMessageContaining("META-INF/services/dev.stowage.local.app.LocalApplication");
        assertThatThrownBy(() -> LocalApplications.choose(List.of(REAL, REAL)))
                .isInstanceOf(LocalApplications.NoApplicationException.class)
                .hasMessageContaining("several");
    }
}
