package dev.stowage.host.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.time.Duration;

/**
 * A client of one Docker Engine, through docker-java's dependency-free transport on the engine's socket ({@code
 * unix:///var/run/docker.sock}, or what {@code DOCKER_HOST} says). Pulls and followed logs run for minutes, so
 * responses have no overall deadline; connecting does.
 */
public final class DockerConnection {
    /** Where an engine listens by default. */
    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private DockerConnection() {}

    /** The engine at {@code host}; nothing is asked of it yet. */
    public static DockerClient open(String host) {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host)
                .withDockerTlsVerify(false)
                .build();
        var http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .connectionTimeout(CONNECT_TIMEOUT)
                .maxConnections(256)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    /** The engine's host from the environment: {@code DOCKER_HOST}, else the default socket. */
    public static String hostFrom(java.util.Map<String, String> environment) {
        String host = environment.get("DOCKER_HOST");
        return host == null || host.isBlank() ? DEFAULT_HOST : host;
    }
}
