package dev.stowage.testing.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A container started as SageMaker hosting starts one: the argument {@code serve}, {@code SAGEMAKER_BIND_TO_PORT},
 * the model folder bind-mounted read-only at {@code /opt/ml/model}, and the port published on a free loopback
 * port. {@link #close()} removes it (forcibly), so a test's containers do not outlive it.
 */
public final class ServingContainer implements AutoCloseable {
    public static final int DEFAULT_PORT = 8080;
    public static final String MODEL_DIR = "/opt/ml/model";
    /** The label on every container started here, so stray ones can be found: {@code docker ps -a -f label=…}. */
    public static final String LABEL = "dev.stowage.test-container";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final DockerClient docker;
    private final String id;
    private final int hostPort;

    private ServingContainer(DockerClient docker, String id, int hostPort) {
        this.docker = docker;
        this.id = id;
        this.hostPort = hostPort;
    }

    /** A container of {@code image} (a reference, e.g. from {@link TestImages#ensure}) to configure and start. */
    public static Builder of(String image) {
        return new Builder(image);
    }

    public String id() {
        return id;
    }

    /** The loopback port the container's {@code SAGEMAKER_BIND_TO_PORT} is published on. */
    public int hostPort() {
        return hostPort;
    }

    /** {@code http://127.0.0.1:<hostPort><path>}. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + hostPort + path);
    }

    /**
     * Polls {@code GET /ping} until it answers 200 (true), or the container stops or {@code timeout} passes
     * (false).
     */
    public boolean awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        var ping = HttpRequest.newBuilder(uri("/ping"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            if (!Boolean.TRUE.equals(state().getRunning())) {
                return false;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** The Engine's view of the container: running, exit code, {@code OOMKilled}… */
    public InspectContainerResponse.ContainerState state() {
        return docker.inspectContainerCmd(id).exec().getState();
    }

    /** The exit code once the container has stopped, or empty if it still runs after {@code timeout}. */
    public Optional<Long> awaitExit(Duration timeout) throws InterruptedException {
        return Containers.awaitExit(docker, id, timeout);
    }

    /** What the container wrote to stdout and stderr so far, interleaved as it wrote it. */
    public String logs() {
        return Containers.logs(docker, id);
    }

    @Override
    public void close() {
        Containers.remove(docker, id);
    }

    /** How the container is started; {@link #start} creates and starts it. */
    public static final class Builder {
        private final String image;
        private final Map<String, String> env = new LinkedHashMap<>();
        private int port = DEFAULT_PORT;
        private @Nullable Path model;
        private @Nullable Long memoryBytes;

        private Builder(String image) {
            this.image = image;
        }

        /** The port the server must listen on, passed as {@code SAGEMAKER_BIND_TO_PORT} (default 8080). */
        public Builder port(int containerPort) {
            this.port = containerPort;
            return this;
        }

        /** A host folder to bind-mount read-only at {@code /opt/ml/model}. */
        public Builder model(Path hostDirectory) {
            this.model = hostDirectory.toAbsolutePath();
            return this;
        }

        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /** A hard memory limit with no swap beyond it: the kernel's OOM killer ends the container past it. */
        public Builder memoryLimit(long bytes) {
            this.memoryBytes = bytes;
            return this;
        }

        public ServingContainer start(DockerClient docker) {
            var exposed = ExposedPort.tcp(port);
            var host = HostConfig.newHostConfig()
                    // No host port given: the Engine picks a free one on 127.0.0.1, read back below.
                    .withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), exposed));
            if (model != null) {
                host.withBinds(new Bind(model.toString(), new Volume(MODEL_DIR), AccessMode.ro));
            }
            if (memoryBytes != null) {
                host.withMemory(memoryBytes).withMemorySwap(memoryBytes);
            }
            var environment = new ArrayList<String>();
            environment.add("SAGEMAKER_BIND_TO_PORT=" + port);
            env.forEach((name, value) -> environment.add(name + "=" + value));
            String id = docker.createContainerCmd(image)
                    .withCmd(List.of("serve"))
                    .withEnv(environment)
                    .withExposedPorts(exposed)
                    .withLabels(Map.of(LABEL, "serving"))
                    .withHostConfig(host)
                    .exec()
                    .getId();
            try {
                docker.startContainerCmd(id).exec();
                Ports.Binding[] bindings = docker.inspectContainerCmd(id)
                        .exec()
                        .getNetworkSettings()
                        .getPorts()
                        .getBindings()
                        .get(exposed);
                if (bindings == null || bindings.length == 0) {
                    throw new IllegalStateException("the Engine published no host port for " + exposed);
                }
                return new ServingContainer(docker, id, Integer.parseInt(bindings[0].getHostPortSpec()));
            } catch (RuntimeException e) {
                Containers.remove(docker, id);
                throw e;
            }
        }
    }
}
