package dev.stowage.host.ec2;

import dev.stowage.host.docker.DockerConfigAuth;
import dev.stowage.host.docker.DockerConnection;
import dev.stowage.host.logs.CloudWatchCopyLogs;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the host on EC2 reads from its environment (the deployment contract; systemd sets it from the launch
 * template's user data).
 *
 * @param apiUrl {@code STOWAGE_API_URL}, the REST API's stage URL; the host calls {@code <apiUrl>/host}
 * @param region {@code AWS_REGION}
 * @param deployment {@code STOWAGE_DEPLOYMENT} (default {@code stowage})
 * @param runtimePort {@code STOWAGE_RUNTIME_PORT} (default 8080), where the runtime API listens on every interface
 *     for the load balancer
 * @param peerPort {@code STOWAGE_PEER_PORT} (default 8081), where the fleet's other hosts reach this one (ADR 23)
 * @param logGroupPrefix {@code STOWAGE_LOG_GROUP_PREFIX} (default {@code /stowage/inference-components/})
 * @param logRetentionDays {@code STOWAGE_LOG_RETENTION_DAYS} (default 0: forever), for the copy log groups it creates
 * @param simulatedInstanceType {@code STOWAGE_SIMULATED_INSTANCE_TYPE}: offer this catalog type's capacity instead
 *     of detecting the machine's
 * @param homeDir {@code STOWAGE_HOST_DIR} (default {@code /var/lib/stowage}): fetched artifacts and copy logs
 * @param dockerHost {@code DOCKER_HOST} (default {@code unix:///var/run/docker.sock}): the Docker Engine that runs
 *     container images
 * @param dockerConfig {@code $DOCKER_CONFIG/config.json} (default {@code ~/.docker/config.json}): registry
 *     credentials of {@code docker login}, for registries that are not ECR
 */
public record HostEnvironment(
        URI apiUrl,
        String region,
        String deployment,
        int runtimePort,
        int peerPort,
        String logGroupPrefix,
        int logRetentionDays,
        Optional<String> simulatedInstanceType,
        Path homeDir,
        String dockerHost,
        Path dockerConfig) {

    public static HostEnvironment of(Map<String, String> env) {
        String api = required(env, "STOWAGE_API_URL");
        return new HostEnvironment(
                URI.create(api.endsWith("/") ? api.substring(0, api.length() - 1) : api),
                required(env, "AWS_REGION"),
                env.getOrDefault("STOWAGE_DEPLOYMENT", "stowage"),
                Integer.parseInt(env.getOrDefault("STOWAGE_RUNTIME_PORT", "8080")),
                Integer.parseInt(env.getOrDefault("STOWAGE_PEER_PORT", "8081")),
                env.getOrDefault("STOWAGE_LOG_GROUP_PREFIX", CloudWatchCopyLogs.DEFAULT_GROUP_PREFIX),
                Integer.parseInt(env.getOrDefault("STOWAGE_LOG_RETENTION_DAYS", "0")),
                Optional.ofNullable(env.get("STOWAGE_SIMULATED_INSTANCE_TYPE")).filter(type -> !type.isBlank()),
                Path.of(env.getOrDefault("STOWAGE_HOST_DIR", "/var/lib/stowage")),
                DockerConnection.hostFrom(env),
                DockerConfigAuth.fromEnvironment(env).file());
    }

    /**
     * Whether containers get the accelerator devices placement assigned them: on a real instance, not when the
     * capacity is simulated (the devices offered do not exist on the machine).
     */
    public boolean attachesDevices() {
        return simulatedInstanceType.isEmpty();
    }

    /** Where the hosts' operations are served. */
    public URI hostApi() {
        return URI.create(apiUrl + "/host");
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set");
        }
        return value;
    }
}
