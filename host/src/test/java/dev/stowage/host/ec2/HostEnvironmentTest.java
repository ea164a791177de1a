package dev.stowage.host.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The host's deployment contract: what systemd's environment file sets, and the defaults of what it leaves out. */
class HostEnvironmentTest {
    private static final Map<String, String> REQUIRED =
            Map.of("STOWAGE_API_URL", "https://api.example/prod/", "AWS_REGION", "eu-west-1");

    private static HostEnvironment of(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(REQUIRED);
        env.putAll(extra);
        return HostEnvironment.of(env);
    }

    @Test
    void defaults_use_the_instances_docker_socket_and_attach_devices() {
        HostEnvironment environment = of(Map.of());

        assertThat(environment.apiUrl()).isEqualTo(URI.create("https://api.example/prod"));
        assertThat(environment.hostApi()).isEqualTo(URI.create("https://api.example/prod/host"));
        assertThat(environment.deployment()).isEqualTo("stowage");
        assertThat(environment.dockerHost()).isEqualTo("unix:///var/run/docker.sock");
        assertThat(environment.dockerConfig())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".docker", "config.json"));
        assertThat(environment.attachesDevices()).isTrue();
    }

    @Test
    void docker_host_and_config_come_from_dockers_own_variables() {
        HostEnvironment environment =
                of(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375", "DOCKER_CONFIG", "/etc/stowage/docker"));

        assertThat(environment.dockerHost()).isEqualTo("tcp://127.0.0.1:2375");
        assertThat(environment.dockerConfig()).isEqualTo(Path.of("/etc/stowage/docker/config.json"));
    }

    @Test
    void simulated_capacity_attaches_no_devices() {
        HostEnvironment environment = of(Map.of("STOWAGE_SIMULATED_INSTANCE_TYPE", "ml.g5.xlarge"));

        assertThat(environment.simulatedInstanceType()).isEqualTo(Optional.of("ml.g5.xlarge"));
        assertThat(environment.attachesDevices()).isFalse();
    }

    @Test
    void the_api_url_and_region_are_required() {
        assertThatThrownBy(() -> HostEnvironment.of(Map.of("AWS_REGION", "eu-west-1")))
                .hasMessage("STOWAGE_API_URL is not set");
    }
}
