package dev.stowage.bench;

import com.github.dockerjava.api.DockerClient;
import dev.stowage.host.HostCapacity;
import dev.stowage.host.docker.RegistryAuth;
import dev.stowage.host.serving.RoutingDirectory;
import java.nio.file.Path;

/**
 * Starts the benchmark's {@link ContainerHost}s: all of one deployment (their containers' label, for clean-up), each
 * with its own folder under {@code workDir}, all reading artifacts from the buckets under {@code buckets}.
 */
record BenchHosts(DockerClient docker, String deployment, Path workDir, Path buckets) {

    ContainerHost start(String instanceId, HostCapacity capacity, RegistryAuth auth, RoutingDirectory directory) {
        return new ContainerHost(
                docker, deployment, instanceId, capacity, workDir.resolve(instanceId), buckets, auth, directory);
    }
}
