package dev.stowage.testing.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DockerEngine.class)
class DockerEngineIT {

    @Test
    void the_extension_gives_a_client_of_a_live_engine(DockerClient docker) {
        assertThat(DockerEngine.available()).isTrue();
        assertThat(docker.versionCmd().exec().getApiVersion()).isNotBlank();
        assertThat(docker).isSameAs(DockerEngine.client());
    }

    @Test
    void a_busybox_container_runs_and_its_exit_code_and_output_are_seen(DockerClient docker) throws Exception {
        String image = TestImages.ensure(docker, TestImage.BUSYBOX);
        String id = docker.createContainerCmd(image)
                .withCmd("sh", "-c", "echo out; echo err >&2; exit 7")
                .withLabels(Map.of(ServingContainer.LABEL, "test"))
                .exec()
                .getId();
        try {
            docker.startContainerCmd(id).exec();

            assertThat(Containers.awaitExit(docker, id, Duration.ofSeconds(30))).contains(7L);
            assertThat(Containers.logs(docker, id)).contains("out\n").contains("err\n");
        } finally {
            Containers.remove(docker, id);
        }
    }

    @Test
    void a_built_image_is_reused_and_carries_its_recipe_label(DockerClient docker) throws Exception {
        String first = TestImages.ensure(docker, TestImage.BUSYBOX);

        Callable<String> ensure = () -> TestImages.ensure(docker, TestImage.BUSYBOX);
        List<String> concurrent;
        try (var executor = Executors.newFixedThreadPool(2)) {
            concurrent = executor.invokeAll(List.of(ensure, ensure)).stream()
                    .map(f -> {
                        try {
                            return f.get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
        }

        assertThat(concurrent).containsOnly(first);
        assertThat(first).isEqualTo(TestImages.reference(TestImage.BUSYBOX));
        assertThat(docker.inspectImageCmd(first).exec().getConfig().getLabels())
                .containsEntry(TestImages.LABEL, "busybox");
    }
}
