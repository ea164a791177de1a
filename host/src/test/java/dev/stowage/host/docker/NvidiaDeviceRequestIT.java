package dev.stowage.host.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.stowage.host.runtime.CopyLog;
import dev.stowage.host.runtime.Launch;
import dev.stowage.testing.docker.DockerEngine;
import dev.stowage.testing.docker.TestImage;
import dev.stowage.testing.docker.TestImages;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The engine takes an NVIDIA copy's device request as asked: exactly its GPUs, by index. */
@ExtendWith(DockerEngine.class)
class NvidiaDeviceRequestIT {
    private final DockerClient docker = DockerEngine.client();
    private final String deployment = "it-" + UUID.randomUUID().toString().substring(0, 8);
    private String id;

    @TempDir
    Path dir;

    @AfterEach
    void remove() {
        if (id != null) {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
    }

    @Test
    void an_nvidia_copys_container_asks_the_engine_for_exactly_its_gpus() {
        Launch launch = new Launch(
                new Launch.CopyIdentity("ep", "AllTraffic", "i-1", "ic", "copy-9", "spec"),
                TestImages.ensure(docker, TestImage.BUSYBOX),
                41234,
                Map.of(),
                null,
                new Launch.Compute(1000, 64, Optional.empty()),
                new Launch.Devices(List.of(0, 2), Launch.Devices.Kind.NVIDIA),
                true,
                CopyLog.open(dir.resolve("c.log"), Clock.systemUTC()));
        ContainerRequest request = ContainerRequest.of(deployment, launch, true, Path.of("/dev"));
        // Created the way DockerRuntime creates it; not started, since this machine has no NVIDIA runtime.
        id = docker.createContainerCmd(request.image())
                .withName(request.name())
                .withCmd(request.command())
                .withLabels(request.labels())
                .withHostConfig(request.hostConfig())
                .exec()
                .getId();

        var requests = docker.inspectContainerCmd(id).exec().getHostConfig().getDeviceRequests();
        assertThat(requests).singleElement().satisfies(gpus -> {
            assertThat(gpus.getDriver()).isEqualTo("nvidia");
            assertThat(gpus.getDeviceIds()).containsExactly("0", "2");
        });
    }
}
