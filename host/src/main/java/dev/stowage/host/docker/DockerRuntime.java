package dev.stowage.host.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.stowage.host.runtime.ContainerEngine;
import dev.stowage.host.runtime.CopyLog;
import dev.stowage.host.runtime.Launch;
import dev.stowage.host.runtime.RunningModel;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs copies as containers on a Docker Engine (DESIGN §6.3): images pulled with the registry's credentials, one
 * container per copy ({@link ContainerRequest}), found again after the host restarts by its labels, and removed with
 * its copy. Without {@code DataCacheConfig} caching an image the host pulled leaves it with the last copy that used
 * it, so the next copy pulls it again, as on the service; with caching it stays until the disk runs low ({@link
 * ImageSweep}). Images that were on the host before are never removed.
 * Safe for concurrent use.
 */
public final class DockerRuntime implements ContainerEngine {
    private final DockerClient docker;
    private final String engine;
    private final String deployment;
    private final boolean attachDevices;
    private final Path deviceRoot;
    private final RegistryAuth auth;
    private final ImageSweep sweep;
    private final Map<String, Integer> inUse = new ConcurrentHashMap<>();

    /**
     * @param engine the engine's address, for messages
     * @param deployment whose containers these are (labels and names); hosts of other deployments may share the engine
     * @param attachDevices whether containers get their accelerator devices (on EC2; local mode only accounts for them)
     * @param deviceRoot where the device nodes are ({@code /dev})
     */
    public DockerRuntime(
            DockerClient docker,
            String engine,
            String deployment,
            boolean attachDevices,
            Path deviceRoot,
            RegistryAuth auth) {
        this.docker = docker;
        this.engine = engine;
        this.deployment = deployment;
        this.attachDevices = attachDevices;
        this.deviceRoot = deviceRoot;
        this.auth = auth;
        this.sweep = new ImageSweep(docker);
    }

    /**
     * The engine at {@code host} when it answers, else an engine that refuses every image saying so and how to start
     * one.
     */
    public static ContainerEngine connect(
            String host, String deployment, boolean attachDevices, Path deviceRoot, RegistryAuth auth) {
        DockerClient docker = DockerConnection.open(host);
        try {
            docker.pingCmd().exec();
        } catch (RuntimeException e) {
            try {
                docker.close();
            } catch (IOException ignored) {
                // nothing was opened that matters
            }
            return ContainerEngine.without("no Docker Engine answers on " + host + " (" + e.getMessage() + ")");
        }
        return new DockerRuntime(docker, host, deployment, attachDevices, deviceRoot, auth);
    }

    @Override
    public Optional<String> unavailable() {
        return Optional.empty();
    }

    @Override
    public void prepare(String image, Duration timeout, Consumer<String> progress, CopyLog log)
            throws IOException, TimeoutException, InterruptedException {
        try {
            if (ImagePull.present(docker, image)) {
                log.line("image " + image + " is on the host");
                return;
            }
            sweep.ifDiskLow(log);
            String registry = RegistryAuth.registryOf(image);
            log.line("pulling image " + image + " from " + registry);
            new ImagePull(docker, image, credentials(registry), progress).run(timeout);
            sweep.pulled(image);
            log.line("pulled image " + image);
        } catch (DockerException e) {
            throw new IOException(
                    "The Docker Engine at " + engine + " refused to get image " + image + ": " + e.getMessage(), e);
        }
    }

    /** The registry's credentials; credentials that cannot be had (an ECR token refused) fail the pull saying why. */
    private Optional<AuthConfig> credentials(String registry) throws IOException {
        try {
            return auth.forRegistry(registry);
        } catch (RuntimeException e) {
            throw new IOException("No credentials for registry " + registry + ": " + e.getMessage(), e);
        }
    }

    @Override
    public RunningModel start(Launch launch) throws IOException {
        ContainerRequest request = ContainerRequest.of(deployment, launch, attachDevices, deviceRoot);
        removeLeftover(request.name(), launch.log());
        String id;
        try {
            CreateContainerResponse created = docker.createContainerCmd(request.image())
                    .withName(request.name())
                    .withCmd(request.command())
                    .withEnv(request.environment())
                    .withLabels(request.labels())
                    .withExposedPorts(request.port())
                    .withHostConfig(request.hostConfig())
                    .exec();
            id = created.getId();
        } catch (DockerException e) {
            throw new IOException("The Docker Engine could not create the container: " + e.getMessage(), e);
        }
        try {
            docker.startContainerCmd(id).exec();
        } catch (DockerException e) {
            remove(id);
            throw new IOException("The Docker Engine could not start the container: " + e.getMessage(), e);
        }
        inUse.merge(launch.image(), 1, Integer::sum);
        // Watched once started: following the output of a container that has not started ends at once.
        RunningContainer container = RunningContainer.watch(
                docker,
                id,
                request.name(),
                loopback(launch.port()),
                launch.log(),
                false,
                () -> released(launch.image(), launch.cached(), launch.log()));
        launch.log()
                .line("started container " + request.name() + " (" + id.substring(0, 12) + ") from " + launch.image());
        return container;
    }

    @Override
    public Optional<RunningModel> adopt(Launch.CopyIdentity copy, CopyLog log) {
        String name = ContainerLabels.name(deployment, copy);
        InspectContainerResponse found;
        try {
            found = docker.inspectContainerCmd(name).exec();
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        Map<String, String> labels = found.getConfig().getLabels();
        boolean sameSpecification =
                labels != null && copy.specification().equals(labels.get(ContainerLabels.SPECIFICATION));
        Optional<URI> address = publishedPort(found);
        if (!Boolean.TRUE.equals(found.getState().getRunning()) || !sameSpecification || address.isEmpty()) {
            log.line("removing container " + name + " left from before: "
                    + (sameSpecification ? "it is not running" : "it runs another specification"));
            remove(found.getId());
            return Optional.empty();
        }
        String image = found.getConfig().getImage();
        if (image != null) {
            inUse.merge(image, 1, Integer::sum);
        }
        return Optional.of(RunningContainer.watch(docker, found.getId(), name, address.get(), log, true, () -> {
            if (image != null) {
                released(image, true, log);
            }
        }));
    }

    @Override
    public Set<String> removeOthers(String endpointName, String variantName, String instanceId, Set<String> keep) {
        Set<String> removed = new HashSet<>();
        List<Container> mine = docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(ContainerLabels.host(deployment, endpointName, variantName, instanceId))
                .exec();
        for (Container container : mine) {
            String copy = container.getLabels().get(ContainerLabels.COPY);
            if (copy != null && !keep.contains(copy)) {
                remove(container.getId());
                removed.add(copy);
            }
        }
        return removed;
    }

    /**
     * Removes every container of a deployment that {@code gone} says has ended (local mode: a process that died
     * without stopping its hosts); returns how many it removed.
     */
    public int removeContainersOfGoneDeployments(java.util.function.Predicate<String> gone) {
        int removed = 0;
        for (Container container : docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(List.of(ContainerLabels.DEPLOYMENT))
                .exec()) {
            String owner = container.getLabels().get(ContainerLabels.DEPLOYMENT);
            if (owner != null && !owner.equals(deployment) && gone.test(owner)) {
                remove(container.getId());
                removed++;
            }
        }
        return removed;
    }

    /** The engine's client, for the metrics of running containers. */
    DockerClient docker() {
        return docker;
    }

    @Override
    public void close() {
        try {
            docker.close();
        } catch (IOException ignored) {
            // the engine keeps running; only the client goes
        }
    }

    /** A container of the same name left by a crash before this copy's container could be adopted or removed. */
    private void removeLeftover(String name, CopyLog log) {
        try {
            InspectContainerResponse left = docker.inspectContainerCmd(name).exec();
            log.line("removing container " + name + " left from before");
            remove(left.getId());
        } catch (NotFoundException e) {
            // the usual case
        }
    }

    private void remove(String id) {
        try {
            docker.removeContainerCmd(id)
                    .withForce(true)
                    .withRemoveVolumes(true)
                    .exec();
        } catch (NotFoundException e) {
            // gone already
        }
    }

    /**
     * A container of {@code image} is gone: without caching, an image this host pulled goes too once no container
     * uses it. An image that was on the host before (built there, or someone else's) is never removed.
     */
    private void released(String image, boolean cached, CopyLog log) {
        Integer left = inUse.computeIfPresent(image, (name, count) -> count > 1 ? count - 1 : null);
        if (!cached && left == null && sweep.wasPulled(image) && sweep.remove(image)) {
            log.line("removed image " + image + " (no DataCacheConfig caching, and no copy on this host uses it)");
        }
    }

    private static URI loopback(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    private static Optional<URI> publishedPort(InspectContainerResponse container) {
        Ports ports = container.getNetworkSettings() == null
                ? null
                : container.getNetworkSettings().getPorts();
        if (ports == null) {
            return Optional.empty();
        }
        for (Map.Entry<ExposedPort, Ports.Binding[]> entry : ports.getBindings().entrySet()) {
            Ports.Binding[] bindings = entry.getValue();
            if (bindings != null) {
                for (Ports.Binding binding : bindings) {
                    if ("127.0.0.1".equals(binding.getHostIp()) && binding.getHostPortSpec() != null) {
                        return Optional.of(loopback(Integer.parseInt(binding.getHostPortSpec())));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
