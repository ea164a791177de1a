package dev.stowage.host.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.stowage.host.runtime.CopyLog;
import dev.stowage.testing.docker.DockerEngine;
import dev.stowage.testing.docker.TestImage;
import dev.stowage.testing.docker.TestImages;
import dev.stowage.testing.docker.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** When the disk runs low, images this host pulled that no container uses leave; one in use, or not pulled, stays. */
@ExtendWith(DockerEngine.class)
class ImageSweepIT {
    private final DockerClient docker = DockerEngine.client();

    @TempDir
    Path dir;

    @Test
    void a_low_disk_removes_the_pulled_images_no_container_uses() throws Exception {
        CopyLog log = CopyLog.open(dir.resolve("c.log"), Clock.systemUTC());
        String local = TestImages.ensure(docker, TestImage.BUSYBOX);
        try (TestRegistry registry = TestRegistry.start()) {
            String unused = registry.push(docker, local, "sweep/unused", "1");
            String used = registry.push(docker, local, "sweep/used", "1");
            docker.removeImageCmd(unused).exec();
            docker.removeImageCmd(used).exec();
            for (String image : new String[] {unused, used}) {
                new ImagePull(docker, image, Optional.of(registry.credentials()), progress -> {})
                        .run(Duration.ofMinutes(1));
            }
            String container = docker.createContainerCmd(used).exec().getId();
            try {
                ImageSweep sweep = new ImageSweep(docker, () -> true);
                sweep.pulled(unused);
                sweep.pulled(used);

                sweep.ifDiskLow(log);

                assertThat(ImagePull.present(docker, unused)).isFalse();
                assertThat(ImagePull.present(docker, used))
                        .as("a container uses it")
                        .isTrue();
                assertThat(ImagePull.present(docker, local))
                        .as("never pulled by the host")
                        .isTrue();
                assertThat(Files.readString(log.file())).contains("the disk is low: removed image " + unused);
            } finally {
                docker.removeContainerCmd(container).withForce(true).exec();
            }
        }
    }
}
