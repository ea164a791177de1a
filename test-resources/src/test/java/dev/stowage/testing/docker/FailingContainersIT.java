package dev.stowage.testing.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The images that misbehave on purpose: never healthy, exiting after serving, killed for memory. */
@ExtendWith(DockerEngine.class)
class FailingContainersIT {
    private static final Duration START_UP = Duration.ofSeconds(30);

    @Test
    void the_unhealthy_image_serves_but_never_answers_ping_with_200(DockerClient docker) throws Exception {
        try (var container = ServingContainer.of(TestImages.ensure(docker, TestImage.UNHEALTHY))
                .start(docker)) {
            assertThat(container.awaitHealthy(Duration.ofSeconds(3))).isFalse();

            assertThat(Http.get(container.uri("/ping")).statusCode()).isEqualTo(500);
            assertThat(Http.post(container.uri("/invocations"), "application/json", "{}")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(container.state().getRunning()).isTrue();
        }
    }

    @Test
    void the_exit_image_answers_then_exits_with_its_code(DockerClient docker) throws Exception {
        try (var container = ServingContainer.of(TestImages.ensure(docker, TestImage.EXIT_AFTER_SERVING))
                .env("EXIT_AFTER_INVOCATIONS", "2")
                .env("EXIT_CODE", "3")
                .start(docker)) {
            assertThat(container.awaitHealthy(START_UP)).as(container::logs).isTrue();

            var first = Http.post(container.uri("/invocations"), "application/json", "{}");
            var second = Http.post(container.uri("/invocations"), "application/json", "{}");

            assertThat(first.body()).isEqualTo("{\"predictions\": [1]}");
            assertThat(second.body()).isEqualTo("{\"predictions\": [2]}");
            assertThat(container.awaitExit(Duration.ofSeconds(10))).contains(3L);
            assertThat(container.state().getOOMKilled()).isFalse();
            assertThat(container.logs()).contains("exiting with 3 after 2 invocations");
        }
    }

    @Test
    void the_exit_image_in_oom_mode_is_killed_by_the_kernel(DockerClient docker) throws Exception {
        try (var container = ServingContainer.of(TestImages.ensure(docker, TestImage.EXIT_AFTER_SERVING))
                .env("EXIT_MODE", "oom")
                .memoryLimit(64L * 1024 * 1024)
                .start(docker)) {
            assertThat(container.awaitHealthy(START_UP)).as(container::logs).isTrue();

            Http.post(container.uri("/invocations"), "application/json", "{}");

            assertThat(container.awaitExit(Duration.ofSeconds(30))).contains(137L);
            assertThat(container.state().getOOMKilled()).isTrue();
        }
    }
}
