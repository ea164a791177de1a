package dev.stowage.testing.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pushing a test image to a private registry and pulling it back, with right and wrong credentials. */
@ExtendWith(DockerEngine.class)
class TestRegistryIT {
    static TestRegistry registry;
    static String pushed;

    @BeforeAll
    static void pushBusybox(DockerClient docker) throws Exception {
        registry = TestRegistry.start();
        pushed = registry.push(docker, TestImages.ensure(docker, TestImage.BUSYBOX), "stowage/busybox", "1");
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void the_engine_pulls_the_pushed_image_with_the_right_credentials(DockerClient docker) throws Exception {
        untag(docker, pushed);

        pull(docker, registry.credentials());

        assertThat(docker.inspectImageCmd(pushed).exec().getId())
                .isEqualTo(docker.inspectImageCmd(TestImages.reference(TestImage.BUSYBOX))
                        .exec()
                        .getId());
        assertThat(registry.log()).contains("auth.user.name=stowage");
    }

    @Test
    void a_wrong_password_is_refused(DockerClient docker) throws Exception {
        untag(docker, pushed);

        assertThatThrownBy(() -> pull(docker, registry.credentials(TestRegistry.USERNAME, "wrong")))
                .hasMessageContaining("unauthorized");
        assertThat(registry.log()).contains("authentication failure");
    }

    @Test
    void no_credentials_are_refused(DockerClient docker) throws Exception {
        untag(docker, pushed);

        assertThatThrownBy(() -> docker.pullImageCmd(pushed)
                        .exec(new PullImageResultCallback())
                        .awaitCompletion(1, TimeUnit.MINUTES))
                .hasMessageContaining("no basic auth credentials");
    }

    private static void pull(DockerClient docker, AuthConfig credentials) throws InterruptedException {
        docker.pullImageCmd(pushed)
                .withAuthConfig(credentials)
                .exec(new PullImageResultCallback())
                .awaitCompletion(1, TimeUnit.MINUTES);
    }

    private static void untag(DockerClient docker, String reference) {
        try {
            docker.removeImageCmd(reference).exec();
        } catch (NotFoundException e) {
            // Not tagged here.
        }
    }
}
