package dev.stowage.local.fleet;

import dev.stowage.host.docker.DockerConfigAuth;
import dev.stowage.host.docker.DockerConnection;
import dev.stowage.host.docker.DockerRuntime;
import dev.stowage.host.docker.RegistryAuth;
import dev.stowage.host.docker.StaticRegistryAuth;
import dev.stowage.host.runtime.ContainerEngine;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Local mode's container engine: the machine's Docker Engine ({@code DOCKER_HOST}, else its socket), shared by every
 * simulated instance, which account for their accelerator devices but attach none. Images are pulled with the
 * credentials given to {@code ./stowage up --registry-credentials} (system property {@value #CREDENTIALS}), else
 * Docker's own {@code config.json}. A local process's containers are labelled {@code local-<pid>}; at start, those of
 * local processes that died without stopping their hosts are removed.
 */
public final class LocalContainers {
    /** {@code registry=user:password[,…]}, as {@code ./stowage up --registry-credentials} gives them. */
    public static final String CREDENTIALS = "stowage.registryCredentials";

    private static final String LOCAL = "local-";

    private LocalContainers() {}

    /** The engine when one answers, else one that refuses images saying how to start an engine. */
    public static ContainerEngine connect(Map<String, String> environment, Optional<String> credentials) {
        String deployment = LOCAL + ProcessHandle.current().pid();
        RegistryAuth auth = new StaticRegistryAuth(parse(credentials.orElse("")))
                .orElse(DockerConfigAuth.fromEnvironment(environment));
        ContainerEngine engine =
                DockerRuntime.connect(DockerConnection.hostFrom(environment), deployment, false, Path.of("/dev"), auth);
        if (engine instanceof DockerRuntime docker) {
            docker.removeContainersOfGoneDeployments(LocalContainers::deadLocalProcess);
        }
        return engine;
    }

    static Map<String, StaticRegistryAuth.Credentials> parse(String list) {
        Map<String, StaticRegistryAuth.Credentials> byRegistry = new LinkedHashMap<>();
        Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .map(StaticRegistryAuth::parse)
                .forEach(entry -> byRegistry.put(entry.getKey(), entry.getValue()));
        return byRegistry;
    }

    private static boolean deadLocalProcess(String deployment) {
        if (!deployment.startsWith(LOCAL)) {
            return false;
        }
        try {
            long pid = Long.parseLong(deployment.substring(LOCAL.length()));
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
