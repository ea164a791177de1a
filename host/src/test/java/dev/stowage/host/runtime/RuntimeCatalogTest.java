package dev.stowage.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.host.time.TimeScale;
import java.util.List;
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

    @Test
    void splits_command_lines_like_a_shell_without_running_one() {
        assertThat(CommandLine.split("python3 -m http.server  8080"))
                .isEqualTo(List.of("python3", "-m", "http.server", "8080"));
        assertThat(CommandLine.split("'/opt/my java/bin/java' -Dx=\"a b\" it\\'s"))
                .isEqualTo(List.of("/opt/my java/bin/java", "-Dx=a b", "it's"));
        assertThat(CommandLine.split("  ")).isEmpty();
        assertThatThrownBy(() -> CommandLine.split("echo 'open")).hasMessageContaining("Unclosed quote");
    }
}
