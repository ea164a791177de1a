package dev.stowage.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.host.time.TimeScale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuntimeCatalogTest {
    private final RuntimeCatalog catalog = new RuntimeCatalog(TimeScale.REAL_TIME, ContainerEngine.NONE);

    @Test
    void picks_the_built_in_images_with_or_without_a_tag() throws Exception {
        assertThat(catalog.forImage("stowage/echo", Map.of())).isInstanceOf(EchoRuntime.class);
        assertThat(catalog.forImage("stowage/echo:latest", Map.of())).isInstanceOf(EchoRuntime.class);
        assertThat(catalog.forImage("stowage/llm-sim:1", Map.of())).isInstanceOf(LlmSimRuntime.class);
    }

    @Test
    void runs_a_process_image_or_a_command_from_the_environment() throws Exception {
        assertThat(catalog.forImage("process:python3 serve.py", Map.of())).isInstanceOf(ProcessRuntime.class);
        assertThat(catalog.forImage("my/image", Map.of("STOWAGE_COMMAND", "./serve")))
                .isInstanceOf(ProcessRuntime.class);
        assertThatThrownBy(() -> catalog.forImage("process:  ", Map.of()))
                .isInstanceOf(UnsupportedImageException.class)
                .hasMessage("The process image has no command.");
    }

    @Test
    void a_command_in_the_environment_wins_over_the_image_as_it_alone_can_carry_arguments() throws Exception {
        ModelRuntime runtime =
                catalog.forImage("process:python3", Map.of("STOWAGE_COMMAND", "python3 -m serve --port 1"));

        assertThat(runtime).isInstanceOfSatisfying(ProcessRuntime.class, process -> assertThat(process.command())
                .containsExactly("python3", "-m", "serve", "--port", "1"));
        assertThat(catalog.forImage("stowage/llm-sim", Map.of("STOWAGE_COMMAND", "./serve")))
                .isInstanceOf(ProcessRuntime.class);
        assertThat(catalog.forImage("stowage/llm-sim", Map.of("STOWAGE_COMMAND", " ")))
                .isInstanceOf(LlmSimRuntime.class);
    }

    @Test
    void refuses_an_image_that_needs_a_container_engine() {
        assertThatThrownBy(() -> catalog.forImage("nginx:1.27", Map.of()))
                .isInstanceOf(UnsupportedImageException.class)
                .hasMessage("Image nginx:1.27 needs a Docker Engine, and this host has no Docker Engine. Start one (on"
                        + " Debian or Ubuntu: apt-get install -y docker.io, then dockerd &; or scripts/docker-engine"
                        + " start), or use stowage/echo, stowage/llm-sim or process:<command>.");
    }

    @Test
    void runs_any_other_image_on_the_container_engine() throws Exception {
        ContainerEngine engine = new ContainerEngine() {
            @Override
            public Optional<String> unavailable() {
                return Optional.empty();
            }

            @Override
            public Set<String> removeOthers(
                    String endpointName, String variantName, String instanceId, Set<String> keep) {
                return Set.of();
            }

            @Override
            public RunningModel start(Launch launch) {
                throw new UnsupportedOperationException();
            }
        };
        assertThat(new RuntimeCatalog(TimeScale.REAL_TIME, engine).forImage("nginx:1.27", Map.of()))
                .isSameAs(engine);
    }
}
