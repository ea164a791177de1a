package dev.stowage.host.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.host.LoopbackServer;
import dev.stowage.host.docker.DockerRuntime;
import dev.stowage.host.docker.RegistryAuth;
import dev.stowage.host.runtime.ContainerEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The container engine of a host on EC2: the instance's Docker Engine when one answers, and its credentials. */
class Ec2HostWiringTest {
    @TempDir
    Path dir;

    private HostEnvironment environment(Map<String, String> docker) {
        Map<String, String> env =
                new HashMap<>(Map.of("STOWAGE_API_URL", "https://api.example/prod", "AWS_REGION", "eu-west-1"));
        env.putAll(docker);
        return HostEnvironment.of(env);
    }

    @Test
    void without_an_engine_container_images_are_refused_naming_where_it_was_looked_for() {
        String socket = "unix://" + dir.resolve("no-docker.sock");

        ContainerEngine engine = Ec2HostWiring.withoutAws().containers(environment(Map.of("DOCKER_HOST", socket)));

        assertThat(engine.unavailable())
                .hasValueSatisfying(reason -> assertThat(reason).contains("no Docker Engine answers on " + socket));
    }

    @Test
    void an_engine_that_answers_runs_the_containers() {
        try (LoopbackServer engine = LoopbackServer.serving("/", exchange -> {
            byte[] ok = "OK".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        })) {
            String host = "tcp://127.0.0.1:" + engine.uri("").getPort();

            ContainerEngine containers =
                    Ec2HostWiring.withoutAws().containers(environment(Map.of("DOCKER_HOST", host)));

            assertThat(containers).isInstanceOf(DockerRuntime.class);
            assertThat(containers.unavailable()).isEmpty();
            containers.close();
        }
    }

    @Test
    void on_aws_registries_other_than_ecr_use_dockers_config_json() throws IOException {
        String auth = Base64.getEncoder().encodeToString("me:secret".getBytes(StandardCharsets.UTF_8));
        Files.writeString(
                dir.resolve("config.json"), "{\"auths\":{\"registry.example:5000\":{\"auth\":\"" + auth + "\"}}}");

        RegistryAuth registries =
                Ec2HostWiring.aws().registries().apply(environment(Map.of("DOCKER_CONFIG", dir.toString())));

        assertThat(registries.forRegistry("registry.example:5000"))
                .hasValueSatisfying(config -> assertThat(config.getPassword()).isEqualTo("secret"));
        assertThat(registries.forRegistry("docker.io")).isEmpty();
    }
}
